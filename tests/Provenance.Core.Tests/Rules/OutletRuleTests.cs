using Provenance.Articles;
using Provenance.Json;
using Provenance.Outlets;
using Provenance.Rules;
using Provenance.Tests;

namespace Provenance.Core.Tests.Rules;

/// <summary>
/// The outlet kind's citation keys (publisher, lists, site links, page addresses, unknown names,
/// excluded types, highlight) with packs written for the test, and the default outlet rules on
/// real pages where mentions that are not citations used to be reported.
/// </summary>
public sealed class OutletRuleTests
{
    private const string Cited = """ "before": ["according\\s+to", "\\btold", "sources?\\s*:"], "after": ["reported"] """;

    private static readonly Lazy<OutletRegistry> Registry = new(DefaultRules.LoadOutletRegistry);

    [Fact]
    public void The_publisher_is_never_cited_by_itself_unless_the_rule_asks()
    {
        var article = Article.FromText("The senator told CNN that he would run, and Reuters reported it too.", "a.txt", new Uri("https://edition.cnn.com/2016/09/20/politics/x"));
        Messages(Pack($$"""{ "kind": "outlet", {{Cited}} }"""), article).ShouldBe(["Reuters"]);
        Messages(Pack($$"""{ "kind": "outlet", {{Cited}}, "skipPublisher": false }"""), article).ShouldBe(["CNN", "Reuters"]);
    }

    [Fact]
    public void The_publisher_is_skipped_by_domain_and_by_its_site_name()
    {
        var rules = Pack("""{ "kind": "outlet", "match": "domains" }""");
        var article = Article.FromText("See money.cnn.com and apnews.com for more.", "a.txt", new Uri("https://edition.cnn.com/x"));
        Messages(rules, article).ShouldBe(["Associated Press (apnews.com)"]);
        var unknown = Pack("""{ "kind": "outlet", "before": ["according\\s+to"], "includeUnknown": true }""");
        var page = Article.FromHtml("""<html><head><meta property="og:site_name" content="Eagle Rising"></head><body><article><p>The rally was large, according to Eagle Rising. It was small, according to Example Gazette.</p></article></body></html>""");
        Messages(unknown, page).ShouldBe(["Example Gazette"]);
    }

    [Fact]
    public void Names_listed_with_a_cited_one_are_cited_both_ways()
    {
        var rules = Pack($$"""{ "kind": "outlet", {{Cited}}, "lists": true }""");
        Messages(rules, "Sources: Reuters, Associated Press and the BBC.").ShouldBe(["Reuters", "Associated Press", "BBC"]);
        Messages(rules, "CNN and Fox News reported the crash.").ShouldBe(["CNN", "Fox News"]);
        Messages(rules, "CNN, Fox News and NBC News all covered the crash.").ShouldBeEmpty();
        Messages(Pack($$"""{ "kind": "outlet", {{Cited}} }"""), "Sources: Reuters, Associated Press and the BBC.").ShouldBe(["Reuters"]);
    }

    [Fact]
    public void A_list_carries_the_context_to_an_unknown_name_of_an_outlets_shape()
    {
        var rules = Pack($$"""{ "kind": "outlet", {{Cited}}, "lists": true, "includeUnknown": true, "unknownShapes": ["(?:\\p{Lu}\\S*\\s+){1,3}(?:Inquirer|Patch)"] }""");
        Messages(rules, "Sources: Philadelphia Inquirer, Collingswood Patch and John Smith.").ShouldBe(["Philadelphia Inquirer", "Collingswood Patch"]);
    }

    [Fact]
    public void A_name_linked_to_its_outlets_own_site_is_cited_and_one_linked_elsewhere_is_not()
    {
        var rules = Pack("""{ "kind": "outlet", "siteLinks": true }""");
        Messages(rules, Article.FromHtml("""<p>More from <a href="https://www.reuters.com/world/x">Reuters</a> and <a href="https://example.com/reuters-ratings">Reuters</a>.</p>""")).ShouldBe(["Reuters"]);
    }

