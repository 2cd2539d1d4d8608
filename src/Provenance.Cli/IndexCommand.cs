using System.CommandLine;
using System.Globalization;
using Provenance.Hosting;

namespace Provenance.Cli;

/// <summary>
/// <c>provenance index add</c>: stores the prints of a folder's articles in an archive
/// (<see cref="CopyArchive"/>), so that later texts can be looked up against them with
/// <c>provenance copies --against</c> or the service.
/// </summary>
internal static class IndexCommand
{
    /// <summary>The archive used when none is named.</summary>
    public const string DefaultArchive = "provenance-archive.db";

    public static Command Create()
    {
        var command = new Command("index", "Keep an archive of published articles' prints, to ask later whether a text was published before.");
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, DefaultValueFactory = _ => ["."], Description = "Article files or folders." };
        var database = new Option<string>("--db") { DefaultValueFactory = _ => DefaultArchive, Description = "The archive file (SQLite); made if missing." };
        var config = new Option<string?>("--config", "-c") { Description = "Use this configuration file only (its ignore globs choose the files)." };
        var shard = new Option<string?>("--shard") { Description = "Add only part K of N of the files (K/N, split as check --shard splits them): one archive per job, joined with 'index merge'." };
        var add = new Command("add", "Add the articles' prints to the archive; an article stored before under the same path is replaced when its text changed.") { paths, database, config, shard };
        add.SetAction(r => Add(r.GetValue(paths) ?? ["."], r.GetValue(database)!, r.GetValue(config), Directory.GetCurrentDirectory(), Console.Out, Console.Error, r.GetValue(shard)));
        command.Subcommands.Add(add);

        var archives = new Argument<string[]>("archives") { Arity = ArgumentArity.OneOrMore, Description = "The archives to add, such as the shards' ones." };
        var into = new Option<string>("--db") { DefaultValueFactory = _ => DefaultArchive, Description = "The archive they are added to; made if missing." };
        var merge = new Command("merge", "Add other archives' articles (the shards' of a split run) to one archive, which 'copies --within' then searches whole.") { archives, into };
        merge.SetAction(r => Merge(r.GetValue(archives)!, r.GetValue(into)!, Directory.GetCurrentDirectory(), Console.Out, Console.Error));
        command.Subcommands.Add(merge);
        return command;
    }

    internal static int Merge(string[] archives, string database, string baseDirectory, TextWriter output, TextWriter error)
    {
        try
        {
            using var archive = CopyArchive.Open(Path.GetFullPath(database, baseDirectory));
            foreach (var other in archives)
            {
                var added = archive.Merge(Path.GetFullPath(other, baseDirectory));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{other}: {added.Added} added, {added.Updated} updated, {added.Unchanged} unchanged"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ContentFiles.Display(archive.Path, baseDirectory)}: {archive.Count} {(archive.Count == 1 ? "article" : "articles")} archived"));
            return ExitCodes.Success;
        }
        catch (Exception ex) when (EngineErrors.ReportArchive(ex, database, writing: true, error))
        {
            return ExitCodes.UsageError;
        }
    }

    internal static int Add(string[] paths, string database, string? config, string baseDirectory, TextWriter output, TextWriter error, string? shard = null)
    {
        try
        {
            var run = new ProvenanceEngine(new EngineOptions { BaseDirectory = baseDirectory, FailOn = "none", ConfigFile = config, Shard = shard }).Prepare(paths);
            using var archive = CopyArchive.Open(Path.GetFullPath(database, baseDirectory));
            var added = run.IndexInto(archive);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ContentFiles.Display(archive.Path, baseDirectory)}: {added.Added} added, {added.Updated} updated, {added.Unchanged} unchanged; {added.Total} {(added.Total == 1 ? "article" : "articles")} archived"));
            return ExitCodes.Success;
        }
        catch (Exception ex) when (EngineErrors.Report(ex, error) || EngineErrors.ReportArchive(ex, database, writing: true, error))
        {
            return ExitCodes.UsageError;
        }
    }
}
