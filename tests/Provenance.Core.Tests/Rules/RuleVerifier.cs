using Provenance.Articles;
using Provenance.Rules;
using Provenance.Tests;

namespace Provenance.Core.Tests.Rules;

/// <summary>Checks that a rule reports exactly the spans an article's markup marks for it.</summary>
internal static class RuleVerifier
{
    private static readonly Lazy<RuleSet> DefaultRuleSet = new(DefaultRules.LoadRuleSet);

    public static RuleSet Default => DefaultRuleSet.Value;

    /// <summary>Reads an example as the format it is written in: front matter means Markdown, a tag means HTML.</summary>
    public static Article Read(string text) => Article.Read(text, RuleExamples.FormatOf(text));

    public static void Verify(string ruleId, string markup, RuleSet? rules = null)
    {
        var (text, expected) = TestMarkup.Parse(markup);
        expected.ShouldAllBe(s => s.RuleId == ruleId, $"markup for {ruleId} marks another rule: {markup}");
        var findings = (rules ?? Default).Analyze(Read(text)).Findings.Where(f => f.RuleId == ruleId).ToList();
        var actual = findings.Select(f => new ExpectedSpan(f.RuleId, f.Span.Start, f.Span.End)).ToList();
        actual.ShouldBe(
            expected.OrderBy(s => s.Start).ThenBy(s => s.End).ToList(),
            $"""
            {ruleId} expected:
              {TestMarkup.Render(text, expected)}
            but reported:
              {TestMarkup.Render(text, actual)}
            """);
    }
}
