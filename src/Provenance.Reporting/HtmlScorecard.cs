using System.Globalization;
using System.Net;
using System.Text;
using Provenance.Analysis;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Reporting;

/// <summary>
/// A per-article scorecard as one self-contained HTML page (no external files): score, grade,
/// category bars, facts, findings, every point explained, and the article's text with each
/// finding highlighted where it is. A small script checks on load that every highlight covers
/// exactly its finding's text and records the result on the page for tests and curious readers.
/// </summary>
public static class HtmlScorecard
{
    /// <summary>
    /// Renders the scorecard of one article; <paramref name="indexLink"/> links back to the run
    /// index, if any, and <paramref name="ruleHelp"/>, if given, is where the rules' help pages are
    /// (<c>rules/</c>: each rule id links to <c>rules/PRV1234.html</c>); <paramref name="copies"/>, when
    /// a run looked for them, are the other articles that share its text ("Also published as").
    /// </summary>
    public static string Render(string path, ArticleReport report, ReportContext context, string? indexLink = null, string? ruleHelp = null, IReadOnlyList<CopyNote>? copies = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        var card = report.Scorecard;
        var findings = report.Analysis.Findings.Where(f => f.Severity != Severity.Hidden).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>Provenance scorecard: {E(path)}</title>\n<style>\n{HtmlStyles.Scorecard}</style>\n</head>\n<body data-check=\"pending\">\n");
        if (indexLink is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<nav><a href=\"{E(indexLink)}\">&larr; All articles</a></nav>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<header>\n<div class=\"score grade-{E(card.Grade)}\"><span class=\"value\">{card.Score}</span><span class=\"max\">/100</span></div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div><h1>{E(report.Article.Metadata.Title?.Value ?? path)}</h1>\n<p class=\"path\">{E(path)}</p>\n<p class=\"grade\">Grade <strong>{E(card.Grade)}</strong> &mdash; {E(card.Label)}</p></div>\n</header>\n");

