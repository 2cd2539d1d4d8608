using Provenance.Analysis;
using Provenance.Hosting;
using Provenance.Rules;
using Provenance.Text;

namespace Provenance.Cli.Tests;

/// <summary>Findings packed to be held while a run looks for copies, and unpacked again.</summary>
public sealed class PackedFindingsTests
{
    [Fact]
    public void Findings_come_back_as_they_were_packed_however_long_and_whatever_characters_they_hold()
    {
        var rules = DefaultRules.LoadRuleSet();
        var rule = rules.Rules[0];
        // A line longer than the packing buffer starts with, characters of two, three and four
        // bytes in UTF-8, and the characters the layout escapes.
        var longLine = string.Concat(Enumerable.Repeat("Café “quoted” 北京 😀 ", 2_000));
        Finding[] findings =
        [
            new(rule.Id, rule.Descriptor.Category, Severity.Warning, "a tab\there, a line\nthere, a back\\slash", new TextSpan(3, 9), new LinePositionSpan(new LinePosition(1, 4), new LinePosition(1, 13)), "matched", longLine, []),
            new("PRV-NOT-A-RULE", "unknown category", Severity.Info, "Said by \"Jane Roe\"", new TextSpan(0, 0), default, string.Empty, "excerpt", ["one", "two\r\nthree", longLine]),
        ];

        var unpacked = AnalysisCache.Unpack(AnalysisCache.Pack([.. findings]), new RuleNames(rules));

        unpacked.Length.ShouldBe(2);
        for (var i = 0; i < findings.Length; i++)
        {
            unpacked[i].ShouldBe(findings[i] with { Arguments = unpacked[i].Arguments });
            unpacked[i].Arguments.ShouldBe(findings[i].Arguments);
        }
    }
}
