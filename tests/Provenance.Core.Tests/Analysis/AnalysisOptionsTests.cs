using Provenance.Analysis;
using Provenance.Rules;

namespace Provenance.Core.Tests.Analysis;

public sealed class AnalysisOptionsTests
{
    private static readonly RuleSet Rules = DefaultRules.LoadRuleSet();

    [Fact]
    public void No_configuration_keeps_every_rule_as_its_pack_defines_it()
    {
        var options = new AnalysisOptions(new Dictionary<string, Severity?>(), null, new Dictionary<string, (int?, int?)>());
        options.Fingerprint().ShouldBe(string.Empty);
        foreach (var rule in Rules.Rules)
        {
            options.SeverityOf(rule).ShouldBe(rule.Descriptor.IsEnabledByDefault ? rule.Descriptor.DefaultSeverity : null);
            options.CountThresholds(rule.Id).ShouldBe(((int?)null, (int?)null));
        }
    }

    [Fact]
    public void A_rule_setting_beats_its_category_and_the_fingerprint_names_every_setting_in_order()
    {
        var rule = Rules.Rules.First(r => r.Descriptor.IsEnabledByDefault);
        var other = Rules.Rules.First(r => r.Descriptor.IsEnabledByDefault && r.Descriptor.Category == rule.Descriptor.Category && r.Id != rule.Id);
        var options = new AnalysisOptions(
            new Dictionary<string, Severity?> { ["PRV9999"] = null, [rule.Id] = Severity.Error },
            new Dictionary<string, Severity?> { [rule.Descriptor.Category.ToUpperInvariant()] = null },
            new Dictionary<string, (int?, int?)> { ["PRV9998"] = (2, null) });

        options.SeverityOf(rule).ShouldBe(Severity.Error);
        options.SeverityOf(other).ShouldBeNull();
        options.CountThresholds("PRV9998").ShouldBe(((int?)2, (int?)null));
        options.CountThresholds(rule.Id).ShouldBe(((int?)null, (int?)null));
        options.Fingerprint().ShouldBe($"r:{rule.Id}=error;r:PRV9999=none;c:{rule.Descriptor.Category.ToUpperInvariant()}=none;n:PRV9998=2-");
    }
}
