using Provenance.Analysis;
using Provenance.Hosting;
using Provenance.Rules;
using Provenance.Text;

namespace Provenance.Cli.Tests;

/// <summary>Findings packed to be held while a run looks for copies (<see cref="HeldFindings"/>), and unpacked again.</summary>
public sealed class PackedFindingsTests
{
    private static readonly RuleSet Rules = DefaultRules.LoadRuleSet();

    [Fact]
    public void Findings_come_back_as_they_were_packed_however_long_and_whatever_characters_they_hold()
    {
        var rule = Rules.Rules[0];
        // A line longer than any buffer, characters past one byte (which are held as two) and
        // past two in UTF-8, the characters a text layout escapes, an unknown rule and category.
        var longLine = string.Concat(Enumerable.Repeat("Café “quoted” 北京 😀 ", 2_000));
        Finding[] findings =
        [
            new(rule.Id, rule.Descriptor.Category, Severity.Warning, "a tab\there, a line\nthere, a back\\slash", new TextSpan(3, 9), new LinePositionSpan(new LinePosition(1, 4), new LinePosition(1, 13)), "matched", longLine, []),
            new("PRV-NOT-A-RULE", "unknown category", Severity.Info, "Said by \"Jane Roe\"", new TextSpan(0, 0), default, string.Empty, "excerpt", ["one", "two\r\nthree", longLine]),
            new(rule.Id, "catégorie “wide”", Severity.Error, "x", new TextSpan(int.MaxValue - 1, 1), new LinePositionSpan(new LinePosition(70_000, 1), new LinePosition(70_001, 2)), "é", "odd", ["only"]),
        ];

        RoundTrip(findings);
    }

    [Fact]
    public void A_matched_text_the_excerpt_holds_and_an_excerpt_repeated_come_back_as_equal_text()
    {
        // From a real article: several findings on one sentence share its excerpt, and most
        // matched texts are a part of it, or all of it.
        var rule = Rules.Rules[1];
        const string excerpt = "\u201cWe are not going to let this stand,\u201d said Sen. Chuck Schumer, D-N.Y., on Tuesday.";
        const string other = "The lawmakers met behind closed doors.";
        Finding[] findings =
        [
            Finding(rule, "said Sen. Chuck Schumer", excerpt),
            Finding(rule, excerpt, excerpt),
            Finding(rule, "Chuck Schumer", other + " Chuck Schumer"),
            Finding(rule, string.Empty, excerpt),
            Finding(rule, "not in the excerpt", excerpt),
            Finding(rule, "lawmakers", other),
        ];

        var unpacked = RoundTrip(findings);

        // The excerpt repeated is one string, not a copy of it; the whole excerpt matched is it.
        unpacked[1].Excerpt.ShouldBeSameAs(unpacked[0].Excerpt);
        unpacked[1].MatchedText.ShouldBeSameAs(unpacked[1].Excerpt);
    }

    [Fact]
    public void Article_level_findings_matches_at_the_excerpt_start_and_excerpts_repeated_far_back_come_back()
    {
        var rule = Rules.Rules[2];
        const string excerpt = "Reuters contributed reporting to this story.";
        var findings = new List<Finding>
        {
            // About the whole article (no place, no excerpt): the commonest shape of all.
            new(rule.Id, rule.Descriptor.Category, Severity.Info, "No byline", new TextSpan(0, 0), default, string.Empty, string.Empty, []),
            Finding(rule, "Reuters", excerpt),
        };

        // The first excerpt again after more findings than are looked back at: held again in full.
        findings.AddRange(Enumerable.Range(0, 10).Select(i => Finding(rule, $"word{i}", $"Line {i} of the story, word{i}.")));
        findings.Add(Finding(rule, "Reuters contributed", excerpt));

        RoundTrip([.. findings]);
    }

    [Fact]
    public void Half_of_a_surrogate_pair_comes_back_as_it_was_not_as_a_replacement_mark()
    {
        // UTF-8 cannot hold half of a pair; a report held and made again must write what one
        // written at once does (JSON escapes each half as it is).
        var rule = Rules.Rules[0];
        const string emoji = "\U0001F600";
        var half = emoji[..1];
        Finding[] findings =
        [
            new(rule.Id, rule.Descriptor.Category, Severity.Info, $"Quoted: {half}", new TextSpan(1, 1), default, half, $"x{emoji}{half}y", [half, emoji[1..]]),
            new(rule.Id, rule.Descriptor.Category, Severity.Info, "whole", new TextSpan(1, 2), default, emoji[1..] + "z", $"{emoji[1..]}z", []),
        ];

        var unpacked = RoundTrip(findings);

        unpacked[0].Message.ShouldBe($"Quoted: {half}");
        unpacked[0].Excerpt.ShouldNotContain('\uFFFD');
        unpacked[1].MatchedText.ShouldBe(emoji[1..] + "z");
    }

    [Fact]
    public void An_article_without_findings_packs_to_its_count_alone()
    {
        var packed = HeldFindings.Pack([], new RuleNames(Rules));

        packed.Length.ShouldBe(sizeof(int));
        HeldFindings.Unpack(packed, new RuleNames(Rules)).ShouldBeEmpty();
    }

    private static Finding Finding(Rule rule, string matched, string excerpt) =>
        new(rule.Id, rule.Descriptor.Category, Severity.Info, $"Quoted: {matched}", new TextSpan(10, matched.Length), new LinePositionSpan(new LinePosition(2, 11), new LinePosition(2, 11 + matched.Length)), matched, excerpt, [matched]);

    private static Finding[] RoundTrip(Finding[] findings)
    {
        var names = new RuleNames(Rules);
        var unpacked = HeldFindings.Unpack(HeldFindings.Pack([.. findings], names), names);

        unpacked.Length.ShouldBe(findings.Length);
        for (var i = 0; i < findings.Length; i++)
        {
            unpacked[i].ShouldBe(findings[i] with { Arguments = unpacked[i].Arguments });
            unpacked[i].Arguments.ShouldBe(findings[i].Arguments);
        }

        // Rule ids and categories of the rule set are its own strings.
        unpacked.Where(f => Rules.Find(f.RuleId) is not null).ShouldAllBe(f => ReferenceEquals(f.RuleId, Rules.Find(f.RuleId)!.Id));
        return [.. unpacked];
    }
}
