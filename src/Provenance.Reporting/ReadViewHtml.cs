using System.Globalization;
using System.Net;
using System.Text;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Rules;

namespace Provenance.Reporting;

/// <summary>
/// Writes a <see cref="ReadView"/> into a scorecard: each block as the reader took it (headline,
/// standfirst, byline, paragraphs, the footer zone after the article) with the line of the page's
/// source it starts on, findings highlighted in its text; then the findings whose text is in the
/// page's markup rather than its text (a <c>&lt;meta&gt;</c> author), each on its source line.
/// </summary>
internal static class ReadViewHtml
{
    public static void Append(StringBuilder html, ReadView view, ArticleMetadata metadata, IReadOnlyList<Finding> findings)
    {
        html.Append("<section class=\"source read\"><h2>The article, as read (html)</h2>\n<p class=\"hint\">The text the reader took from the page; the number before each block is the line of the page's source it starts on.</p>\n");
        // What the page's markup says about the article (its <meta> tags, JSON-LD) heads the text.
        var about = new List<string>();
        if (metadata.SiteName is { } site)
        {
            about.Add(site.Value);
        }

        if (metadata.Title is { } title && !view.Blocks.Any(b => b.Kind == BlockKind.Title))
        {
            about.Add($"“{title.Value}”");
        }

        if (!metadata.Authors.IsEmpty)
        {
            about.Add("by " + string.Join(", ", metadata.Authors.Select(a => a.Value)));
        }

        if (metadata.Published is { } published)
        {
            about.Add("published " + published.Value);
        }

        if (about.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"page-meta\">{E(string.Join(" · ", about))}</p>\n");
        }

        html.Append("<div class=\"blocks\">\n");
        var inFooter = false;
        foreach (var block in view.Blocks)
        {
            if (block.Zone == Zone.Footer && !inFooter)
            {
                html.Append("<p class=\"zone\">After the article</p>\n");
                inFooter = true;
            }

            html.Append(CultureInfo.InvariantCulture, $"<p class=\"b {Kind(block.Kind)}\"><span class=\"ln\" title=\"line {block.Start.Line}, column {block.Start.Column} of the page's source\">{block.Start.Line}</span>");
            AppendMarked(html, block.Text, block.Marks, findings);
            html.Append("</p>\n");
        }

        html.Append("</div>\n</section>\n");
        if (view.Outside.IsEmpty)
        {
            return;
        }

        html.Append("<section class=\"outside\"><h2>Found in the page's markup, outside its text</h2>\n<table>\n<thead><tr><th>Where</th><th>Rule</th><th>Message</th><th>Markup</th></tr></thead>\n<tbody>\n");
        foreach (var (index, markup) in view.Outside)
        {
            var f = findings[index];
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{FindingGroups.Place(f)}</td><td>{E(f.RuleId)}</td><td>{E(f.Message)}</td><td><code>");
            Mark(html, markup, [index], findings);
            html.Append("</code></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary><paramref name="text"/> with its highlights, the rest encoded as it is.</summary>
    public static void AppendMarked(StringBuilder html, string text, IEnumerable<ReadMark> marks, IReadOnlyList<Finding> findings)
    {
        var at = 0;
        foreach (var mark in marks)
        {
            html.Append(E(text[at..mark.Start]));
            Mark(html, text[mark.Start..mark.End], mark.Findings, findings);
            at = mark.End;
        }

        html.Append(E(text[at..]));
    }

    /// <summary>A highlight of <paramref name="text"/> for the findings (indexes) that cover it, coloured by the worst.</summary>
    public static void Mark(StringBuilder html, string text, IReadOnlyList<int> covering, IReadOnlyList<Finding> findings)
    {
        var worst = covering.Max(i => findings[i].Severity);
        var ids = string.Join(' ', covering.Select(i => $"f{i}"));
        var title = string.Join("\n", covering.Select(i => $"{findings[i].RuleId}: {findings[i].Message}"));
        html.Append(CultureInfo.InvariantCulture, $"<mark class=\"sev-{worst.ToName()}\" data-f=\"{ids}\" title=\"{E(title)}\">{E(text)}</mark>");
    }

    private static string Kind(BlockKind kind) => kind switch
    {
        BlockKind.ListItem => "list-item",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
