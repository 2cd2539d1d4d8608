using System.Globalization;
using System.Net;
using Markdig;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Reporting;

/// <summary>
/// A rule's help page as one self-contained HTML file: the page <c>provenance rules docs</c> writes
/// in Markdown (<see cref="RuleDocumentation.Render"/>), rendered with Markdig, so a scorecard's
/// rule ids and the editor page link to something an editor reads rather than JSON.
/// </summary>
public static class RuleHelpPage
{
    // Raw HTML in the Markdown (the generator's comment) is not passed through.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>The file name of a rule's help page: <c>PRV1234.html</c>.</summary>
    public static string FileName(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Id + ".html";
    }

    /// <summary>Renders the help page of <paramref name="rule"/>; <paramref name="backLink"/> links back to a report or page, if given.</summary>
    public static string Render(Rule rule, ScoringModel scoring, string? backLink = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Page($"{rule.Id}: {rule.Descriptor.Title}", RuleDocumentation.Render(rule, scoring), backLink);
    }

    /// <summary>Renders the help page of a copy rule (PRV8001–PRV8004), which no pack holds.</summary>
    public static string RenderCopyRule(RuleDescriptor descriptor, ScoringModel scoring, string? backLink = null)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return Page($"{descriptor.Id}: {descriptor.Title}", RuleDocumentation.RenderCopyRule(descriptor, scoring), backLink);
    }

    private static string Page(string title, string markdown, string? backLink)
    {
        // The Markdown's "generated, do not edit" comment is for the repository's copy, not a reader.
        var body = Markdown.ToHtml(string.Join('\n', markdown.Split('\n').Where(line => !line.StartsWith("<!--", StringComparison.Ordinal))), Pipeline);
        var back = backLink is null ? string.Empty : $"<nav><a href=\"{WebUtility.HtmlEncode(backLink)}\">&larr; Back</a></nav>\n";
        return string.Create(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <style>
            {HtmlStyles.Help}</style>
            </head>
            <body>
            {back}<main>
            {body}</main>
            </body>
            </html>

            """);
    }
}
