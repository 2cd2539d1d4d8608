using Provenance.Json;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Core.Tests.Scoring;

/// <summary>
/// A rule's signal goes somewhere: the scoring model scores it, lists it as neutral on purpose, or
/// another rule reads it. One that goes nowhere is most often a misspelt name, reported at load.
/// </summary>
public sealed class UnusedSignalTests
{
    [Fact]
    public void Every_built_in_signal_is_scored_neutral_or_read()
    {
        DefaultRules.LoadScoringModel().UnusedSignals(DefaultRules.LoadRuleSet()).Select(r => $"{r.Id} {r.Signal}").ShouldBeEmpty();
    }

    [Fact]
    public void A_misspelt_signal_is_reported_and_one_another_rule_reads_is_not()
    {
        var rules = Core.Tests.Rules.TestPacks.WithBuiltIn(
            """{ "id": "PRV9102", "kind": "lexicon", "title": "t", "messageFormat": "{0}", "category": "Sourcing", "defaultSeverity": "info", "signal": "vague-atribution", "phrases": ["sources say"] }""",
            """{ "id": "PRV9103", "kind": "lexicon", "title": "t", "messageFormat": "{0}", "category": "Sourcing", "defaultSeverity": "info", "signal": "house-hedge", "phrases": ["it is said"] }""",
            """{ "id": "PRV9104", "kind": "count", "title": "t", "messageFormat": "{0}", "category": "Sourcing", "defaultSeverity": "info", "signals": ["house-hedge"], "atLeast": 2 }""");
        DefaultRules.LoadScoringModel().UnusedSignals(rules).Select(r => $"{r.Id} {r.Signal}").ShouldBe(["PRV9102 vague-atribution"]);
    }

    [Fact]
    public void A_signal_cannot_be_both_scored_and_neutral()
    {
        var model = File.ReadAllText(Path.Combine(Provenance.Tests.RepoPaths.Rules, "scoring.json"))
            .Replace("\"neutralSignals\": [", "\"neutralSignals\": [\n    \"original-source\",", StringComparison.Ordinal);
        Should.Throw<JsonLoadException>(() => ScoringModelLoader.Load("scoring.json", model)).Errors
            .Select(e => $"{e.JsonPath}: {e.Message}").ShouldBe(["$.neutralSignals: the signal 'original-source' has an effect; it cannot also be neutral"]);
    }
}
