using Provenance.Corpus;
using Provenance.Hosting;
using Provenance.Reporting;

namespace Provenance.Cli;

/// <summary>Writes per-article scorecards (Markdown and HTML), the rules' help pages and the run index into a folder, each file atomically.</summary>
internal static class ReportFolder
{
    public static void Write(string folder, CheckRun run, ReportContext context, CopySearch? copies = null)
    {
        WriteRuleHelp(folder, context);
        foreach (var item in run.Items)
        {
            if (item.Report is { } report)
            {
                WriteArticle(folder, item.Path, report, context, copies is null ? null : CopyNotes(item.Path, copies));
            }
        }

        WriteIndex(folder, run, context, copies is null ? null : IndexNotes(copies));
    }

    /// <summary>Writes one article's HTML and Markdown scorecards.</summary>
    public static void WriteArticle(string folder, string path, ArticleReport report, ReportContext context, IReadOnlyList<CopyNote>? copies = null)
    {
        var html = ReportPaths.For(path, ".html");
        AtomicFile.WriteAllText(Path.Combine(folder, html), HtmlScorecard.Render(path, report, context, ReportPaths.Up(html) + "index.html", ReportPaths.Up(html) + "rules/", copies));
        AtomicFile.WriteAllText(Path.Combine(folder, ReportPaths.For(path, ".md")), MarkdownScorecard.Render(path, report, context));
    }

    /// <summary>Writes every loaded rule's help page, and the copy rules', to <c>rules/</c>, where the scorecards link their rule ids.</summary>
    public static void WriteRuleHelp(string folder, ReportContext context)
    {
        foreach (var rule in context.Rules.Rules)
        {
            AtomicFile.WriteAllText(Path.Combine(folder, "rules", RuleHelpPage.FileName(rule)), RuleHelpPage.Render(rule, context.Scoring, "../index.html"));
        }

        // The copy rules' findings link their pages like any other's.
        foreach (var descriptor in CopyVerdicts.Descriptors)
        {
            AtomicFile.WriteAllText(Path.Combine(folder, "rules", descriptor.Id + ".html"), RuleHelpPage.RenderCopyRule(descriptor, context.Scoring, "../index.html"));
        }
    }

    /// <summary>Removes one article's scorecards, when it is gone or no longer readable.</summary>
    public static void DeleteArticle(string folder, string path)
    {
        File.Delete(Path.Combine(folder, ReportPaths.For(path, ".html")));
        File.Delete(Path.Combine(folder, ReportPaths.For(path, ".md")));
    }

    /// <summary>Writes the run index.</summary>
    public static void WriteIndex(string folder, CheckRun run, ReportContext context, IReadOnlyDictionary<string, string>? copies = null) =>
        AtomicFile.WriteAllText(Path.Combine(folder, "index.html"), RunIndexPage.Render(run, context, copies));

    // Per article of a group, what the index says under its title.
    private static Dictionary<string, string> IndexNotes(CopySearch search)
    {
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var origin in search.Origins)
        {
            notes[origin.Original] = $"likely original of {origin.Copies.Count} {(origin.Copies.Count == 1 ? "copy" : "copies")}";
            foreach (var copy in origin.Copies)
            {
                notes[copy.Path] = $"{copy.Kind switch { CopyKind.Credited => "credited copy of", CopyKind.SameSite => "same site as", CopyKind.SameText => "same text as", CopyKind.Undetermined => "shares text with", _ => "uncredited copy of" }} {origin.Original}";
            }
        }

        return notes;
    }

    // What a scorecard says of an article's copies: each other article it shares text with, from
    // this article's side, and where it stands in its group.
    private static List<CopyNote> CopyNotes(string path, CopySearch search)
    {
        var notes = new List<CopyNote>();
        var up = ReportPaths.Up(ReportPaths.For(path, ".html"));
        foreach (var (cluster, origin) in search.Clusters.Zip(search.Origins))
        {
            if (!cluster.Paths.Contains(path))
            {
                continue;
            }

            var standing = origin.Original == path
                ? $"Likely the original of these {cluster.Paths.Count} articles: {origin.Reason}."
                : origin.Copies.Single(c => c.Path == path) is var copy ? copy.Kind switch
                {
                    CopyKind.Credited => $"A credited copy of {origin.Original}, the likely original ({origin.Reason}): it credits {copy.Credit}.",
                    CopyKind.SameSite => $"A page of the same site as {origin.Original}, the likely original ({origin.Reason}).",
                    CopyKind.SameText => $"The same text as {origin.Original}, the likely original ({origin.Reason}), naming no source: an uncredited reprint, or the same article at another address.",
                    CopyKind.Undetermined => $"Shares its text with {origin.Original}, taken for the original as {origin.Reason}; neither names its site, credits the other or is dated first, so which came first cannot be told.",
                    _ => $"An uncredited copy of {origin.Original}, the likely original ({origin.Reason}): it names no source for its text.",
                } : string.Empty;
            notes.Add(new CopyNote(null, null, standing));
            foreach (var pair in cluster.Pairs.Where(p => p.First == path || p.Second == path))
            {
                var side = pair.From(path);
                notes.Add(new CopyNote(side.Other, up + ReportPaths.For(side.Other, ".html"), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{side.Share:0%} of this text is also in it ({side.Lines} here, {side.OtherLines} there); that is {side.OtherShare:0%} of it.")));
            }
        }

        return notes;
    }
}
