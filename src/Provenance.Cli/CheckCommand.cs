using System.CommandLine;
using System.Globalization;
using Provenance.Articles;
using Provenance.Hosting;
using Provenance.Reading;
using Provenance.Reporting;

namespace Provenance.Cli;

/// <summary><c>provenance check</c>: reads articles, runs the rules, prints findings and scorecards.</summary>
internal static class CheckCommand
{
    /// <summary>The command; <paramref name="preloaded"/> is the built-in rules, if their loading was started already.</summary>
    public static Command Create(Task<Rules.RuleSet>? preloaded = null)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Article files or folders to check (folders are searched for .txt, .md, .markdown, .html and .htm files).",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["."],
        };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = $"Output format, repeatable; FORMAT or FORMAT=FILE to write to a file. Formats: {string.Join(", ", Reporters.Names)}.",
            DefaultValueFactory = _ => ["text"],
            AllowMultipleArgumentsPerToken = false,
        };
        var reportDir = new Option<string?>("--report-dir") { Description = "Write a Markdown and an HTML scorecard per article, and an HTML run index, to this folder." };
        var copies = new Option<bool>("--copies") { Description = "Also find the articles that share text (as 'provenance copies' does): each copy gets a finding (PRV8001-PRV8004) and its score moves; the groups are listed after the report and under 'Also published as' in each scorecard." };
        var against = new Option<string?>("--against") { Description = "Also look each article up in this archive ('provenance index add'), as 'provenance copies --against' does: listed after the report." };
        var rules = new Option<string?>("--rules") { Description = "A folder of rule packs (*.rules.json) to use instead of the built-in packs." };
        var scoring = new Option<string?>("--scoring") { Description = "A scoring model (JSON) to use instead of the built-in rules/scoring.json." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "How many articles to check at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var failOn = new Option<string?>("--fail-on") { Description = "The least severe finding that fails an article (exit code 1): error, warning, info or none (default: error, or as provenance.json says)." };
        failOn.AcceptOnlyFromAmong("error", "warning", "info", "none");
        var failBelow = new Option<int?>("--fail-below") { Description = "Fail an article whose score is under this (0-100)." };
        var asOf = new Option<string?>("--as-of") { Description = "The date ages are counted from in scorecards (yyyy-MM-dd; default: today)." };
        var docsUrl = new Option<string?>("--docs-url") { Description = "Where the rule help pages are published, for absolute help links in SARIF." };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the console output." };
        var config = new Option<string?>("--config", "-c") { Description = "Use this configuration file only, instead of the provenance.json files found beside and above each article." };
        var maxWarnings = new Option<int?>("--max-warnings") { Description = "Fail the run (exit code 1) when it reports more warnings than this." };
        var baseline = new Option<string?>("--baseline") { Description = $"Report only findings this baseline file does not hold (see 'provenance baseline'; usually {Baseline.FileName})." };
        var changedSince = new Option<string?>("--changed-since") { Description = "Check only files changed since the merge base with this git ref (for pull requests)." };
        var cache = new Option<bool>("--cache") { Description = $"Skip articles unchanged since the last run with the same rules and configuration (kept in {AnalysisCache.DefaultFile})." };
        var cacheLocation = new Option<string?>("--cache-location") { Description = $"The cache file (default: {AnalysisCache.DefaultFile} in the current folder)." };
        var cacheStrategy = new Option<string>("--cache-strategy") { Description = "How the cache tells an unchanged file: metadata (its size and modification time, else its bytes' hash; the default) or content (always its bytes' hash).", DefaultValueFactory = _ => "metadata" };
        cacheStrategy.AcceptOnlyFromAmong("metadata", "content");
        var shard = new Option<string?>("--shard") { Description = "Check only part K of N of the files (a stable split by path), for CI matrices; join the results with 'provenance merge'." };
        var types = new Option<string[]>("--type") { Description = $"Read files with this extension as FORMAT ({ArticleReaders.NamesInWords}), repeatable: --type .mdx=markdown." };
        // Standard input is read as text: a format whose files are not text (a Word document) is not offered.
        string[] textFormats = [.. ArticleReaders.All.Where(r => r.Extract is null).Select(r => r.Name)];
        var stdinFormat = new Option<string>("--stdin-format") { Description = $"The format of an article read from standard input (path -): {ArticleReaders.InWords(textFormats)}.", DefaultValueFactory = _ => "text" };
        stdinFormat.AcceptOnlyFromAmong(textFormats);
        var maxFileSize = new Option<int>("--max-file-size") { Description = "The largest file read, in MB (default: 10); a larger one is reported (PRV0001) and not checked.", DefaultValueFactory = _ => (int)(EngineOptions.DefaultMaxFileBytes / (1024 * 1024)) };
        maxFileSize.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--max-file-size must be at least 1 (MB)");
            }
        });

        var command = new Command("check", "Check articles for provenance: findings, score and grade per article.")
        {
            paths, format, reportDir, copies, against, rules, scoring, jobs, failOn, failBelow, asOf, docsUrl, noColor, config, maxWarnings, baseline, changedSince, stdinFormat, cache, cacheLocation, cacheStrategy, types, shard, maxFileSize,
        };
        command.SetAction(result =>
        {
            CheckRequest request;
            try
            {
                request = Options(result);
            }
            catch (ProvenanceSetupException ex)
            {
                Console.Error.WriteLine($"provenance: {ex.Message}");
                return ExitCodes.UsageError;
            }

            var output = BatchOutput.Open();
            try
            {
                return Run(request, output, Console.Error);
            }
            finally
            {
                output.Flush();
            }
        });
        return command;

        CheckRequest Options(ParseResult result) =>
            new(result.GetValue(paths) ?? ["."], new EngineOptions
            {
                BaseDirectory = Directory.GetCurrentDirectory(),
                RulesDirectory = result.GetValue(rules),
                ScoringFile = result.GetValue(scoring),
                ConfigFile = result.GetValue(config),
                Jobs = Math.Max(1, result.GetValue(jobs)),
                FailOn = result.GetValue(failOn),
                FailBelow = result.GetValue(failBelow),
                MaxWarnings = result.GetValue(maxWarnings),
                ChangedSince = result.GetValue(changedSince),
                Shard = result.GetValue(shard),
                Types = result.GetValue(types) ?? [],
                MaxFileBytes = result.GetValue(maxFileSize) * 1024L * 1024,
                CacheFile = result.GetValue(cache) || result.GetValue(cacheLocation) is not null ? result.GetValue(cacheLocation) ?? AnalysisCache.DefaultFile : null,
                CacheByContent = result.GetValue(cacheStrategy) == "content",
                AsOf = ParseDate(result.GetValue(asOf)),
                DocsUrl = ParseUri(result.GetValue(docsUrl)),
                UseColor = !result.GetValue(noColor) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null && Environment.GetEnvironmentVariable("CI") is null,
                StandardInputFormat = ArticleReaders.Named(result.GetValue(stdinFormat)!)!.Format,
                Preloaded = preloaded,
            })
            {
                Formats = result.GetValue(format) ?? ["text"],
                ReportDirectory = result.GetValue(reportDir),
                FindCopies = result.GetValue(copies),
                Against = result.GetValue(against),
                BaselineFile = result.GetValue(baseline),
                ShowProgress = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null,
            };
    }

    internal static int Run(string[] paths, string format, string? rulesDirectory, string? scoringFile, int jobs, string baseDirectory, TextWriter output, TextWriter error) =>
        Run(new CheckRequest(paths, new EngineOptions { BaseDirectory = baseDirectory, RulesDirectory = rulesDirectory, ScoringFile = scoringFile, Jobs = jobs }) { Formats = [format] }, output, error);

    internal static int Run(CheckRequest request, TextWriter output, TextWriter error)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var baseDirectory = request.BaseDirectory;
        EngineRun prepared;
        Baseline? baseline;
        List<(string Format, string? Path)> outputs;
        try
        {
            outputs = ParseFormats(request.Formats);
            prepared = new ProvenanceEngine(request.Engine).Prepare(request.Paths);
            baseline = request.BaselineFile is null ? null : BaselineCommand.Read(request.BaselineFile, baseDirectory);
        }
        catch (Exception ex) when (EngineErrors.Report(ex, error))
        {
            return ExitCodes.UsageError;
        }

        CopyArchive? archive = null;
        if (request.Against is { } archiveFile)
        {
            try
            {
                archive = CopyArchive.Open(Path.GetFullPath(archiveFile, baseDirectory), readOnly: true);
            }
            catch (Exception ex) when (EngineErrors.ReportArchive(ex, archiveFile, writing: false, error))
            {
                return ExitCodes.UsageError;
            }
        }

        using var archiveInUse = archive;
        foreach (var warning in prepared.Warnings)
        {
            error.WriteLine($"provenance: warning: {warning}");
        }

        // Every format is written as the articles are checked, in order; files go to temporary
        // files moved into place only when the run is complete.
        var context = prepared.Context;
        var files = new List<AtomicFile.Pending>();
        try
        {
            var writers = new List<IRunWriter>();
            foreach (var (name, path) in outputs)
            {
                var target = output;
                if (path is not null)
                {
                    var file = AtomicFile.Open(Path.GetFullPath(path, baseDirectory));
                    files.Add(file);
                    target = file.Writer;
                }

                writers.Add(Reporters.Create(name, context).Open(prepared.Info, target));
            }

            var tally = new RunTally(context);
            var scorecards = request.ReportDirectory is null ? null : new List<RunItem>();
            var archived = archive is null ? null : new ArchiveLookups(archive, prepared.CopyOptions);
            string? archiveProblem = null;
            void LookUp(RunItem checkedItem)
            {
                try
                {
                    archived?.Add(checkedItem);
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or Microsoft.Data.Sqlite.SqliteException)
                {
                    // The report goes on; the look-ups stop, and the run says so and fails at the end.
                    archiveProblem = $"{ContentFiles.Display(archive!.Path, baseDirectory)}: {ex.Message}";
                    archived = null;
                }
            }

            using var progress = Progress.Start(prepared.FileCount, request.ShowProgress, error);
            Action? advance = progress is null ? null : progress.Advance;

            // Each article's filtered result, and the parts of the report the writers can make
            // ahead, are made on the thread that checked it (or made it again): this thread only
            // copies them out, which matters most where the whole run is written at its end.
            Ready Prepare(RunItem checkedItem)
            {
                var item = baseline?.Filter(checkedItem, context) ?? checkedItem;
                var parts = new PreparedItem?[writers.Count];
                for (var k = 0; k < writers.Count; k++)
                {
                    parts[k] = (writers[k] as IPreparingRunWriter)?.Prepare(item);
                }

                return new Ready(checkedItem, item, parts);
            }

            // Looking for copies holds the report until every article is read: each copy's finding
            // and score depend on the others. Otherwise every article is reported as it is checked.
            CopySearch? search = null;
            IEnumerable<Ready> readyItems;
            if (request.FindCopies)
            {
                // Without an archive there is nothing to look up, and each article's text is let go where it is checked.
                var found = prepared.CheckCopies(keepText: scorecards is not null, advance, archived is null ? null : LookUp);
                search = found.Search;
                readyItems = found.Items is HeldItems held ? held.Select(Prepare) : found.Items.Select(Prepare);
            }
            else
            {
                readyItems = prepared.Check(keepText: scorecards is not null || archived is not null, advance, Prepare).Select(ready =>
                {
                    LookUp(ready.Checked);
                    return ready;
                });
            }

            foreach (var (_, item, parts) in readyItems)
            {
                try
                {
                    for (var k = 0; k < writers.Count; k++)
                    {
                        if (parts[k] is { } part)
                        {
                            ((IPreparingRunWriter)writers[k]).Add(item, part);
                        }
                        else
                        {
                            writers[k].Add(item);
                        }
                    }
                }
                finally
                {
                    // A writer that failed leaves the parts after its own unwritten: their buffers go back all the same (once: a release is kept).
                    foreach (var part in parts)
                    {
                        part?.Release();
                    }
                }

                tally.Add(item);
                scorecards?.Add(item);
            }

            foreach (var writer in writers)
            {
                writer.Finish();
            }

            foreach (var file in files)
            {
                file.Commit();
            }

            if (scorecards is not null)
            {
                ReportFolder.Write(Path.GetFullPath(request.ReportDirectory!, baseDirectory), new CheckRun([.. scorecards], prepared.Info.Packs, prepared.Info.ScoringVersion), context, search);
            }

            // After the report, in the words 'provenance copies' uses; on the error stream when the
            // report on standard output is one document (JSON, SARIF, XML) that text after it would break.
            var listing = outputs.Exists(o => o.Path is null && Reporters.Find(o.Format)!.IsDocument) ? error : output;
            if (search is not null)
            {
                listing.WriteLine();
                CopiesCommand.WriteText(search, listing);
                CopiesCommand.WriteUnread(search, error);
            }

            if (archived is not null)
            {
                listing.WriteLine();
                CopiesCommand.WriteArchiveText(archived.Search(), ContentFiles.Display(archive!.Path, baseDirectory), listing);
            }

            // What follows on the error stream comes after the report where both reach one log.
            output.Flush();
            if (archiveProblem is not null)
            {
                error.WriteLine($"provenance: the archive look-ups stopped: {archiveProblem}");
                return ExitCodes.UsageError;
            }

            var failed = tally.Failing > 0;
            if (prepared.MaxWarnings is { } most && tally.Warnings > most)
            {
                error.WriteLine($"provenance: {tally.Warnings} warnings, more than the {most} allowed (--max-warnings)");
                failed = true;
            }

            // Timing goes to the error stream: the reports themselves stay the same bytes on every run.
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"provenance: {tally.Items} {(tally.Items == 1 ? "file" : "files")} checked in {clock.Elapsed.TotalSeconds:0.0} s{(prepared.UsesCache ? $" ({prepared.CacheHits} from the cache)" : string.Empty)}; {tally.Failing} failing"));
            return failed ? ExitCodes.Findings : ExitCodes.Success;
        }
        finally
        {
            foreach (var file in files)
            {
                file.Dispose();
            }
        }
    }

    internal static List<(string Format, string? Path)> ParseFormats(IReadOnlyList<string> formats)
    {
        var parsed = new List<(string, string?)>();
        foreach (var format in formats.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var equals = format.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? format : format[..equals]).ToLowerInvariant();
            var path = equals < 0 ? null : format[(equals + 1)..];
            if (!Reporters.Names.Contains(name))
            {
                throw new ProvenanceSetupException($"unknown format '{name}'; expected one of {string.Join(", ", Reporters.Names)}");
            }

            if (path is { Length: 0 })
            {
                throw new ProvenanceSetupException($"--format {name}= needs a file name after '='");
            }

            parsed.Add((name, path));
        }

        if (parsed.Count(p => p.Item2 is null) > 1)
        {
            throw new ProvenanceSetupException("only one --format can write to the console; give the others a file (--format sarif=results.sarif)");
        }

        return parsed;
    }

    internal static DateOnly? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ProvenanceSetupException($"--as-of {text}: expected a date as yyyy-MM-dd");
    }

    internal static Uri? ParseUri(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var withSlash = text.EndsWith('/') ? text : text + "/";
        return Uri.TryCreate(withSlash, UriKind.Absolute, out var uri) ? uri : throw new ProvenanceSetupException($"--docs-url {text}: expected an absolute URL");
    }

    // An article as the writers take it: as checked (for look-ups), as reported (a baseline's
    // findings left out) and the writers' parts made ahead (null for a writer that makes none).
    private sealed record Ready(RunItem Checked, RunItem Item, PreparedItem?[] Parts);
}
