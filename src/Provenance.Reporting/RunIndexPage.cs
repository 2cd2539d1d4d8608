using System.Globalization;
using System.Net;
using System.Text;
using Provenance.Analysis;
using Provenance.Rules;

namespace Provenance.Reporting;

/// <summary>
/// The run index an editor opens first: per article its title (linking to its scorecard), site,
/// byline, date, score and grade, number of findings, what cost it most and whether it fails the
/// policy and why; sortable by any column and filtered by grade, rule and text without a server
/// (one self-contained file that works from <c>file://</c>); and the distribution of scores as an
/// inline SVG histogram.
/// </summary>
public static class RunIndexPage
{
    private const int Bins = 10;

    /// <summary>
    /// Renders the index of a run whose scorecards sit at <see cref="ReportPaths.For"/> paths;
    /// <paramref name="copies"/>, when the run looked for them, says per article path where it
    /// stands in its group of copies ("copy of …", "likely original of 3 copies").
    /// </summary>
    public static string Render(CheckRun run, ReportContext context, IReadOnlyDictionary<string, string>? copies = null)
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
        AppendFilters(html, run, context);
        html.Append("<table class=\"articles\">\n<thead><tr><th>Article</th><th>Site</th><th>Byline</th><th>Date</th><th class=\"num\">Score</th><th>Grade</th><th class=\"num\">Findings</th><th>Top problem</th><th>Result</th></tr></thead>\n<tbody>\n");
        foreach (var item in run.Items)
        {
            AppendRow(html, item, context, copies?.GetValueOrDefault(item.Path));
        }

        html.Append("</tbody>\n</table>\n<p class=\"shown\" aria-live=\"polite\"></p>\n<script>\n").Append(HtmlStyles.IndexScript).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    // Grade, rule and text filters, read by the page's script; the address's fragment
    // (#grade=F&rule=PRV2004&q=cnn) sets them, so a filtered view can be linked to.
    private static void AppendFilters(StringBuilder html, CheckRun run, ReportContext context)
    {
        html.Append("<h2>Articles</h2>\n<form class=\"filters\" role=\"search\">\n<label>Grade <select name=\"grade\"><option value=\"\">all</option>");
        foreach (var grade in context.GradeOrder.Where(g => run.Reports.Any(r => r.Scorecard.Grade == g)))
        {
            html.Append(CultureInfo.InvariantCulture, $"<option>{E(grade)}</option>");
        }

        html.Append("</select></label>\n<label>Rule <select name=\"rule\"><option value=\"\">all</option>");
        foreach (var id in run.Reports.SelectMany(Visible).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(id)}\">{E(id)} {E(context.Rules.Find(id)?.Descriptor.Title ?? string.Empty)}</option>");
        }

        html.Append("</select></label>\n<label>Text <input type=\"search\" name=\"q\" placeholder=\"title, site, byline, path…\"></label>\n</form>\n");
    }

    private static void AppendRow(StringBuilder html, RunItem item, ReportContext context, string? copy)
    {
        if (item.Report is not { } report)
        {
            var fails = context.Fails(item);
            html.Append(CultureInfo.InvariantCulture, $"<tr data-path=\"{E(item.Path)}\" data-grade=\"\" data-rules=\"{EngineDiagnostics.UnreadableArticle}\"><td>{E(item.Path)}</td><td></td><td></td><td></td><td class=\"num\" data-sort=\"-1\">&mdash;</td><td>&mdash;</td><td class=\"num\">1</td><td>Could not be read: {E(item.Error ?? "unreadable")}</td><td>{(fails ? "<strong class=\"fails\">fails</strong>" : "passes")}</td></tr>\n");
            return;
        }

        var card = report.Scorecard;
        var meta = report.Article.Metadata;
        var visible = Visible(report).ToList();
        var title = meta.Title?.Value is { Length: > 0 } named ? named : item.Path;
        var date = report.Facts.Published ?? meta.Published?.Value ?? string.Empty;
        var rules = string.Join(' ', visible.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal));
        var reason = context.FailureReason(report, item.Policy);
        html.Append(CultureInfo.InvariantCulture, $"<tr data-path=\"{E(item.Path)}\" data-grade=\"{E(card.Grade)}\" data-rules=\"{E(rules)}\">");
        var path = (title == item.Path ? string.Empty : $"<br><small>{E(item.Path)}</small>")
            + (copy is null ? string.Empty : $"<br><small class=\"copies\">{E(copy)}</small>");
        html.Append(CultureInfo.InvariantCulture, $"<td data-sort=\"{E(title)}\"><a href=\"{E(ReportPaths.For(item.Path, ".html"))}\">{E(title)}</a>{path}</td>");
        html.Append(CultureInfo.InvariantCulture, $"<td>{E(Site(report.Article))}</td><td>{E(string.Join(", ", report.Facts.Authors))}</td><td class=\"date\">{E(date)}</td>");
        html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{card.Score}</td><td data-sort=\"{card.Grade}\"><span class=\"badge grade-{E(card.Grade)}\">{E(card.Grade)}</span></td>");
        html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\" title=\"{visible.Count(f => f.Severity == Severity.Error)} errors, {visible.Count(f => f.Severity == Severity.Warning)} warnings, {visible.Count(f => f.Severity == Severity.Info)} info\">{visible.Count}</td>");
        html.Append(CultureInfo.InvariantCulture, $"<td>{E(TopProblem(report))}</td><td>{(reason is null ? "passes" : $"<strong class=\"fails\">fails</strong>: {E(reason)}")}</td></tr>\n");
    }

    private static IEnumerable<Finding> Visible(ArticleReport report) => report.Analysis.Findings.Where(f => f.Severity != Severity.Hidden);

    // What cost the article most, in the scorecard's words; else its first error or warning.
    private static string TopProblem(ArticleReport report) =>
        report.Scorecard.Contributions.Where(c => c.Kind == Scoring.ContributionKind.Signal && c.Points < 0).OrderBy(c => c.Points).FirstOrDefault()?.Reason
            ?? Visible(report).Where(f => f.Severity >= Severity.Warning).OrderByDescending(f => f.Severity).Select(f => f.Message).FirstOrDefault()
            ?? "—";

    // The site's name as the page gives it, else the host of its canonical address.
    private static string Site(Articles.Article article) =>
        article.Metadata.SiteName?.Value is { Length: > 0 } name ? name
        : Uri.TryCreate(article.Metadata.CanonicalUrl?.Value, UriKind.Absolute, out var url) ? (url.Host.StartsWith("www.", StringComparison.Ordinal) ? url.Host[4..] : url.Host)
        : string.Empty;

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
