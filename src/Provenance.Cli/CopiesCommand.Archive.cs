using System.Globalization;
using System.Text.Json;
using Provenance.Corpus;
using Provenance.Hosting;

namespace Provenance.Cli;

/// <summary><c>provenance copies --against ARCHIVE</c>: each article looked up in an archive of published articles.</summary>
internal static partial class CopiesCommand
{
    private static int RunAgainst(string[] paths, string format, CopyThresholds options, string? config, string against, string baseDirectory, TextWriter output, TextWriter error)
    {
        ArchiveSearch search;
        string shown;
        try
        {
            var run = new ProvenanceEngine(new EngineOptions { BaseDirectory = baseDirectory, FailOn = "none", ConfigFile = config, Copies = options }).Prepare(paths);
            using var archive = CopyArchive.Open(Path.GetFullPath(against, baseDirectory), readOnly: true);
            shown = ContentFiles.Display(archive.Path, baseDirectory);
            search = run.SearchArchive(archive);
        }
        catch (Exception ex) when (EngineErrors.Report(ex, error) || EngineErrors.ReportArchive(ex, against, writing: false, error))
        {
            return ExitCodes.UsageError;
        }

        if (format == "json")
        {
            WriteArchiveJson(search, shown, output);
        }
        else
        {
            WriteArchiveText(search, shown, output);
        }

        return ExitCodes.Success;
    }

    private static int RunWithin(string within, string format, CopyThresholds thresholds, string? config, string baseDirectory, TextWriter output, TextWriter error)
    {
        if (Invalid(thresholds, error))
        {
            return ExitCodes.UsageError;
        }

        CopySearch search;
        try
        {
            // The thresholds as a run in this folder would take them: the command line's, else the configuration's.
            var options = new ProvenanceEngine(new EngineOptions { BaseDirectory = baseDirectory, FailOn = "none", ConfigFile = config, Copies = thresholds }).CopyOptions();
            using var archive = CopyArchive.Open(Path.GetFullPath(within, baseDirectory), readOnly: true);
            search = archive.FindClusters(options);
        }
        catch (Exception ex) when (EngineErrors.Report(ex, error) || EngineErrors.ReportArchive(ex, within, writing: false, error))
        {
            return ExitCodes.UsageError;
        }

        WriteSearch(search, format, output);
        return ExitCodes.Success;
    }

    internal static void WriteArchiveText(ArchiveSearch search, string archive, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{search.Found.Count} of {search.Compared} articles compared have text in {archive} ({search.Archived} archived; {search.Articles} read)"));
        foreach (var result in search.Found)
        {
            output.WriteLine();
            output.WriteLine(result.Title is null ? result.Path : $"{result.Path} ({result.Title})");
            foreach (var match in result.Matches)
            {
                var side = match.Side;
                var where = string.Join(", ", new[] { match.Site, match.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }.OfType<string>());
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {side.Share:0%} of its text was archived as {match.Path}{(where.Length > 0 ? $" ({where})" : string.Empty)}, {side.Lines} ↔ {side.OtherLines}; that is {side.OtherShare:0%} of it"));
            }
        }
    }

    private static void WriteArchiveJson(ArchiveSearch search, string archive, TextWriter output) =>
        output.WriteLine(CopyJson.Document(json => CopyJson.WriteArchiveSearch(json, search, archive)));
}
