using Provenance.Analysis;
using Provenance.Corpus;
using Provenance.Rules;
using Provenance.Text;

namespace Provenance.Core.Tests.Corpus;

/// <summary>What a group of copies says of each of its articles: the finding, the signal, and where the shared text is.</summary>
public sealed class CopyVerdictsTests
{
    // CNN's page, an aggregator's copy crediting CNN, a blog's rewrite crediting no one, and CNN's
    // own second page with the same story: the cases an editor tells apart.
    private static readonly CopyCluster Group = new(
        ["aggregator.txt", "blog.html", "cnn.html", "cnn-2.html"],
        [
            new CopyPair("aggregator.txt", "cnn.html", 0.97, 0.9, 120, new LineRange(3, 20), new LineRange(5, 22)),
            new CopyPair("blog.html", "cnn.html", 0.72, 0.6, 80, new LineRange(2, 9), new LineRange(7, 18)),
            new CopyPair("cnn.html", "cnn-2.html", 0.5, 0.8, 60, new LineRange(5, 12), new LineRange(1, 8)),
        ]);

    private static readonly Dictionary<string, CopyFacts> Facts = new[]
    {
        new CopyFacts("aggregator.txt", null, new DateOnly(2016, 9, 20), ["CNN (www.cnn.com)"], 700),
        new CopyFacts("blog.html", "myblog.example.org", null, [], 400),
        new CopyFacts("cnn.html", "edition.cnn.com", new DateOnly(2016, 9, 19), [], 650),
        new CopyFacts("cnn-2.html", "www.cnn.com", new DateOnly(2016, 9, 21), [], 300),
    }.ToDictionary(f => f.Path, StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, CopyVerdict> Verdicts() => CopyVerdicts.For([Group], [CopyOrigins.Judge(Group, Facts)]);

    [Fact]
    public void An_uncredited_rewrite_is_a_warning_naming_its_original_and_where_the_text_is_there()
    {
        var blog = Verdicts()["blog.html"];
        blog.RuleId.ShouldBe(CopyVerdicts.UncreditedCopy);
        blog.Signal.ShouldBe("uncredited-copy");
        blog.Value.ShouldBe("cnn.html");
        blog.Lines.ShouldBe(new LineRange(2, 9));
        blog.Message.ShouldStartWith("72% of this text also appears in cnn.html (lines 7–18), which it does not credit");
        blog.Related.ShouldBe([("cnn.html", new LineRange(7, 18), "the likely original of the shared text")]);
    }

    [Fact]
    public void A_copy_that_credits_a_source_is_credited_syndication()
    {
        var aggregator = Verdicts()["aggregator.txt"];
        aggregator.RuleId.ShouldBe(CopyVerdicts.CreditedCopy);
        aggregator.Value.ShouldBe("CNN (www.cnn.com)");
        aggregator.Message.ShouldEndWith("it credits CNN (www.cnn.com), the original's site, for it: credited syndication");
    }

    [Fact]
    public void The_same_sites_other_page_is_noted_without_blame_and_the_original_lists_its_copies()
    {
        var verdicts = Verdicts();
        verdicts["cnn-2.html"].RuleId.ShouldBe(CopyVerdicts.SameText);
        verdicts["cnn-2.html"].Message.ShouldEndWith("a page of the same site");

        var original = verdicts["cnn.html"];
        original.RuleId.ShouldBe(CopyVerdicts.CopiedBy);
        // The credit names CNN, whose two pages tie: the earlier dated is the original.
        original.Message.ShouldStartWith("Its text also appears in 3 other articles (aggregator.txt, blog.html, cnn-2.html); this one is taken for the original: the earliest dated (2016-09-19)");
        original.Related.Select(r => (r.Path, r.Message)).ShouldBe([
            ("aggregator.txt", "a credited copy, holding 90% of this text"),
            ("blog.html", "an uncredited copy, holding 60% of this text"),
            ("cnn-2.html", "a page of the same site, holding 50% of this text"),
        ]);
    }

    [Fact]
    public void The_same_text_twice_with_no_site_known_is_noted_without_blame_but_not_when_the_original_says_where_it_is()
    {
        var group = new CopyCluster(["a.txt", "b.txt"], [new CopyPair("a.txt", "b.txt", 1, 1, 90, new LineRange(1, 9), new LineRange(1, 9))]);
        var unknown = new[] { new CopyFacts("a.txt", null, null, [], 500), new CopyFacts("b.txt", null, null, [], 400) }.ToDictionary(f => f.Path);
        CopyVerdicts.For([group], [CopyOrigins.Judge(group, unknown)])["b.txt"].RuleId.ShouldBe(CopyVerdicts.SameText);

        var known = new[] { new CopyFacts("a.txt", "www.cnn.com", null, [], 500), new CopyFacts("b.txt", null, null, [], 400) }.ToDictionary(f => f.Path);
        CopyVerdicts.For([group], [CopyOrigins.Judge(group, known)])["b.txt"].RuleId.ShouldBe(CopyVerdicts.UncreditedCopy);
    }

    [Fact]
    public void Shared_text_with_no_site_credit_or_date_to_tell_which_came_first_blames_neither()
    {
        // As the POLITICO Europe pages of the dev corpus read as plain text: the fuller is only taken for the original.
        var group = new CopyCluster(["a.txt", "b.txt"], [new CopyPair("a.txt", "b.txt", 0.8, 0.6, 90, new LineRange(1, 9), new LineRange(2, 12))]);
        var plain = new[] { new CopyFacts("a.txt", null, null, [], 300), new CopyFacts("b.txt", null, null, [], 400) }.ToDictionary(f => f.Path);
        var a = CopyVerdicts.For([group], [CopyOrigins.Judge(group, plain)])["a.txt"];
        a.RuleId.ShouldBe(CopyVerdicts.SameText);
        a.Message.ShouldEndWith("so which came first cannot be told");

        // A date says which came first: the later one is the uncredited copy.
        var dated = new[] { new CopyFacts("a.txt", null, new DateOnly(2016, 9, 2), [], 300), new CopyFacts("b.txt", null, new DateOnly(2016, 9, 1), [], 400) }.ToDictionary(f => f.Path);
        CopyVerdicts.For([group], [CopyOrigins.Judge(group, dated)])["a.txt"].RuleId.ShouldBe(CopyVerdicts.UncreditedCopy);
    }

    [Fact]
    public void A_copy_that_met_the_group_through_another_copy_is_measured_against_that_one_and_says_so()
    {
        // c.txt shares text with b.txt only; b.txt with the original a.html.
        var group = new CopyCluster(["a.html", "b.txt", "c.txt"], [
            new CopyPair("a.html", "b.txt", 0.8, 0.9, 100, new LineRange(2, 30), new LineRange(1, 25)),
            new CopyPair("b.txt", "c.txt", 0.6, 0.7, 60, new LineRange(10, 25), new LineRange(3, 12)),
        ]);
        var facts = new[] { new CopyFacts("a.html", "www.cnn.com", new DateOnly(2016, 9, 1), [], 900), new CopyFacts("b.txt", null, null, [], 800), new CopyFacts("c.txt", null, null, [], 300) }.ToDictionary(f => f.Path);
        var verdicts = CopyVerdicts.For([group], [CopyOrigins.Judge(group, facts)]);

        var c = verdicts["c.txt"];
        c.RuleId.ShouldBe(CopyVerdicts.UncreditedCopy);
        c.Value.ShouldBe("b.txt");
        c.Message.ShouldStartWith("70% of this text also appears in b.txt (lines 10–25), one of a group whose likely original is a.html; it credits no source");
        c.Related.ShouldHaveSingleItem().Path.ShouldBe("b.txt");

        // The original lists only the copy it shares text with, at the lines it shares.
        var original = verdicts["a.html"];
        original.Lines.ShouldBe(new LineRange(2, 30));
        original.Related.Select(r => r.Path).ShouldBe(["b.txt"]);
        original.Related[0].Message.ShouldBe("an uncredited copy, holding 80% of this text");
    }

    [Fact]
    public void A_verdict_is_reported_at_its_lines_with_the_configured_severity_and_not_at_all_when_turned_off()
    {
        var blog = Verdicts()["blog.html"];
        var text = new SourceText("Title\nFirst shared line\n\nSecond\nmore\nmore\nmore\nmore\nLast shared line\nafter");
        LinePlaces? Places(string path) => path == "blog.html" ? PlacesOf(text) : null;

        var (finding, signal) = CopyVerdicts.Report(blog, Places, "blog.html", AnalysisOptions.Default)!.Value;
        finding.Severity.ShouldBe(Severity.Warning);
        finding.Category.ShouldBe("Integrity");
        finding.Location.ShouldBe(new LinePositionSpan(new LinePosition(2, 1), new LinePosition(9, 17)));
        text[finding.Span].ShouldStartWith("First shared line");
        text[finding.Span].ShouldEndWith("Last shared line");
        signal.Name.ShouldBe("uncredited-copy");
        CopyVerdicts.Signals.ShouldContain(signal.Name);

        // The original's lines are not known here (an article not read in this run): placed by number.
        var related = finding.Related.ShouldHaveSingleItem();
        related.Path.ShouldBe("cnn.html");
        related.Location.ShouldBe(new LinePositionSpan(new LinePosition(7, 1), new LinePosition(19, 1)));

        var asError = new AnalysisOptions(new Dictionary<string, Severity?> { ["PRV8001"] = Severity.Error });
        CopyVerdicts.Report(blog, Places, "blog.html", asError)!.Value.Finding.Severity.ShouldBe(Severity.Error);
        var byCategory = new AnalysisOptions(categorySeverities: new Dictionary<string, Severity?> { ["Integrity"] = null });
        CopyVerdicts.Report(blog, Places, "blog.html", byCategory).ShouldBeNull();
    }

    [Fact]
    public void A_prints_line_places_are_those_of_its_shingles_lines()
    {
        // A print's lines, from its runs of words, are the set of every shingle's two lines.
        var article = Provenance.Articles.Article.Read(File.ReadAllText(Provenance.Tests.RepoPaths.Sample("hezbollah-original-source-cnn.txt")), Provenance.Articles.ArticleFormat.Text, "a.txt");
        var print = TextPrint.Of(article).ShouldNotBeNull();
        var merged = LinePlaces.Of(article.Source, print);
        var general = LinePlaces.Of(article.Source, Enumerable.Range(0, print.Shingles.Length).SelectMany(s => new[] { print.StartLine(s), print.EndLine(s) }));
        for (var line = 0; line <= article.Source.LineCount + 1; line++)
        {
            merged.Find(line).ShouldBe(general.Find(line), $"line {line}");
        }

        merged.Find(print.StartLine(0)).ShouldNotBeNull();
    }

    // Every line of the text kept, as if each held a shingle's start or end.
    private static LinePlaces PlacesOf(SourceText text) => LinePlaces.Of(text, Enumerable.Range(1, text.LineCount));
}
