using System.CommandLine;
using System.Text.Json;
using Provenance.Hosting;
using Provenance.Reporting;

namespace Provenance.Cli;

/// <summary><c>provenance baseline create|update|prune</c>: record the findings a team accepts, so CI reports only new ones.</summary>
internal static class BaselineCommand
{
    public static Command Create()
    {
        var command = new Command("baseline", $"Create, update or prune the baseline of accepted findings ({Baseline.FileName}).");
        foreach (var (name, description) in new[]
        {
            ("create", "Write a baseline of every current finding, replacing any existing one."),
            ("update", "Add every current finding to the baseline, keeping those it holds."),
            ("prune", "Remove from the baseline the findings that no longer occur."),
        })
        {
            var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, DefaultValueFactory = _ => ["."], Description = "Article files or folders." };
            var file = new Option<string>("--file") { Description = "The baseline file.", DefaultValueFactory = _ => Baseline.FileName };
            var config = new Option<string?>("--config", "-c") { Description = "Use this configuration file only." };
            var copies = new Option<bool>("--copies") { Description = "Also accept the copy findings (PRV8001-PRV8004) of a search for copies, for runs of 'check --copies'." };
            var sub = new Command(name, description) { paths, file, config, copies };
            sub.SetAction(r => Run(name, r.GetValue(paths) ?? ["."], r.GetValue(file)!, r.GetValue(config), Directory.GetCurrentDirectory(), Console.Out, Console.Error, r.GetValue(copies)));
            command.Subcommands.Add(sub);
        }

        return command;
    }

    internal static int Run(string action, string[] paths, string file, string? config, string baseDirectory, TextWriter output, TextWriter error, bool copies = false)
    {
        CheckRun run;
        try
        {
            var prepared = new ProvenanceEngine(new EngineOptions { BaseDirectory = baseDirectory, FailOn = "none", ConfigFile = config }).Prepare(paths);
            if (copies)
            {
                var found = prepared.CheckCopies();
                run = new CheckRun([.. found.Items], prepared.Info.Packs, prepared.Info.ScoringVersion);
                CopiesCommand.WriteUnread(found.Search, error);
            }
            else
            {
                run = prepared.Collect();
            }
        }
        catch (Exception ex) when (EngineErrors.Report(ex, error))
        {
            return ExitCodes.UsageError;
        }

        try
        {
            var current = Baseline.From(run);
            var full = Path.GetFullPath(file, baseDirectory);
            var existing = action == "create" || !File.Exists(full) ? Baseline.Empty : Read(file, baseDirectory);
            var result = action switch
            {
                "update" => existing.Union(current),
                "prune" => existing.Intersect(current),
                _ => current,
            };
            AtomicFile.WriteAllText(full, result.Serialize());
            var change = action == "prune" ? $"{existing.Count - result.Count} removed" : action == "update" ? $"{result.Count - existing.Count} added" : "created";
            output.WriteLine($"{ContentFiles.Display(full, baseDirectory)}: {result.Count} findings ({change})");
            return ExitCodes.Success;
        }
        catch (ProvenanceSetupException ex)
        {
            error.WriteLine($"provenance: {ex.Message}");
            return ExitCodes.UsageError;
        }
    }

    /// <summary>Reads a baseline file, or explains in one line why it cannot.</summary>
    public static Baseline Read(string file, string baseDirectory)
    {
        var full = Path.GetFullPath(file, baseDirectory);
        if (!File.Exists(full))
        {
            throw new ProvenanceSetupException($"{file}: no such baseline file (create one with 'provenance baseline create')");
        }

        try
        {
            return Baseline.Parse(File.ReadAllText(full));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ProvenanceSetupException($"{file}: not a baseline file: {ex.Message}");
        }
    }
}