    [Fact]
    public void A_written_out_page_address_is_cited_and_a_bare_domain_or_a_short_link_is_not()
    {
        var rules = Pack("""{ "kind": "outlet", "pageAddresses": true, "includeUnknown": true, "before": ["according\\s+to"] }""");
        Messages(rules, "Read https://www.washingtonpost.com/news/story at washingtonpost.com, not http://bit.ly/2cYyRw9.").ShouldBe(["The Washington Post (https://www.washingtonpost.com/news/story)"]);
        Messages(rules, "The cost rose, according to Graduationparty.com; see t.co/axe58zCeJL.").ShouldBe(["Graduationparty.com"]);
    }

    [Fact]
    public void Unknown_names_count_in_context_only_with_an_outlets_shape()
    {
        var rules = Pack("""
            { "kind": "outlet", "before": ["\\btold"], "includeUnknown": true, "unknownAfter": ["reported"],
              "unknownShapes": ["The\\s+\\p{Lu}\\p{Ll}+", "(?:\\p{Lu}\\S*\\s+){1,3}(?:Register|News-Press)"] }
            """);
        Messages(rules, "The organiser told the Des Moines Register and told John Smith. Yesterday The Trace reported the sale.").ShouldBe(["Des Moines Register (desmoinesregister.com)", "The Trace (thetrace.org)"]);
        Messages(rules, "The crowd was large, the Fort Myers News-Press reported.").ShouldBe(["Fort Myers News-Press"]);
        Messages(rules, "Senator John Smith reported the sale.").ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_names_count_only_after_the_unknown_before_contexts_when_the_rule_lists_them()
    {
        var rules = Pack("""
            { "kind": "outlet", "before": ["according\\s+to", "said\\s+on"], "includeUnknown": true, "unknownBefore": ["according\\s+to"],
              "unknownShapes": ["(?:\\p{Lu}\\S*\\s+){1,3}(?:Radio|Tribune)"] }
            """);
        Messages(rules, "The rally was large, according to the Waco Tribune. He said on ESPN Radio that it was, and said on CNN that it was not.").ShouldBe(["Waco Tribune", "CNN"]);
    }

    [Fact]
    public void Rules_that_write_the_same_expression_share_one_instance()
    {
        var rules = RuleSetLoader.Load([new RuleSource("test.rules.json", $$"""{ "name": "test", "version": "1.0.0", "rules": [ {{Rule("PRV9001")}}, {{Rule("PRV9002")}} ] }""")], registry: Registry.Value);
        var first = rules.Rules.OfType<Provenance.Rules.Kinds.OutletRule>().First().Options.Before;
        var second = rules.Rules.OfType<Provenance.Rules.Kinds.OutletRule>().Last().Options.Before;
        first[0].ShouldBeSameAs(second[0]);

        static string Rule(string id) => $$"""{ "id": "{{id}}", "title": "T", "messageFormat": "{0}", "category": "Test", "defaultSeverity": "info", "kind": "outlet", "before": ["according\\s+to"] }""";
    }

    [Fact]
    public void After_contexts_are_one_alternation_unless_one_refers_to_a_group_by_number()
    {
        var combined = Pack("""{ "kind": "outlet", "after": ["reported", "said"] }""").Rules.OfType<Provenance.Rules.Kinds.OutletRule>().Single();
        combined.Options.After.Length.ShouldBe(1);
        var numbered = Pack("""{ "kind": "outlet", "after": ["(re)\\1ported", "said"] }""");
        numbered.Rules.OfType<Provenance.Rules.Kinds.OutletRule>().Single().Options.After.Length.ShouldBe(2);
        Messages(numbered, "Reuters rereported it; CNN said so.").ShouldBe(["Reuters", "CNN"]);
    }

    [Fact]
    public void Excluded_types_are_never_reported()
    {
        var rules = Pack($$"""{ "kind": "outlet", {{Cited}}, "excludeTypes": ["platform"] }""");
        Messages(rules, "According to Facebook, the post was removed; according to Reuters, it was not.").ShouldBe(["Reuters"]);
    }

    [Fact]
    public void A_finding_covers_the_context_or_the_name_alone_as_the_rule_asks()
    {
        const string Text = "The vote was close, according to Reuters.";
        Spans(Pack($$"""{ "kind": "outlet", {{Cited}} }"""), Text).ShouldBe(["according to Reuters"]);
        Spans(Pack($$"""{ "kind": "outlet", {{Cited}}, "highlight": "mention" }"""), Text).ShouldBe(["Reuters"]);
    }

    [Fact]
    public void A_context_ending_at_the_or_an_opening_quote_reaches_the_name()
    {
        var rules = Pack("""{ "kind": "outlet", "before": ["according\\s+to", "said\\s+on"] }""");
        Messages(rules, "The plan, according to the Associated Press, was ready. He said on “Fox News Sunday” it was.").ShouldBe(["Associated Press", "Fox News"]);
        Messages(rules, "The plan, according to theBBC, was ready.").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{ "kind": "outlet", "includeUnknown": true }""", "$.rules[0].includeUnknown", "'unknownAfter'")]
    [InlineData("""{ "kind": "outlet", "before": ["x"], "unknownShapes": ["The\\s+X"] }""", "$.rules[0].unknownShapes", "includeUnknown")]
    [InlineData("""{ "kind": "outlet", "before": ["x"], "unknownBefore": ["y"] }""", "$.rules[0].unknownBefore", "includeUnknown")]
    [InlineData("""{ "kind": "outlet", "lists": true }""", "$.rules[0].lists", "'before', 'after'")]
    [InlineData("""{ "kind": "outlet", "types": ["news"], "excludeTypes": ["news"] }""", "$.rules[0].excludeTypes", "either wanted or excluded")]
    [InlineData("""{ "kind": "outlet", "highlight": "all" }""", "$.rules[0].highlight", "context")]
    [InlineData("""{ "kind": "outlet", "before": ["x"], "includeUnknown": true, "unknownShapes": ["(unclosed"] }""", "$.rules[0].unknownShapes[0]", "invalid regular expression")]
    [InlineData("""{ "kind": "outlet", "after": ["reported", "(unclosed"] }""", "$.rules[0].after[1]", "invalid regular expression")]
    public void Citation_keys_are_validated_with_clear_errors(string rule, string path, string message)
    {
        var errors = Should.Throw<JsonLoadException>(() => Pack(rule)).Errors;
        errors.ShouldContain(e => e.JsonPath == path && e.Message.Contains(message, StringComparison.Ordinal), string.Join("\n", errors));
    }

    [Fact]
    public void A_page_published_by_an_outlet_does_not_cite_it_from_its_byline_and_site_name()
    {
        var findings = DefaultFindings("bbc-1");
        findings.ShouldNotContain(f => f.RuleId.StartsWith("PRV100", StringComparison.Ordinal) && f.Arguments.Length > 3 && f.Arguments[3] == "BBC");
    }

    [Fact]
    public void An_essay_about_a_platform_does_not_cite_it_as_an_unreliable_outlet()
    {
        DefaultFindings("aclu").ShouldNotContain(f => f.RuleId == "PRV1007" || (f.RuleId == "PRV1002" && f.Message.Contains("Facebook", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_author_bio_naming_the_authors_outlet_is_not_a_citation()
    {
        // "a reporter for Breitbart Tech" at the article's end, on Breitbart's own page.
        DefaultFindings("breitbart").ShouldNotContain(f => (f.RuleId == "PRV1002" || f.RuleId == "PRV1007") && f.MatchedText.Contains("Breitbart", StringComparison.Ordinal));
    }

    private static List<Provenance.Analysis.Finding> DefaultFindings(string page)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "data", "third_party", "html-testpages", "pages", page, "source.html");
        return [.. RuleVerifier.Default.Analyze(Article.FromHtml(File.ReadAllText(path), page + ".html"), TestContext.Current.CancellationToken).Findings];
    }

    private static RuleSet Pack(string kindKeys)
    {
        var keys = kindKeys.Trim().TrimStart('{').TrimEnd('}');
        var rule = $$"""{ "id": "PRV9001", "title": "Test rule", "messageFormat": "{0}", "category": "Test", "defaultSeverity": "info", {{keys}} }""";
        return RuleSetLoader.Load([new RuleSource("test.rules.json", $$"""{ "name": "test", "version": "1.0.0", "rules": [ {{rule}} ] }""")], registry: Registry.Value);
    }

    private static string[] Messages(RuleSet rules, string text) => Messages(rules, Article.FromText(text));

    private static string[] Messages(RuleSet rules, Article article) =>
        [.. rules.Analyze(article, TestContext.Current.CancellationToken).Findings.Select(f => f.Message)];

    private static string[] Spans(RuleSet rules, string text) =>
        [.. rules.Analyze(Article.FromText(text), TestContext.Current.CancellationToken).Findings.Select(f => f.MatchedText)];
}
