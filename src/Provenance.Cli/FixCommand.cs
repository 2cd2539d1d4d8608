using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Provenance.Hosting;
using Provenance.Reading;
using Provenance.Reporting;

namespace Provenance.Cli;

/// <summary>
/// <c>provenance fix</c>: applies the fixes rules offer (removing scraped comment forms, page debris,
/// promotional calls to action). With <c>--dry-run</c> it prints a diff instead. Files are written
/// atomically, in their own encoding, and never when they changed after they were read.
/// </summary>
internal static class FixCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, DefaultValueFactory = _ => ["."], Description = "Article files or folders." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes as a diff; write nothing." };
        var config = new Option<string?>("--config", "-c") { Description = "Use this configuration file only." };
        var command = new Command("fix", "Apply the fixes rules offer: remove comment forms, page debris and promotional calls to action.") { paths, dryRun, config };
        command.SetAction(r => Run(r.GetValue(paths) ?? ["."], r.GetValue(dryRun), r.GetValue(config), Directory.GetCurrentDirectory(), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(string[] paths, bool dryRun, string? config, string baseDirectory, TextWriter output, TextWriter error)
    {
        CheckRun run;
        ReportContext context;
        try
        {
            var prepared = new ProvenanceEngine(new EngineOptions { BaseDirectory = baseDirectory, FailOn = "none", ConfigFile = config }).Prepare(paths);
            context = prepared.Context;
            run = prepared.Collect(keepText: true);
        }
        catch (Exception ex) when (EngineErrors.Report(ex, error))
        {
            return ExitCodes.UsageError;
        }

        var (files, fixes, skipped) = (0, 0, 0);
        // A document that is not text (a Word file) is never rewritten: fix would write its text back as text.
        foreach (var item in run.Items.Where(i => i.Report is not null && i.Path != ContentFiles.StandardInput && ArticleReaders.For(i.Report.Article.Format).Fixable))
        {
            var report = item.Report!;
            var edits = Fixes.Edits(report, context.Rules);
            if (edits.Count == 0)
            {
                continue;
            }

            var full = Path.GetFullPath(item.Path, baseDirectory);
            var bytes = File.ReadAllBytes(full);
            var (text, encoding) = TextDecoder.DecodeForRewrite(bytes);
            if (text != report.Article.Source.Text)
            {
                error.WriteLine($"{item.Path}: changed while it was being checked; not fixed");
                skipped++;
                continue;
            }

            var fixedText = Fixes.Apply(text, edits);
            files++;
            fixes += edits.Count;
            if (dryRun)
            {
                output.Write(UnifiedDiff.Create(item.Path, text, fixedText));
                continue;
            }

            // Written only if the bytes on disk are still those the fixes were computed from.
            if (!SHA256.HashData(File.ReadAllBytes(full)).AsSpan().SequenceEqual(SHA256.HashData(bytes)))
            {
                error.WriteLine($"{item.Path}: changed since it was read; not fixed");
                skipped++;
                continue;
            }

            AtomicFile.WriteAllBytes(full, encoding.GetPreamble().Concat(encoding.GetBytes(fixedText)).ToArray());
        }

        output.WriteLine($"{(dryRun ? "would fix" : "fixed")} {fixes} {(fixes == 1 ? "place" : "places")} in {files} {(files == 1 ? "file" : "files")}{(skipped > 0 ? $"; {skipped} skipped" : string.Empty)}");
        return skipped > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }
}
