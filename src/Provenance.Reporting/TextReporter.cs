using System.Globalization;
using Provenance.Analysis;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Reporting;

/// <summary>
/// The console format: each finding in the compiler form editors and CI logs link to
/// (<c>path(line,col): severity PRV1234: message</c>), then the article's scorecard with every
/// point explained, then a table of every article and a summary of the run. Colours only when
/// <see cref="ReportContext.UseColor"/> says the output is a terminal.
/// </summary>
public sealed class TextReporter(ReportContext context) : IReporter
{
    private const string Reset = "\u001b[0m";

    /// <inheritdoc/>
    public string Name => "text";

    private ReportContext Context => context;

    /// <inheritdoc/>
    public void Write(CheckRun run, TextWriter writer) => Reporters.WriteWhole(this, run, writer);

    /// <inheritdoc/>
    public IRunWriter Open(RunInfo info, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return new Listing(this, writer);
    }

    private string Paint(string text, string code) => context.UseColor ? $"\u001b[{code}m{text}{Reset}" : text;

    private void WriteArticle(RunItem item, TextWriter writer)
    {
        if (item.Report is not { } report)
        {
            writer.WriteLine($"{item.Path}(1,1): error {EngineDiagnostics.UnreadableArticle}: {item.Error}");
            writer.WriteLine();
            return;
        }

        foreach (var finding in report.Analysis.Findings.Where(f => f.Severity != Severity.Hidden))
        {
            var start = finding.Location.Start;
            var severity = Paint(finding.Severity.ToName(), finding.Severity switch { Severity.Error => "31", Severity.Warning => "33", _ => "36" });
            writer.WriteLine($"{item.Path}({start.Line},{start.Column}): {severity} {finding.RuleId}: {finding.Message}");
        }

        WriteScorecard(item.Path, report.Scorecard, writer);
        if (context.FailureReason(report, item.Policy) is { } reason)
        {
            writer.WriteLine($"  {Paint("fails", "31")}: {reason}");
        }

        writer.WriteLine();
    }

    // The table row of one article, kept until the run ends: a line, not the article. A failing
    // article says why at the end of its row, so a CI log answers "which, and why" in one place.
    private string TableRow(RunItem item)
    {
        if (item.Report is not { } report)
        {
            return $"{"-",5}  {"-",-5}  {1,6}  {0,8}  {0,4}  {item.Path} (unreadable{(context.Fails(item) ? "; fails" : string.Empty)})";
        }

        var f = report.Analysis.Findings;
        var fails = context.FailureReason(report, item.Policy) is { } reason ? $"  (fails: {reason})" : string.Empty;
        return $"{report.Scorecard.Score,5}  {report.Scorecard.Grade,-5}  {f.Count(x => x.Severity == Severity.Error),6}  {f.Count(x => x.Severity == Severity.Warning),8}  {f.Count(x => x.Severity == Severity.Info),4}  {item.Path}{fails}";
    }

    private void WriteScorecard(string path, Scorecard card, TextWriter writer)
    {
        var grade = Paint($"grade {card.Grade}", card.Grade switch { "A" or "B" => "32", "C" => "33", _ => "31" });
        writer.WriteLine($"{path}: score {card.Score}/100, {grade} ({card.Label})");
        foreach (var line in card.Contributions)
        {
            var points = line.Kind == ContributionKind.Base
                ? line.Points.ToString(CultureInfo.InvariantCulture)
                : line.Points.ToString("+0;-0;0", CultureInfo.InvariantCulture);
            var where = line.Location is { } at ? $" (line {at.Line})" : string.Empty;
            var rule = line.RuleId is null ? string.Empty : $" [{line.RuleId}]";
            var category = card.TitleOf(line.Category);
            writer.WriteLine($"  {points,4}  {category,-12}  {line.Reason}{where}{rule}");
        }
    }

    private sealed class Listing(TextReporter reporter, TextWriter writer) : IRunWriter
    {
        private readonly List<string> _rows = [];
        private readonly RunTally _tally = new();

        public void Add(RunItem item)
        {
            reporter.WriteArticle(item, writer);
            _rows.Add(reporter.TableRow(item));
            _tally.Add(item);
        }

        public void Finish()
        {
            if (_rows.Count >= 2)
            {
                writer.WriteLine("Score  Grade  Errors  Warnings  Info  Article");
                foreach (var row in _rows)
                {
                    writer.WriteLine(row);
                }

                writer.WriteLine();
            }

            WriteSummary(_tally.Summary(reporter.Context.GradeOrder), writer);
        }
    }

    private static void WriteSummary(RunSummary summary, TextWriter writer)
    {
        var articles = summary.Articles == 1 ? "1 article" : $"{summary.Articles} articles";
        var unreadable = summary.Unreadable == 0 ? string.Empty : $", {summary.Unreadable} unreadable";
        writer.WriteLine($"{articles} checked{unreadable}: {summary.Errors} errors, {summary.Warnings} warnings, {summary.Infos} info");
        if (summary.Articles > 0)
        {
            var grades = new List<string>();
            foreach (var (grade, count) in summary.Grades)
            {
                if (count > 0)
                {
                    grades.Add($"{grade} {count}");
                }
            }

            writer.WriteLine($"Grades: {string.Join(", ", grades)}; mean score {summary.MeanScore}");
        }
    }
}
