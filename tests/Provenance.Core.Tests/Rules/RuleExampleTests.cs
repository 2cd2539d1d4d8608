using Provenance.Rules;

namespace Provenance.Core.Tests.Rules;

/// <summary>
/// Every rule's own examples, as its documentation shows them: it fires exactly at the marked
/// spans of each "fires" article and nowhere in each "quiet" article.
/// </summary>
public sealed class RuleExampleTests
{
    public static TheoryData<string, int> FiringExamples() => Examples(r => r.Examples.Fires.Length);

    public static TheoryData<string, int> QuietExamples() => Examples(r => r.Examples.Quiet.Length);

    [Theory]
    [MemberData(nameof(FiringExamples))]
    public void Rule_fires_at_the_marked_spans(string ruleId, int index)
    {
        var rule = RuleVerifier.Default.Find(ruleId)!;
        RuleVerifier.Verify(ruleId, rule.Examples.Fires[index]);
    }

    [Theory]
    [MemberData(nameof(QuietExamples))]
    public void Rule_stays_quiet_on_the_negative_examples(string ruleId, int index)
    {
        var rule = RuleVerifier.Default.Find(ruleId)!;
        RuleVerifier.Verify(ruleId, rule.Examples.Quiet[index]);
    }

    [Fact]
    public void Every_rule_has_positive_and_negative_examples()
    {
        foreach (var rule in RuleVerifier.Default.Rules)
        {
            rule.Examples.Fires.ShouldNotBeEmpty($"{rule.Id} has no example where it fires");
            rule.Examples.Quiet.ShouldNotBeEmpty($"{rule.Id} has no example where it stays quiet");
            rule.Examples.Fires.ShouldAllBe(e => e.Contains("{|" + rule.Id + ":"), $"{rule.Id}: a firing example marks no finding");
        }
    }

    [Fact]
    public void Every_signal_a_rule_emits_has_a_scoring_effect_or_is_listed_as_neutral()
    {
        var model = DefaultRules.LoadScoringModel();
        // Listed for the editor, weighed by nobody: a comment heading, a quotation with no speaker or
        // one the checker could not read, an embedded post, metadata a plain-text export has no place for, and an ad or layout marker are
        // the page's, not the text's; a platform-only image credit names no one; a copyright line
        // names who owns the page, not where the text came from; a satire label and a disclosed
        // interest change how the text must be read, not how well its origin is known.
        string[] neutral = ["comment-heading", "house-byline", "unattributed-quote", "no-byline-text", "undated-text", "social-post", "unresolved-quote", "layout-debris", "image-credit-platform", "copyright-notice", "satire-label", "conflict-disclosure"];
        foreach (var rule in RuleVerifier.Default.Rules.Where(r => r.Signal is not null))
        {
            (model.FindEffect(rule.Signal!) is not null || neutral.Contains(rule.Signal)).ShouldBeTrue($"{rule.Id} emits '{rule.Signal}', which scoring.json does not weigh");
        }
    }

    [Fact]
    public void Every_scoring_effect_names_a_signal_some_rule_emits()
    {
        // The copy verdicts of a run that looks for copies emit theirs too.
        var emitted = RuleVerifier.Default.Rules.Select(r => r.Signal).OfType<string>().Concat(Provenance.Corpus.CopyVerdicts.Signals).ToHashSet();
        foreach (var effect in DefaultRules.LoadScoringModel().Effects)
        {
            emitted.ShouldContain(effect.Signal, $"scoring.json weighs '{effect.Signal}', which no rule or copy verdict emits");
        }
    }

    private static TheoryData<string, int> Examples(Func<Rule, int> count)
    {
        var data = new TheoryData<string, int>();
        foreach (var rule in RuleVerifier.Default.Rules)
        {
            for (var i = 0; i < count(rule); i++)
            {
                data.Add(rule.Id, i);
            }
        }

        return data;
    }
}
