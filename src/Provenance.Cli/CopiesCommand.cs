using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Provenance.Corpus;
using Provenance.Hosting;

namespace Provenance.Cli;

/// <summary>
/// <c>provenance copies</c>: which articles in a folder share text, and where — syndicated copies,
/// reprints and rewrites that keep sentences — through <see cref="EngineRun.FindCopies"/>.
/// </summary>
internal static partial class CopiesCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, DefaultValueFactory = _ => ["."], Description = "Article files or folders." };
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "text", Description = "text or json." };
        format.AcceptOnlyFromAmong("text", "json");
        var defaults = new CopyOptions();
        var share = new Option<double?>("--min-share") { Description = string.Create(CultureInfo.InvariantCulture, $"The least share of one article's text found in the other (0–1) for the two to count as copies; default copies.minShare in provenance.json, else {defaults.MinShare}.") };
        var shared = new Option<int?>("--min-shingles") { Description = $"The least number of five-word runs two articles must share; default copies.minShingles in provenance.json, else {defaults.MinShingles}." };
        var config = new Option<string?>("--config", "-c") { Description = "Use this configuration file only (its ignore globs choose the files)." };
        var against = new Option<string?>("--against") { Description = "Look each article up in this archive ('provenance index add') instead of comparing the articles with each other." };
        var within = new Option<string?>("--within") { Description = "Find the groups among the articles of this archive instead of files (the shards' archives of a split run, joined by 'index merge')." };
        var command = new Command("copies", "Find the articles that share text: syndicated copies, reprints and rewrites that keep sentences.") { paths, format, share, shared, config, against, within };
        command.SetAction(r => r.GetValue(within) is { } archive
            ? RunWithin(archive, r.GetValue(format)!, new CopyThresholds(r.GetValue(share), r.GetValue(shared)), r.GetValue(config), Directory.GetCurrentDirectory(), Console.Out, Console.Error)
            : Run(r.GetValue(paths) ?? ["."], r.GetValue(format)!, new CopyThresholds(r.GetValue(share), r.GetValue(shared)), r.GetValue(config), Directory.GetCurrentDirectory(), Console.Out, Console.Error, r.GetValue(against)));
        return command;
    }

    internal static int Run(string[] paths, string format, CopyThresholds options, string? config, string baseDirectory, TextWriter output, TextWriter error, string? against = null)
    {
        if (Invalid(options, error))
        {
            return ExitCodes.UsageError;
        }

        if (against is not null)
        {
            return RunAgainst(paths, format, options, config, against, baseDirectory, output, error);
        }

        CopySearch search;
        try
        {
            search = new ProvenanceEngine(new EngineOptions { BaseDirectory = baseDirectory, FailOn = "none", ConfigFile = config, Copies = options }).Prepare(paths).FindCopies();
        }
        catch (Exception ex) when (EngineErrors.Report(ex, error))
        {
            return ExitCodes.UsageError;
        }

        WriteSearch(search, format, output);
        WriteUnread(search, error);
        return ExitCodes.Success;
    }

    private static void WriteSearch(CopySearch search, string format, TextWriter output)
    {
        if (format == "json")
        {
            WriteJson(search, output);
        }
        else
        {
            WriteText(search, output);
        }
    }

    private static bool Invalid(CopyThresholds options, TextWriter error)
    {
        if (options.MinShare is { } minShare && !(minShare > 0 && minShare <= 1))
        {
            error.WriteLine("provenance: --min-share expects a share between 0 and 1, such as 0.5");
            return true;
        }

        if (options.MinShingles is < 1)
        {
            error.WriteLine("provenance: --min-shingles expects a whole number of at least 1, such as 25");
            return true;
        }

        return false;
    }

    // Articles the search could not read again (changed or removed during the run): a copy among
    // them is not found, which the run says rather than passing over.
    internal static void WriteUnread(CopySearch search, TextWriter error)
    {
        var unread = search.Unread;
        if (unread.Count > 0)
        {
            error.WriteLine($"provenance: {(unread.Count == 1 ? "1 article was" : $"{unread.Count} articles were")} changed or removed after {(unread.Count == 1 ? "its" : "their")} check and took no part in the search for copies: {string.Join(", ", unread.Take(5))}{(unread.Count > 5 ? ", …" : string.Empty)}");
        }
    }

    internal static void WriteText(CopySearch search, TextWriter output)
    {
        var copies = search.Clusters.Sum(c => c.Paths.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{search.Clusters.Count} {(search.Clusters.Count == 1 ? "group" : "groups")} of articles share text: {copies} of {search.Compared} articles compared ({search.Articles} read)"));
        foreach (var (cluster, origin) in search.Clusters.Zip(search.Origins))
        {
            output.WriteLine();
            output.WriteLine(string.Join(", ", cluster.Paths));
            output.WriteLine($"  likely original: {origin.Original}, {origin.Reason}");
            foreach (var copy in origin.Copies)
            {
                output.WriteLine(copy.Kind switch
                {
                    CopyKind.Credited => $"  {copy.Path}: credited copy (credits {copy.Credit}{(copy.CreditsOriginal ? ", the original's site" : string.Empty)})",
                    CopyKind.SameSite => $"  {copy.Path}: a page of the same site",
                    CopyKind.SameText => $"  {copy.Path}: the same text, naming no source: an uncredited reprint, or the same article at another address",
                    CopyKind.Undetermined => $"  {copy.Path}: shares its text, but neither names its site, credits the other or is dated first: which came first cannot be told",
                    _ => $"  {copy.Path}: uncredited copy: it names no source for its text",
                });
            }

            foreach (var pair in cluster.Pairs)
            {
                output.WriteLine($"  {Sentence(pair)}");
            }
        }
    }

    // Said from the side of the article more of whose text is in the other: that one is the copy or the excerpt.
    private static string Sentence(CopyPair pair)
    {
        if (pair.SameText)
        {
            return $"{pair.Second}: the same text as {pair.First} ({pair.SecondLines} ↔ {pair.FirstLines})";
        }

        var copy = pair.FirstShare >= pair.SecondShare ? pair.First : pair.Second;
        var side = pair.From(copy);
        return string.Create(CultureInfo.InvariantCulture, $"{copy}: {side.Share:0%} of its text also appears in {side.Other} ({side.Lines} ↔ {side.OtherLines}); that is {side.OtherShare:0%} of {side.Other}");
    }

    private static void WriteJson(CopySearch search, TextWriter output) => output.WriteLine(CopyJson.Document(json => CopyJson.WriteSearch(json, search)));
}
