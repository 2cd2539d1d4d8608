using System.Globalization;
using Provenance.Analysis;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Reporting;

/// <summary>
/// The console format: each finding in the compiler form editors and CI logs link to
/// (<c>path(line,col): severity PRV1234: message</c>), then the article's scorecard with every
/// point explained, then a summary of the run.
/// </summary>
public sealed class TextReporter : IReporter
{
    private readonly IReadOnlyList<string> _gradeOrder;

    /// <summary>Creates the reporter; grades are summarised in <paramref name="gradeOrder"/>.</summary>
    public TextReporter(IReadOnlyList<string> gradeOrder)
    {
        _gradeOrder = gradeOrder;
    }

    /// <inheritdoc/>
    public string Name => "text";

    /// <inheritdoc/>
    public void Write(CheckRun run, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var item in run.Items)
        {
            if (item.Report is not { } report)
            {
                writer.WriteLine($"{item.Path}(1,1): error {EngineDiagnostics.UnreadableArticle}: {item.Error}");
                writer.WriteLine();
                continue;
            }

            foreach (var finding in report.Analysis.Findings.Where(f => f.Severity != Severity.Hidden))
            {
                var start = finding.Location.Start;
                writer.WriteLine($"{item.Path}({start.Line},{start.Column}): {finding.Severity.ToName()} {finding.RuleId}: {finding.Message}");
            }

            WriteScorecard(item.Path, report.Scorecard, writer);
            writer.WriteLine();
        }

        WriteSummary(RunSummary.From(run, _gradeOrder), writer);
    }

    private static void WriteScorecard(string path, Scorecard card, TextWriter writer)
    {
        writer.WriteLine($"{path}: score {card.Score}/100, grade {card.Grade} ({card.Label})");
        foreach (var line in card.Contributions)
        {
            var points = line.Kind == ContributionKind.Base
                ? line.Points.ToString(CultureInfo.InvariantCulture)
                : line.Points.ToString("+0;-0;0", CultureInfo.InvariantCulture);
            var where = line.Location is { } at ? $" (line {at.Line})" : string.Empty;
            var rule = line.RuleId is null ? string.Empty : $" [{line.RuleId}]";
            var category = string.IsNullOrEmpty(line.Category) ? string.Empty : line.Category;
            writer.WriteLine($"  {points,4}  {category,-12}  {line.Reason}{where}{rule}");
        }
    }

    private static void WriteSummary(RunSummary summary, TextWriter writer)
    {
        var articles = summary.Articles == 1 ? "1 article" : $"{summary.Articles} articles";
        var unreadable = summary.Unreadable == 0 ? string.Empty : $", {summary.Unreadable} unreadable";
        writer.WriteLine($"{articles} checked{unreadable}: {summary.Errors} errors, {summary.Warnings} warnings, {summary.Infos} info");
        if (summary.Articles > 0)
        {
            var grades = string.Join(", ", summary.Grades.Where(g => g.Value > 0).Select(g => $"{g.Key} {g.Value}"));
            writer.WriteLine($"Grades: {grades}; mean score {summary.MeanScore}");
        }
    }
}
