using System.Collections.Immutable;
using Provenance.Rules;

namespace Provenance.Reporting;

/// <summary>One input of a run: either its report, or why it could not be read.</summary>
/// <param name="Path">The input's path as shown to the user (forward slashes, relative where possible).</param>
/// <param name="Report">The report, when the article was read.</param>
/// <param name="Error">Why it could not be read, otherwise.</param>
/// <param name="Policy">When the article fails, if its configuration says otherwise than the run's defaults.</param>
public sealed record RunItem(string Path, ArticleReport? Report, string? Error, ArticlePolicy? Policy = null);

/// <summary>When one article fails, as its configuration file (and a baseline) says.</summary>
/// <param name="FailOn">The least severe finding that fails it.</param>
/// <param name="FailBelow">The score under which it fails, if any.</param>
/// <param name="AcceptedScore">
/// The score a baseline accepted: under <paramref name="FailBelow"/> the article fails only when its
/// score dropped below this one too.
/// </param>
public sealed record ArticlePolicy(Rules.Severity FailOn, int? FailBelow, int? AcceptedScore = null);

/// <summary>The outcome of checking a set of articles, in a stable order, ready for any reporter.</summary>
/// <param name="Items">Every input, ordered by path.</param>
/// <param name="Packs">The rule packs used.</param>
/// <param name="ScoringVersion">The scoring model's version.</param>
public sealed record CheckRun(ImmutableArray<RunItem> Items, ImmutableArray<RulePackInfo> Packs, string ScoringVersion)
{
    /// <summary>The articles that were read and checked.</summary>
    public IEnumerable<ArticleReport> Reports => Items.Where(i => i.Report is not null).Select(i => i.Report!);

    /// <summary>What is known of the run before its first article.</summary>
    public RunInfo Info => new(Packs, ScoringVersion);
}

/// <summary>Counts over a run kept as its articles arrive, for the summary written after them.</summary>
/// <param name="context">The policy that decides which articles fail; without it none are counted as failing.</param>
public sealed class RunTally(ReportContext? context = null)
{
    private readonly Dictionary<string, int> _grades = new(StringComparer.Ordinal);
    private long _scoreSum;

    /// <summary>Inputs added, read or not.</summary>
    public int Items { get; private set; }

    /// <summary>Articles read and checked.</summary>
    public int Articles { get; private set; }

    /// <summary>Inputs that could not be read.</summary>
    public int Unreadable { get; private set; }

    /// <summary>Findings of severity error.</summary>
    public int Errors { get; private set; }

    /// <summary>Findings of severity warning.</summary>
    public int Warnings { get; private set; }

    /// <summary>Findings of severity info.</summary>
    public int Infos { get; private set; }

    /// <summary>Inputs that fail the policy.</summary>
    public int Failing { get; private set; }

    /// <summary>Counts one more input.</summary>
    public void Add(RunItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Items++;
        if (context is not null && context.Fails(item))
        {
            Failing++;
        }

        if (item.Report is not { } report)
        {
            Unreadable++;
            return;
        }

        Articles++;
        _scoreSum += report.Scorecard.Score;
        _grades[report.Scorecard.Grade] = _grades.GetValueOrDefault(report.Scorecard.Grade) + 1;
        foreach (var finding in report.Analysis.Findings)
        {
            switch (finding.Severity)
            {
                case Severity.Error: Errors++; break;
                case Severity.Warning: Warnings++; break;
                case Severity.Info: Infos++; break;
            }
        }
    }

    /// <summary>The summary so far; grades are listed in <paramref name="gradeOrder"/>.</summary>
    public RunSummary Summary(IEnumerable<string> gradeOrder)
    {
        var mean = Articles == 0 ? 0 : (int)Math.Round((double)_scoreSum / Articles, MidpointRounding.AwayFromZero);
        // A loop, not a query: queries over pairs with an int are compiled at run time in every process.
        var grades = ImmutableArray.CreateBuilder<KeyValuePair<string, int>>();
        foreach (var grade in gradeOrder)
        {
            grades.Add(new KeyValuePair<string, int>(grade, _grades.GetValueOrDefault(grade)));
        }

        return new RunSummary(Articles, Unreadable, Errors + Unreadable, Warnings, Infos, mean, grades.ToImmutable());
    }
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
        var tally = new RunTally();
        foreach (var item in run.Items)
        {
            tally.Add(item);
        }

        return tally.Summary(gradeOrder);
    }
}
