namespace Provenance.Hosting;

/// <summary>Problems with loaded rules and a scoring model that a run reports and goes on.</summary>
internal static class LoadWarnings
{
    /// <summary>The warnings for a checker's rules and model, in rule order.</summary>
    public static IReadOnlyList<string> For(ProvenanceChecker checker) =>
        [.. checker.Scoring.UnusedSignals(checker.Rules).Select(rule =>
            $"rule {rule.Id} (pack {rule.Descriptor.Pack}) emits the signal '{rule.Signal}', which the scoring model neither scores nor lists in neutralSignals and no rule reads: its findings move no score")];
}
