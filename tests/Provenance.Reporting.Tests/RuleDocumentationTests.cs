using Provenance.Reporting;
using Provenance.Tests;

namespace Provenance.Reporting.Tests;

/// <summary>The rule help pages in docs/rules are generated from the rule files and must match them.</summary>
public sealed class RuleDocumentationTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "docs", "rules");

    [Fact]
    public void Every_rule_has_an_up_to_date_help_page()
    {
        var rules = DefaultRules.LoadRuleSet();
        var scoring = DefaultRules.LoadScoringModel();
        foreach (var rule in rules.Rules)
        {
            var path = Path.Combine(Folder, RuleDocumentation.FileName(rule));
            File.Exists(path).ShouldBeTrue($"{rule.Id} has no help page; run: dotnet run --project src/Provenance.Cli -- rules docs");
            File.ReadAllText(path).ShouldBe(RuleDocumentation.Render(rule, scoring), $"{path} is stale; run: dotnet run --project src/Provenance.Cli -- rules docs");
        }

        File.ReadAllText(Path.Combine(Folder, "README.md")).ShouldBe(RuleDocumentation.RenderIndex(rules.Rules), "docs/rules/README.md is stale");
    }

    [Fact]
    public void No_page_is_left_for_a_rule_that_no_longer_exists()
    {
        var ids = DefaultRules.LoadRuleSet().Rules.Select(r => r.Id + ".md").Append("README.md").ToHashSet();
        foreach (var file in Directory.GetFiles(Folder))
        {
            ids.ShouldContain(Path.GetFileName(file), $"{file} documents no current rule");
        }
    }

    [Fact]
    public void Every_help_uri_points_at_the_rules_page()
    {
        foreach (var rule in DefaultRules.LoadRuleSet().Rules)
        {
            rule.Descriptor.HelpUri.ShouldBe($"docs/rules/{rule.Id}.md");
            File.Exists(Path.Combine(RepoPaths.Root, rule.Descriptor.HelpUri!)).ShouldBeTrue();
        }
    }

    [Fact]
    public void A_page_states_the_score_effect_from_the_scoring_model()
    {
        var rules = DefaultRules.LoadRuleSet();
        var scoring = DefaultRules.LoadScoringModel();
        var page = RuleDocumentation.Render(rules.Find("PRV1001")!, scoring);
        var effect = scoring.FindEffect("original-source")!;
        page.ShouldContain($"| Score effect | +{effect.Points} attribution, counted once |");
        RuleDocumentation.ScoreEffect(rules.Find("PRV5002")!, scoring).ShouldBe("none");
    }
}