        html.Append("<section class=\"categories\"><h2>Categories</h2>\n");
        foreach (var c in card.Categories)
        {
            var span = Math.Max(1, c.Max - c.Min);
            var zero = (0 - c.Min) * 100.0 / span;
            var at = (c.Points - c.Min) * 100.0 / span;
            var (left, width) = at >= zero ? (zero, at - zero) : (at, zero - at);
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"category\"><span class=\"name\">{E(c.Title)}</span><span class=\"bar\" title=\"{c.Min} to +{c.Max}\"><span class=\"zero\" style=\"left:{zero:0.#}%\"></span><span class=\"fill {(c.Points < 0 ? "neg" : "pos")}\" style=\"left:{left:0.#}%;width:{width:0.#}%\"></span></span><span class=\"points\">{Signed(c.Points)}</span></div>\n");
        }

        html.Append("</section>\n<section class=\"facts\"><h2>Provenance facts</h2>\n<dl>\n");
        foreach (var (label, text) in FactLines.For(report.Facts, context.AsOf))
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>{E(label)}</dt><dd>{E(text)}</dd>\n");
        }

        // An HTML page is shown as read, not as markup: its text is where a finding's highlight is.
        var view = report.Article.Format == Articles.ArticleFormat.Html ? ReadView.Of(report.Article, findings) : null;
        string TextOf(int index) => view?.Shown(index) ?? findings[index].MatchedText;

        // A placed finding also carries its source text, so the page's check holds the highlight to
        // it independently (markup removed, white space aside), not only to the text placed.
        string Source(int index) => view is not null && view.ReadText[index].Length > 0 ? $" data-source=\"{E(findings[index].MatchedText)}\"" : string.Empty;

        html.Append("</dl>\n</section>\n");
        if (copies is { Count: > 0 })
        {
            html.Append("<section class=\"copies\"><h2>Also published as</h2>\n<ul>\n");
            foreach (var note in copies)
            {
                html.Append(note.Other is null
                    ? $"<li class=\"standing\">{E(note.Text)}</li>\n"
                    : $"<li><a href=\"{E(note.Href ?? string.Empty)}\">{E(note.Other)}</a>: {E(note.Text)}</li>\n");
            }

            html.Append("</ul>\n</section>\n");
        }

        var groups = FindingGroups.Of(findings);
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"findings\"><h2>Findings ({findings.Count}{(groups.Count < findings.Count ? $" of {groups.Count} kinds" : string.Empty)})</h2>\n<table>\n<thead><tr><th>Where</th><th>Rule</th><th>Severity</th><th>Message</th></tr></thead>\n<tbody>\n");
        foreach (var group in groups)
        {
            var f = findings[group[0]];
            if (group.Count == 1)
            {
                var target = f.IsArticleLevel ? string.Empty : $" data-target=\"f{group[0]}\"";
                html.Append(CultureInfo.InvariantCulture, $"<tr class=\"sev-{f.Severity.ToName()}\"{target} data-finding=\"f{group[0]}\" data-text=\"{E(TextOf(group[0]))}\"{Source(group[0])}><td>{Where(f, view is not null)}</td><td>{Rule(f.RuleId, ruleHelp)}</td><td>{f.Severity.ToName()}</td><td>{E(f.Message)}</td></tr>\n");
                continue;
            }

            // One row for a repeated finding: its count, and each place linked to its highlight.
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"sev-{f.Severity.ToName()} group\"><td>{Where(f, view is not null)}</td><td>{Rule(f.RuleId, ruleHelp)}</td><td>{f.Severity.ToName()}</td><td>{E(f.Message)} <strong class=\"count\">&times;{group.Count}</strong><span class=\"places\">");
            foreach (var index in group)
            {
                var at = findings[index];
                html.Append(at.IsArticleLevel
                    ? $"<span>{FindingGroups.Place(at)}</span> "
                    : $"<a href=\"#\" data-target=\"f{index}\" data-finding=\"f{index}\" data-text=\"{E(TextOf(index))}\"{Source(index)}>{FindingGroups.Place(at)}</a> ");
            }

            html.Append("</span></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n<section class=\"explanation\"><h2>How the score was reached</h2>\n<table>\n<thead><tr><th>Points</th><th>Category</th><th>Reason</th><th>Rule</th><th>Line</th></tr></thead>\n<tbody>\n");
        foreach (var line in card.Contributions)
        {
            var points = line.Kind == ContributionKind.Base ? line.Points.ToString(CultureInfo.InvariantCulture) : Signed(line.Points);
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{(line.Points < 0 ? "neg" : line.Points > 0 ? "pos" : "zero")}\"><td>{points}</td><td>{E(card.TitleOf(line.Category))}</td><td>{E(line.Reason)}</td><td>{E(line.RuleId ?? string.Empty)}</td><td>{line.Location?.Line.ToString(CultureInfo.InvariantCulture) ?? string.Empty}</td></tr>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<tr class=\"total\"><td>{card.Score}</td><td></td><td>Score</td><td></td><td></td></tr>\n</tbody>\n</table>\n</section>\n");
        if (view is null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"source\"><h2>The article, as read ({report.Article.Format.ToString().ToLowerInvariant()})</h2>\n<pre>");
            AppendHighlighted(html, report.Article.Source.Text, findings);
            html.Append("</pre>\n</section>\n");
        }
        else
        {
            ReadViewHtml.Append(html, view, report.Article.Metadata, findings);
        }

        html.Append("<script>\n").Append(HtmlStyles.ScorecardScript).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    // Where a finding is; for a page, with the source line it sits on one click away.
    private static string Where(Finding finding, bool withSource) =>
        withSource && !finding.IsArticleLevel
            ? $"{FindingGroups.Place(finding)}<details class=\"src\"><summary>source</summary><code>{E(finding.Excerpt)}</code></details>"
            : FindingGroups.Place(finding);

    // The text of a text, Markdown or Word article is its file: findings are highlighted where they are.
    private static void AppendHighlighted(StringBuilder html, string text, List<Finding> findings)
    {
        var ranges = findings.Select((f, i) => (Start: Math.Min(f.Span.Start, text.Length), End: Math.Min(f.Span.End, text.Length), Finding: i))
            .Where(r => !findings[r.Finding].IsArticleLevel && r.End > r.Start).ToList();
        ReadViewHtml.AppendMarked(html, text, ReadView.Pieces(ranges), findings);
    }

    // Engine diagnostics (PRV0xxx) have no page of their own.
    private static string Rule(string id, string? help) =>
        help is null || id.StartsWith("PRV0", StringComparison.Ordinal) ? E(id) : $"<a href=\"{E(help + id)}.html\">{E(id)}</a>";

    private static string Signed(int points) => points.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>A line of a scorecard's "Also published as": another article that shares the text, or where this one stands in its group.</summary>
/// <param name="Other">The other article's path, or null for the article's standing.</param>
/// <param name="Href">A link to the other article's scorecard.</param>
/// <param name="Text">What is shared, and where, in words.</param>
public sealed record CopyNote(string? Other, string? Href, string Text);
