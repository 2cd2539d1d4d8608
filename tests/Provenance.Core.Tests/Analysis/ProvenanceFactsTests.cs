using System.Collections.Immutable;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Rules;
using Provenance.Text;

namespace Provenance.Core.Tests.Analysis;

/// <summary>
/// Facts gathered from hand-made signals: first-seen order everywhere, outlets grouped by name
/// (linked if any citation is, rated by the first rated citation, placed at the first), people and
/// disclosures without repeats or blanks.
/// </summary>
public sealed class ProvenanceFactsTests
{
    [Fact]
    public void Signals_become_facts_in_first_seen_order_without_repeats()
    {
        var signals = new List<Signal>();
        var findings = new List<Finding>();
        void Add(string name, string value, int line, params string[] arguments)
        {
            var ruleId = $"PRV9{signals.Count:000}";
            var span = new TextSpan(line * 100, 5);
            var location = new LinePositionSpan(new LinePosition(line, 1), new LinePosition(line, 6));
            signals.Add(new Signal(name, value, ruleId, span, location));
            findings.Add(new Finding(ruleId, "Test", Severity.Info, name, span, location, value, value, [.. arguments]));
        }

        Add("outlet-cited", "Reuters", 2, "Reuters");
        Add("unreliable-outlet", "Daily Buzz", 3, "Daily Buzz", "rated unreliable by a list", "list", "x");
        Add("outlet-linked", "Reuters", 4, "Reuters");
        Add("outlet-cited", "Daily Buzz", 5, "Daily Buzz");
        Add("named-quote", "Ana Ruiz", 6);
        Add("named-quote", "", 7);
        Add("named-quote", "Ana Ruiz", 8);
        Add("named-paraphrase", "Lee Chan", 9);
        Add("anonymous-source", "officials", 10);
        Add("anonymous-quote", "a source", 11);
        Add("vague-attribution", "experts", 12);
        Add("ai-disclosure-image", "", 13);
        Add("ai-disclosure-text", "", 14);
        Add("ai-disclosure-image", "", 15);
        Add("sponsored", "Sponsored by X", 16);
        Add("promotion", "Buy now", 17);
        Add("sponsored", "Sponsored by X", 18);
        Add("original-source", "www.cnn.com", 19, "www.cnn.com", "rated high by a list", "list", "y");
        Add("original-source", "www.bbc.com", 20);

        var metadata = new ArticleMetadata { Authors = [new MetadataField("Jane Doe", null)], Published = new MetadataField("2026-11-01", null) };
        var article = new Article("a.txt", ArticleFormat.Text, new SourceText(string.Empty), [], metadata);
        var facts = ProvenanceFacts.From(article, new AnalysisResult([.. findings], [.. signals]));

        facts.Outlets.ShouldBe([new OutletFact("Reuters", true, null, 2), new OutletFact("Daily Buzz", false, "rated unreliable by a list", 3)]);
        facts.QuotedPeople.ShouldBe(["Ana Ruiz"]);
        facts.ParaphrasedPeople.ShouldBe(["Lee Chan"]);
        facts.AnonymousAttributions.ShouldBe(2);
        facts.VagueAttributions.ShouldBe(1);
        facts.AiDisclosures.ShouldBe(["image", "text"]);
        facts.ChatbotText.ShouldBeFalse();
        facts.Promotions.ShouldBe(["Sponsored by X", "Buy now"]);
        facts.OriginalSource.ShouldBe("www.cnn.com");
        facts.OriginalSourceRating.ShouldBe("rated high by a list");
        facts.Authors.ShouldBe(["Jane Doe"]);
        facts.Published.ShouldBe("2026-11-01");
    }

    [Fact]
    public void An_article_without_signals_has_empty_facts()
    {
        var article = new Article("a.txt", ArticleFormat.Text, new SourceText(string.Empty), [], new ArticleMetadata());
        var facts = ProvenanceFacts.From(article, new AnalysisResult([], ImmutableArray<Signal>.Empty));
        facts.Outlets.ShouldBeEmpty();
        facts.QuotedPeople.ShouldBeEmpty();
        facts.AiDisclosures.ShouldBeEmpty();
        facts.Promotions.ShouldBeEmpty();
        facts.OriginalSource.ShouldBeNull();
        facts.ChatbotText.ShouldBeFalse();
    }
}
