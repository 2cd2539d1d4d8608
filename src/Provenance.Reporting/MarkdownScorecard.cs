using System.Globalization;
using System.Text;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Reporting;

/// <summary>A per-article scorecard in Markdown: score and grade, category sub-scores, facts, findings and every point explained.</summary>
public static class MarkdownScorecard
{
    /// <summary>Renders the scorecard of one article.</summary>
    public static string Render(string path, ArticleReport report, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        var card = report.Scorecard;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Provenance scorecard: {Escape(path)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"**Score {card.Score}/100 — grade {card.Grade} ({card.Label})**\n\n");
        if (report.Article.Metadata.Title is { } title)
        {
            md.Append(CultureInfo.InvariantCulture, $"Title: {Escape(title.Value)}\n\n");
        }

        md.Append("## Categories\n\n| Category | Points | Range |\n|---|---:|---|\n");
        foreach (var c in card.Categories)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {c.Title} | {Signed(c.Points)} | {c.Min} to +{c.Max} |\n");
        }

        md.Append("\n## Provenance facts\n\n");
        foreach (var (label, text) in FactLines.For(report.Facts, context.AsOf))
        {
            md.Append(CultureInfo.InvariantCulture, $"- **{label}:** {Escape(text)}\n");
        }

        var findings = report.Analysis.Findings.Where(f => f.Severity != Severity.Hidden).ToList();
        md.Append(CultureInfo.InvariantCulture, $"\n## Findings ({findings.Count})\n\n");
        if (findings.Count > 0)
        {
            md.Append("| Where | Rule | Severity | Message |\n|---|---|---|---|\n");
            foreach (var group in FindingGroups.Of(findings))
            {
                // A repeated finding is one row: its count and its places (the first dozen).
                var f = findings[group[0]];
                var places = string.Join(", ", group.Take(12).Select(i => FindingGroups.Place(findings[i]))) + (group.Count > 12 ? ", …" : string.Empty);
                var message = group.Count == 1 ? Escape(f.Message) : $"{Escape(f.Message)} (×{group.Count})";
                md.Append(CultureInfo.InvariantCulture, $"| {places} | {f.RuleId} | {f.Severity.ToName()} | {message} |\n");
            }
        }

        md.Append("\n## How the score was reached\n\n| Points | Category | Reason | Rule | Line |\n|---:|---|---|---|---:|\n");
        foreach (var line in card.Contributions)
        {
            var points = line.Kind == ContributionKind.Base ? line.Points.ToString(CultureInfo.InvariantCulture) : Signed(line.Points);
            md.Append(CultureInfo.InvariantCulture, $"| {points} | {card.TitleOf(line.Category)} | {Escape(line.Reason)} | {line.RuleId ?? string.Empty} | {line.Location?.Line.ToString(CultureInfo.InvariantCulture) ?? string.Empty} |\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"| **{card.Score}** | | **Score** | | |\n");
        return md.ToString();
    }

    private static string Signed(int points) => points.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
