using System.CommandLine;
using Provenance.Configuration;
using Provenance.Hosting;

namespace Provenance.Cli;

/// <summary><c>provenance init</c>: writes a commented starter <c>provenance.json</c>.</summary>
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

          // Severity per category (Attribution, Sourcing, Disclosure, Commercial, Boilerplate, Language, Metadata).
          "categories": {
            // "Language": "info"
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
        var command = new Command("init", "Write a commented starter provenance.json in the current folder.") { force };
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
        return ExitCodes.Success;
    }
}
