using System.CommandLine;
using Provenance.Hosting;

namespace Provenance.Cli;

/// <summary>
/// <c>provenance fix</c>: applies the fixes rules offer (removing scraped comment forms, page debris,
/// promotional calls to action) through <see cref="EngineRun.Fix"/>. With <c>--dry-run</c> it prints
/// a diff instead.
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
        var (files, places, skipped) = (0, 0, 0);
        try
        {
            var run = new ProvenanceEngine(new EngineOptions { BaseDirectory = baseDirectory, FailOn = "none", ConfigFile = config }).Prepare(paths);
            foreach (var fix in run.Fix(write: !dryRun))
            {
                foreach (var note in fix.Left)
                {
                    error.WriteLine(note);
                }

                if (fix.Places == 0)
                {
                    continue;
                }

                switch (fix.Outcome)
                {
                    case FixOutcome.ChangedWhileChecked:
                        error.WriteLine($"{fix.Path}: changed while it was being checked; not fixed");
                        skipped++;
                        continue;
                    case FixOutcome.ChangedBeforeWriting:
                        error.WriteLine($"{fix.Path}: changed since it was read; not fixed");
                        skipped++;
                        continue;
                    case FixOutcome.NotWritten:
                        output.Write(fix.Diff());
                        break;
                }

                files++;
                places += fix.Places;
            }
        }
        catch (Exception ex) when (EngineErrors.Report(ex, error))
        {
            return ExitCodes.UsageError;
        }

        output.WriteLine($"{(dryRun ? "would fix" : "fixed")} {places} {(places == 1 ? "place" : "places")} in {files} {(files == 1 ? "file" : "files")}{(skipped > 0 ? $"; {skipped} skipped" : string.Empty)}");
        return skipped > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }
}
