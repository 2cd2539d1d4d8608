using Provenance.Articles;
using Provenance.Json;
using Provenance.Rules;

namespace Provenance.Core.Tests.Rules;

/// <summary>
/// The <c>share</c> kind: "most of the attributions are to unnamed people". Its real-text cases are
/// from the BuzzFeed-Webis Fake News Corpus 2016 (CC BY 4.0): a CNN report sourced to officials
/// only, and a blog post quoting a named general beside one "critics have claimed".
/// </summary>
public sealed class ShareRuleTests
{
    // A rule a house pack would add on top of the built-in ones.
    private const string MostlyAnonymous = """
        { "id": "PRV9101", "kind": "share", "title": "Mostly anonymous sourcing", "messageFormat": "{0} of {1} attributions ({2}%) are to unnamed people or groups",
          "category": "Sourcing", "defaultSeverity": "warning",
          "signals": ["anonymous-source", "anonymous-quote", "vague-attribution", "unnamed-actor"],
          "of": ["anonymous-source", "anonymous-quote", "vague-attribution", "unnamed-actor", "named-quote", "named-paraphrase", "outlet-cited", "document-cited"],
          "atLeast": 0.6, "minimum": 4 }
        """;

    [Fact]
    public void Share_fires_when_the_part_reaches_its_share_of_a_whole_large_enough_to_mean_something()
    {
        var rules = TestPacks.Load(
            """{ "id": "PRV9001", "kind": "lexicon", "title": "t", "messageFormat": "{0}", "category": "c", "defaultSeverity": "info", "signal": "anon", "phrases": ["a source said"] }""",
            """{ "id": "PRV9002", "kind": "lexicon", "title": "t", "messageFormat": "{0}", "category": "c", "defaultSeverity": "info", "signal": "named", "phrases": ["Maria Lopez said"] }""",
            """{ "id": "PRV9003", "kind": "share", "title": "t", "messageFormat": "{0} of {1} ({2}%)", "category": "c", "defaultSeverity": "info", "signals": ["anon"], "of": ["anon", "named"], "atLeast": 0.6, "minimum": 3 }""");
        Share(rules, "A source said so. A source said more. Maria Lopez said no.").ShouldBe(["2 of 3 (67%)"]);
        Share(rules, "A source said so. A source said more. A source said it.").ShouldBe(["3 of 3 (100%)"]);
        Share(rules, "A source said so. Maria Lopez said no. Maria Lopez said more.").ShouldBeEmpty();
        Share(rules, "A source said so. A source said more.").ShouldBeEmpty("two attributions are too few for a share to mean anything");
        Share(rules, "Maria Lopez said no. Maria Lopez said more. Maria Lopez said it.").ShouldBeEmpty();
    }

    [Fact]
    public void A_share_exactly_at_the_threshold_fires_and_a_name_given_twice_counts_once()
    {
        // 0.28 × 25 is 7.000000000000001 in binary floating point: 7 of 25 must still be 28%.
        var rules = TestPacks.Load(
            """{ "id": "PRV9001", "kind": "lexicon", "title": "t", "messageFormat": "{0}", "category": "c", "defaultSeverity": "info", "signal": "anon", "phrases": ["a source said"] }""",
            """{ "id": "PRV9002", "kind": "lexicon", "title": "t", "messageFormat": "{0}", "category": "c", "defaultSeverity": "info", "signal": "named", "phrases": ["Maria Lopez said"] }""",
            """{ "id": "PRV9003", "kind": "share", "title": "t", "messageFormat": "{0} of {1} ({2}%)", "category": "c", "defaultSeverity": "info", "signals": ["anon", "anon"], "of": ["anon", "named", "named"], "atLeast": 0.28 }""");
        var text = string.Concat(Enumerable.Repeat("A source said so. ", 7)) + string.Concat(Enumerable.Repeat("Maria Lopez said no. ", 18));
        Share(rules, text).ShouldBe(["7 of 25 (28%)"]);
    }

    [Fact]
    public void A_part_outside_its_whole_and_a_share_above_one_are_refused_where_they_are_written()
    {
        var errors = Should.Throw<JsonLoadException>(() => TestPacks.Load(
            """{ "id": "PRV9003", "kind": "share", "title": "t", "messageFormat": "{0}", "category": "c", "defaultSeverity": "info", "signals": ["anon", "vague"], "of": ["anon", "named"], "atLeast": 60 }""")).Errors;
        errors.Select(e => $"{e.JsonPath}: {e.Message}").ShouldBe(
        [
            "$.rules[0].signals: 'vague' is not in 'of'; the part must be counted in the whole",
            "$.rules[0].atLeast: expected a number from 0 to 1, found 60",
        ]);
    }

    [Fact]
    public void On_real_text_a_report_sourced_to_officials_alone_fires_and_one_led_by_a_named_general_does_not()
    {
        var rules = TestPacks.WithBuiltIn(MostlyAnonymous);
        const string officials = """
            (CNN)The mistaken US-led coalition bombing of a Syrian military position Saturday may have happened because the personnel weren't wearing military uniforms and didn't have standard military weapons, several US military officials told CNN.

            Officials said they now think the personnel bombed may have been Syrian military prisoners, according to several US defense officials.

            That's a working theory of how US, British, Danish and Australian aircraft may have incorrectly assessed intelligence and targeted the site that killed more than 60 Syrian personnel near Deir Ezzor in eastern Syria.

            Officials emphasized there are no final conclusions by the US about who was struck. Overhead imagery and interviews with those involved will have to be assessed.

            Officials told CNN they believe a likely scenario is the personnel hit were prisoners of the regime, perhaps military personnel being detained, although that is not certain.
            """;
        Share(rules, officials, "PRV9101").ShouldBe(["4 of 4 attributions (100%) are to unnamed people or groups"]);

        const string general = """
            Marine Gen. Joseph Dunford, the nation’s top military officer, said Thursday that reports that U.S. payments to Iran will go to the Iranian military are “troubling.”

            “It certainly is troubling. The more funds that they have available, obviously the more effective they’ll be in spreading malign influence,” the chairman of the Joint Chiefs of Staff told the Senate Armed Services Committee.

            He was responding to questioning by Sen. Kelly Ayotte (R-N.H.), a member of the committee, who referenced recent reports that the Iranian government has approved a law that would allocate to the military the $1.7 billion the U.S. paid Iran this year to settle a failed arms deal from the 1970s.

            The administration has argued the payment was not a “ransom,” as critics have claimed, but that an international nuclear accord signed in January paved the way for the payment and a release of prisoners at the same time.
            """;
        Share(rules, general, "PRV9101").ShouldBeEmpty();
    }

    private static List<string> Share(RuleSet rules, string text, string id = "PRV9003") =>
        [.. rules.Analyze(Article.FromText(text), TestContext.Current.CancellationToken).Findings.Where(f => f.RuleId == id).Select(f => f.Message)];
}
