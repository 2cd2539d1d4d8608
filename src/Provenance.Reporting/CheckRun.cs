using System.Collections.Immutable;
using Provenance.Rules;

namespace Provenance.Reporting;

/// <summary>One input of a run: either its report, or why it could not be read.</summary>
/// <param name="Path">The input's path as shown to the user (forward slashes, relative where possible).</param>
/// <param name="Report">The report, when the article was read.</param>
/// <param name="Error">Why it could not be read, otherwise.</param>
/// <param name="Policy">When the article fails, if its configuration says otherwise than the run's defaults.</param>
public sealed record RunItem(string Path, ArticleReport? Report, string? Error, ArticlePolicy? Policy = null);

/// <summary>When one article fails, as its configuration file says.</summary>
/// <param name="FailOn">The least severe finding that fails it.</param>
/// <param name="FailBelow">The score under which it fails, if any.</param>
public sealed record ArticlePolicy(Rules.Severity FailOn, int? FailBelow);

/// <summary>The outcome of checking a set of articles, in a stable order, ready for any reporter.</summary>
/// <param name="Items">Every input, ordered by path.</param>
/// <param name="Packs">The rule packs used.</param>
/// <param name="ScoringVersion">The scoring model's version.</param>
public sealed record CheckRun(ImmutableArray<RunItem> Items, ImmutableArray<RulePackInfo> Packs, string ScoringVersion)
{
    /// <summary>The articles that were read and checked.</summary>
    public IEnumerable<ArticleReport> Reports => Items.Where(i => i.Report is not null).Select(i => i.Report!);
}

/// <summary>Counts over a run, shared by every format's summary.</summary>
/// <param name="Articles">Articles checked.</param>
/// <param name="Unreadable">Inputs that could not be read.</param>
/// <param name="Errors">Findings of severity error (unreadable inputs included).</param>
/// <param name="Warnings">Findings of severity warning.</param>
/// <param name="Infos">Findings of severity info.</param>
/// <param name="MeanScore">Mean score over checked articles, rounded; 0 when none.</param>
/// <param name="Grades">Number of articles per grade, in the model's grade order.</param>
public sealed record RunSummary(int Articles, int Unreadable, int Errors, int Warnings, int Infos, int MeanScore, ImmutableArray<KeyValuePair<string, int>> Grades)
{
    /// <summary>Computes the summary of <paramref name="run"/>; grades are listed in <paramref name="gradeOrder"/>.</summary>
    public static RunSummary From(CheckRun run, IEnumerable<string> gradeOrder)
    {
        ArgumentNullException.ThrowIfNull(run);
        var reports = run.Reports.ToList();
        var findings = reports.SelectMany(r => r.Analysis.Findings).ToList();
        var unreadable = run.Items.Count(i => i.Report is null);
        var mean = reports.Count == 0 ? 0 : (int)Math.Round(reports.Average(r => r.Scorecard.Score), MidpointRounding.AwayFromZero);
        var grades = gradeOrder.Select(g => new KeyValuePair<string, int>(g, reports.Count(r => r.Scorecard.Grade == g))).ToImmutableArray();
        return new RunSummary(
            reports.Count,
            unreadable,
            findings.Count(f => f.Severity == Severity.Error) + unreadable,
            findings.Count(f => f.Severity == Severity.Warning),
            findings.Count(f => f.Severity == Severity.Info),
            mean,
            grades);
    }
}
