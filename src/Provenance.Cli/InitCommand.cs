using System.CommandLine;
using Provenance.Configuration;
using Provenance.Hosting;

namespace Provenance.Cli;

/// <summary><c>provenance init</c>: writes a commented starter <c>provenance.json</c>, and keeps the tool's output out of git (.gitignore).</summary>
internal static class InitCommand
{
    internal const string Starter = """
        {
          // Provenance configuration. Comments are allowed. Every key is optional.
          // Files below this folder use it; a provenance.json in a subfolder adds to it (nearest wins).
          // The keys are described in the README, "Configuration", and in docs/provenance.config.schema.json.

          // Stop looking for provenance.json in parent folders.
          "root": true,

          // Severity per rule id: "error", "warning", "info", "hidden" or "none" (off).
          "rules": {
            // "PRV6002": "none"
          },

          // Severity per category: the scorecard's (Attribution, Sourcing, Transparency, Integrity).
          "categories": {
            // "Integrity": "info"
          },

          // Thresholds of count rules, such as how many anonymous sources are tolerated.
          "ruleOptions": {
            // "PRV2010": { "atLeast": 5 }
          },

          // When an article fails the run (exit code 1).
          "failOn": "error",
          // "failBelow": 40,
          // "maxWarnings": 100,

          // Files not to check (globs; a pattern without "/" matches at any depth).
          "ignore": [ "node_modules/**", "drafts/**" ],

          // Folders of extra rule packs (*.rules.json), added to the built-in ones.
          "ruleDirectories": [],

          // Sections for some files, applied in order after the settings above.
          "overrides": [
            // { "files": [ "opinion/**" ], "categories": { "Sourcing": "info" }, "failBelow": 20 }
          ]
        }

        """;

    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Overwrite an existing provenance.json." };
        var command = new Command("init", "Write a commented starter provenance.json in the current folder, and add the cache and watch's reports to .gitignore.") { force };
        command.SetAction(r => Run(Directory.GetCurrentDirectory(), r.GetValue(force), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(string directory, bool force, TextWriter output, TextWriter error)
    {
        var path = Path.Combine(directory, ProvenanceConfig.FileName);
        if (File.Exists(path) && !force)
        {
            error.WriteLine($"provenance: {ProvenanceConfig.FileName} already exists here; use --force to overwrite it");
            return ExitCodes.UsageError;
        }

        AtomicFile.WriteAllText(path, Starter);
        output.WriteLine($"wrote {ProvenanceConfig.FileName}");
        if (IgnoreOutputs(directory) is { Count: > 0 } added)
        {
            output.WriteLine($"added {string.Join(" and ", added)} to .gitignore");
        }

        return ExitCodes.Success;
    }

    // What the tool writes beside the content, which no one means to commit: the analysis cache
    // and watch's report folder. Lines already there (with or without a leading or trailing
    // slash) are not added again; the file keeps its own line endings.
    private static List<string> IgnoreOutputs(string directory)
    {
        var file = Path.Combine(directory, ".gitignore");
        var existing = File.Exists(file) ? File.ReadAllText(file) : string.Empty;
        var present = existing.Split('\n').Select(l => l.Trim().Trim('/')).ToHashSet(StringComparer.Ordinal);
        var missing = new[] { AnalysisCache.DefaultFile, WatchCommand.DefaultReportFolder + "/" }.Where(p => !present.Contains(p.Trim('/'))).ToList();
        if (missing.Count > 0)
        {
            var newline = existing.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var separator = existing.Length == 0 || existing.EndsWith('\n') ? string.Empty : newline;
            var lines = string.Join(newline, ["# Provenance: the analysis cache and watch's reports", .. missing]);
            AtomicFile.WriteAllText(file, existing + separator + lines + newline);
        }

        return missing;
    }
}
