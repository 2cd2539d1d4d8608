using Provenance.Hosting;
using Provenance.Reporting;

namespace Provenance.Cli;

/// <summary>Writes per-article scorecards (Markdown and HTML), the rules' help pages and the run index into a folder, each file atomically.</summary>
internal static class ReportFolder
{
    public static void Write(string folder, CheckRun run, ReportContext context)
    {
        WriteRuleHelp(folder, context);
        foreach (var item in run.Items)
        {
            if (item.Report is { } report)
            {
                WriteArticle(folder, item.Path, report, context);
            }
        }

        WriteIndex(folder, run, context);
    }

    /// <summary>Writes one article's HTML and Markdown scorecards.</summary>
    public static void WriteArticle(string folder, string path, ArticleReport report, ReportContext context)
    {
        var html = ReportPaths.For(path, ".html");
        AtomicFile.WriteAllText(Path.Combine(folder, html), HtmlScorecard.Render(path, report, context, ReportPaths.Up(html) + "index.html", ReportPaths.Up(html) + "rules/"));
        AtomicFile.WriteAllText(Path.Combine(folder, ReportPaths.For(path, ".md")), MarkdownScorecard.Render(path, report, context));
    }

    /// <summary>Writes every loaded rule's help page to <c>rules/</c>, where the scorecards link their rule ids.</summary>
    public static void WriteRuleHelp(string folder, ReportContext context)
    {
        foreach (var rule in context.Rules.Rules)
        {
            AtomicFile.WriteAllText(Path.Combine(folder, "rules", RuleHelpPage.FileName(rule)), RuleHelpPage.Render(rule, context.Scoring, "../index.html"));
        }
    }

    /// <summary>Removes one article's scorecards, when it is gone or no longer readable.</summary>
    public static void DeleteArticle(string folder, string path)
    {
        File.Delete(Path.Combine(folder, ReportPaths.For(path, ".html")));
        File.Delete(Path.Combine(folder, ReportPaths.For(path, ".md")));
    }

    /// <summary>Writes the run index.</summary>
    public static void WriteIndex(string folder, CheckRun run, ReportContext context) =>
        AtomicFile.WriteAllText(Path.Combine(folder, "index.html"), RunIndexPage.Render(run, context));
}
