using System.Text.Json;
using Provenance.Analysis;
using Provenance.Quality;
using Provenance.Text;

namespace Provenance.Quality.Tests;

/// <summary>The benchmark's own arithmetic: joining corpus paragraphs, covering quotes, comparing speakers and texts.</summary>
public sealed class MeasureTests
{
    [Fact]
    public void Paragraphs_are_joined_with_blank_lines_and_quote_offsets_follow()
    {
        const string main = "First one. Second \"quoted words here\" end.";
        var (text, map) = DevCorpus.Join(main, [(0, 10), (11, main.Length)]);
        text.ShouldBe("First one.\n\nSecond \"quoted words here\" end.");
        var start = main.IndexOf("quoted", StringComparison.Ordinal);
        var end = start + "quoted words here".Length;
        text[map(start, false)..map(end, true)].ShouldBe("quoted words here");
    }

    [Fact]
    public void An_opening_mark_left_at_a_paragraph_end_moves_to_the_paragraph_it_opens()
    {
        const string main = "Fields told CNN: “It is unfortunate.”";
        var split = main.IndexOf('“', StringComparison.Ordinal) + 1;
        var (text, map) = DevCorpus.Join(main, [(0, split), (split, main.Length)]);
        text.ShouldBe("Fields told CNN:\n\n“It is unfortunate.”");
        text[map(split, false)..map(main.Length - 1, true)].ShouldBe("It is unfortunate.");
    }

    [Fact]
    public void A_corpus_line_becomes_an_article_with_its_quotes()
    {
        const string line = """{"id":"0001","uri":"http://www.politico.com/story/x","title":"T","author":"A","mainText":"He said \"we will win this race easily\" today.\nNext.","paragraphs":[{"start":0,"end":45},{"start":46,"end":51}],"quotes":[{"start":9,"end":37}],"hyperlinks":[]}""";
        using var document = JsonDocument.Parse(line);
        var article = DevCorpus.FromJson(document.RootElement);
        article.Host.ShouldBe("politico.com");
        article.Text.ShouldBe("He said \"we will win this race easily\" today.\n\nNext.");
        article.Text.Substring(article.Quotes[0].Start, article.Quotes[0].Length).ShouldBe("we will win this race easily");
        article.QuoteStarts.ShouldBe([9]);
    }

    [Fact]
    public void A_quote_is_covered_by_a_signal_holding_at_least_half_of_it()
    {
        var quote = new TextSpan(100, 40);
        Signal At(int start, int length) => new("named-quote", "X", "PRV2001", new TextSpan(start, length), default);
        ArticleEvaluation.Covering([At(90, 29)], quote).ShouldBeNull();
        ArticleEvaluation.Covering([At(90, 30)], quote).ShouldNotBeNull();
        ArticleEvaluation.Covering([At(90, 30), At(110, 50)], quote)!.Span.Start.ShouldBe(110);
        ArticleEvaluation.Covering([At(60, 200)], quote).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("Mr. Reeves", "Eric Reeves", true)]
    [InlineData("Secretary of State John Kerry", "John Kerry", true)]
    [InlineData("Trump", "Donald Trump", true)]
    [InlineData("Donald Trump's", "Donald Trump", true)]
    [InlineData("State Department", "the State Department", true)]
    [InlineData("After Mook", "Robby Mook", false)]
    [InlineData("Bill Clinton", "Hillary Clinton", false)]
    [InlineData("Donald J. Trump", "Donald Trump", true)]
    [InlineData("Barack Obama", "Obama", true)]
    [InlineData("Franklin Graham", "Lindsey Graham", false)]
    [InlineData("On Thursday", "Donald Trump", false)]
    [InlineData("York City", "Bill de Blasio", false)]
    [InlineData("Miss Universe", "Alicia Machado", false)]
    public void A_found_speaker_names_the_label_when_its_words_are_the_labels(string found, string labelled, bool same) =>
        Speakers.Same(found, labelled).ShouldBe(same);

    [Theory]
    [InlineData("edition.cnn.com", "cnn.com")]
    [InlineData("https://www.bbc.co.uk/news/x", "bbc.co.uk")]
    [InlineData("abcnews.go.com", "go.com")]
    [InlineData("politico.com", "politico.com")]
    public void Hosts_reduce_to_their_registrable_part(string host, string expected) =>
        OutletJudge.Registrable(host).ShouldBe(expected);

    [Fact]
    public void Token_f1_counts_shared_words_with_their_multiplicity()
    {
        PageEvaluation.TokenF1("a b c d", "a b c d").ShouldBe(1);
        PageEvaluation.TokenF1("a a b b", "a b").ShouldBe(2 * 1.0 * 0.5 / 1.5, 1e-9);
        PageEvaluation.TokenF1("a b", "c d").ShouldBe(0);
    }
}
