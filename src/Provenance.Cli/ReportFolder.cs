using Provenance.Reporting;

namespace Provenance.Cli;

/// <summary>Writes per-article scorecards (Markdown and HTML) and the run index into a folder, each file atomically.</summary>
internal static class ReportFolder
{
    public static void Write(string folder, CheckRun run, ReportContext context)
    {
        foreach (var item in run.Items)
        {
            if (item.Report is not { } report)
            {
                continue;
            }

            var html = ReportPaths.For(item.Path, ".html");
            AtomicFile.WriteAllText(Path.Combine(folder, html), HtmlScorecard.Render(item.Path, report, context, ReportPaths.Up(html) + "index.html"));
            AtomicFile.WriteAllText(Path.Combine(folder, ReportPaths.For(item.Path, ".md")), MarkdownScorecard.Render(item.Path, report, context));
        }

        AtomicFile.WriteAllText(Path.Combine(folder, "index.html"), RunIndexPage.Render(run, context));
    }
}
