namespace Provenance.Hosting;

/// <summary>Problems with loaded rules and a scoring model that a run reports and goes on.</summary>
internal static class LoadWarnings
{
    /// <summary>The warnings for a checker's rules and model: signals that go nowhere, then rules filed outside their category, each in rule order.</summary>
    public static IReadOnlyList<string> For(ProvenanceChecker checker)
    {
        var scoring = checker.Scoring;
        var categories = string.Join(", ", scoring.Categories.Select(c => c.Title));
        return
        [
            .. scoring.UnusedSignals(checker.Rules).Select(rule =>
                $"rule {rule.Id} (pack {rule.Descriptor.Pack}) emits the signal '{rule.Signal}', which the scoring model neither scores nor lists in neutralSignals and no rule reads: its findings move no score"),
            .. scoring.MisfiledRules(checker.Rules).Select(misfiled => misfiled.BelongsIn is { } category
                ? $"rule {misfiled.Rule.Id} (pack {misfiled.Rule.Descriptor.Pack}) is in category '{misfiled.Rule.Descriptor.Category}' but its signal '{misfiled.Rule.Signal}' scores in '{category.Title}': file it under '{category.Title}', so configuration and scorecards name it alike"
                : $"rule {misfiled.Rule.Id} (pack {misfiled.Rule.Descriptor.Pack}) is in category '{misfiled.Rule.Descriptor.Category}', which is not a scorecard category ({categories})"),
        ];
    }
}
