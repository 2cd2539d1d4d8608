using System.Globalization;
using System.Net;
using System.Text;
using Provenance.Rules;

namespace Provenance.Reporting;

/// <summary>
/// The run index: every article with its score, grade and finding counts, sortable by any column,
/// linking to its scorecard, and the distribution of scores drawn as an inline SVG histogram.
/// </summary>
public static class RunIndexPage
{
    private const int Bins = 10;

    /// <summary>Renders the index of a run whose scorecards sit at <see cref="ReportPaths.For"/> paths.</summary>
    public static string Render(CheckRun run, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(context);
        var summary = RunSummary.From(run, context.GradeOrder);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>Provenance report: {run.Items.Length} articles</title>\n<style>\n{HtmlStyles.Index}</style>\n</head>\n<body data-check=\"pending\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Provenance report</h1>\n<p class=\"summary\">{summary.Articles} articles checked{(summary.Unreadable > 0 ? $", {summary.Unreadable} unreadable" : string.Empty)}; mean score {summary.MeanScore}; {summary.Errors} errors, {summary.Warnings} warnings, {summary.Infos} info. Grades: {E(string.Join(", ", summary.Grades.Where(g => g.Value > 0).Select(g => $"{g.Key} {g.Value}")))}.</p>\n");
        html.Append("<h2>Score distribution</h2>\n");
        AppendHistogram(html, run);
        html.Append("<h2>Articles</h2>\n<table class=\"articles\">\n<thead><tr><th>Article</th><th class=\"num\">Score</th><th>Grade</th><th class=\"num\">Errors</th><th class=\"num\">Warnings</th><th class=\"num\">Info</th></tr></thead>\n<tbody>\n");
        foreach (var item in run.Items)
        {
            if (item.Report is not { } report)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(item.Path)} <em>({E(item.Error ?? "unreadable")})</em></td><td class=\"num\" data-sort=\"-1\">&mdash;</td><td>&mdash;</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">0</td></tr>\n");
                continue;
            }

            var card = report.Scorecard;
            var findings = report.Analysis.Findings;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{E(ReportPaths.For(item.Path, ".html"))}\">{E(item.Path)}</a></td><td class=\"num\">{card.Score}</td><td data-sort=\"{card.Grade}\"><span class=\"badge grade-{E(card.Grade)}\">{E(card.Grade)}</span></td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{findings.Count(f => f.Severity == Severity.Error)}</td><td class=\"num\">{findings.Count(f => f.Severity == Severity.Warning)}</td><td class=\"num\">{findings.Count(f => f.Severity == Severity.Info)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<script>\n").Append(HtmlStyles.IndexScript).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendHistogram(StringBuilder html, CheckRun run)
    {
        var counts = new int[Bins];
        foreach (var report in run.Reports)
        {
            counts[Math.Min(Bins - 1, report.Scorecard.Score / 10)]++;
        }

        const int width = 520, height = 180, left = 30, bottom = 30, top = 16;
        var max = Math.Max(1, counts.Max());
        var barWidth = (width - left) / Bins;
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"histogram\" role=\"img\" aria-label=\"Number of articles per score band\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width}\" y2=\"{height - bottom}\" stroke=\"#d9dee6\"/>\n");
        for (var i = 0; i < Bins; i++)
        {
            var barHeight = (height - bottom - top) * counts[i] / max;
            var x = left + (i * barWidth) + 2;
            var y = height - bottom - barHeight;
            var label = i == Bins - 1 ? "90–100" : $"{i * 10}–{(i * 10) + 9}";
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x}\" y=\"{y}\" width=\"{barWidth - 4}\" height=\"{barHeight}\"><title>{label}: {counts[i]}</title></rect>");
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"count\" x=\"{x + ((barWidth - 4) / 2)}\" y=\"{y - 3}\" text-anchor=\"middle\">{(counts[i] > 0 ? counts[i].ToString(CultureInfo.InvariantCulture) : string.Empty)}</text>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + ((barWidth - 4) / 2)}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\">{label}</text>\n");
        }

        html.Append("</svg>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
