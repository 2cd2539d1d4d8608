using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Configuration;
using Provenance.Json;
using Provenance.Reading;
using Provenance.Reporting;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Cli;

/// <summary>A run ready to check: the checker, the files in order with their configuration, and what reports need.</summary>
internal sealed record PreparedRun(
    ProvenanceChecker Checker,
    IReadOnlyList<RunFile> Files,
    IReadOnlyDictionary<string, ArticleFormat> Extensions,
    ReportContext Context,
    int? MaxWarnings,
    string BaseDirectory,
    AnalysisCache? Cache)
{
    public RunInfo Info => new(Checker.Rules.Packs, Checker.Scoring.Version);
}

/// <summary>A file of a run and what it is checked under.</summary>
/// <remarks>
/// A class rather than a tuple, as are the run's other per-file values: lists and queries of
/// reference types share code the tool ships precompiled, while each tuple shape is compiled at
/// start-up, which a one-file check feels.
/// </remarks>
internal sealed record RunFile(string FullPath, CheckedAs Settings);

/// <summary>A file found for a run, with the configuration that applies to it.</summary>
internal sealed record FoundFile(string FullPath, string DisplayPath, ConfigSettings Config);

/// <summary>
/// What a file is checked under; files with the same configuration share one, so that a run of
/// 100,000 files holds a path per file and little else.
/// </summary>
internal sealed record CheckedAs(AnalysisOptions Analysis, ArticlePolicy Policy);

/// <summary>Finds, configures, reads and checks the articles of a run, for check, baseline and fix.</summary>
internal static class CheckRunner
{
    // Finished articles held ahead of the one being reported: enough to keep every core busy
    // behind a slow article, few enough that a run's memory does not grow with its size.
    private const int Window = 256;

    /// <summary>Finds and configures the files and loads the rules; null (with the error written) on bad usage or rules.</summary>
    public static PreparedRun? Prepare(CheckOptions options, string baseDirectory, TextWriter error)
    {
        var cacheFile = options.CacheFile is null ? null : Path.GetFullPath(options.CacheFile, baseDirectory);
        var cacheReading = cacheFile is null ? null : AnalysisCache.ReadAsync(cacheFile);

        // With a cache from an earlier run most articles will not be analysed: the rules load
        // without compiling their expressions, while the files are found.
        var cached = cacheFile is not null && File.Exists(cacheFile);
        var earlyRules = cached ? Task.Run(() => RuleLoading.LoadRules(options.RulesDirectory, baseDirectory, null, 0)) : null;
        ProvenanceChecker checker;
        List<RunFile> files;
        IReadOnlyDictionary<string, ArticleFormat> extensions;
        ReportContext context;
        int? maxWarnings;
        try
        {
            CheckCommand.ParseFormats(options.Formats);
            var resolver = new ConfigResolver(options.ConfigFile, baseDirectory);
            extensions = ContentFiles.WithOverrides(options.Types);
            var expanded = ContentFiles.Expand(options.Paths, baseDirectory, extensions);
            var paths = options.ChangedSince is null ? expanded : GitChanges.Filter(expanded, options.ChangedSince, baseDirectory);
            if (options.Shard is not null)
            {
                var shard = Sharding.Parse(options.Shard);
                paths = [.. paths.Where(p => Sharding.Includes(p.DisplayPath, shard))];
            }

            var found = new List<FoundFile>(paths.Count);
            foreach (var path in paths)
            {
                var (settings, ignored) = resolver.For(path.FullPath == ContentFiles.StandardInput ? Path.Combine(baseDirectory, "stdin") : path.FullPath);
                if (!ignored)
                {
                    found.Add(new FoundFile(path.FullPath, path.DisplayPath, settings));
                }
            }

            var foundPaths = found.ConvertAll(f => f.FullPath);

            var extraRules = resolver.Loaded.SelectMany(c => c.RuleDirectories.Select(d => Path.GetFullPath(d, c.Directory))).Distinct(StringComparer.Ordinal).ToList();
            var textBytes = cached ? 0 : RuleLoading.ExpectedTextBytes(foundPaths, extensions);

            // The scoring model loads while the built-in rules may still be loading on another core
            // (a one-file check waits for them); a problem with it is raised after any with the
            // rules, as when it loaded after them.
            ScoringModel? scoring = null;
            ExceptionDispatchInfo? scoringProblem = null;
            try
            {
                scoring = RuleLoading.LoadScoring(options.ScoringFile, baseDirectory);
            }
            catch (Exception ex) when (ex is UsageException or JsonLoadException)
            {
                scoringProblem = ExceptionDispatchInfo.Capture(ex);
            }

            var rules = earlyRules is not null && extraRules.Count == 0
                ? earlyRules.GetAwaiter().GetResult()
                : options.Preloaded is { } preloaded && RuleLoading.CanTakePreloaded(options.RulesDirectory, extraRules, textBytes)
                    ? preloaded.GetAwaiter().GetResult()
                    : RuleLoading.LoadRules(options.RulesDirectory, baseDirectory, extraRules, textBytes);
            if (cached && AnalysisCache.Misses(cacheReading!, rules, ToolInfo.Version, found.Select(f => f.DisplayPath)) is var misses and > 0)
            {
                // A cache of other rules or another version, or new files: those articles will be analysed after all.
                var text = RuleLoading.ExpectedTextBytes(foundPaths, extensions) * misses / found.Count;
                rules = text >= RuleLoading.CompileAboveTextBytes ? RuleLoading.LoadRules(options.RulesDirectory, baseDirectory, extraRules, text) : rules;
            }

            scoringProblem?.Throw();
            checker = new ProvenanceChecker(rules, scoring!);
            var unknown = resolver.Loaded.SelectMany(c => ConfigLoader.CheckRuleIds(c.Source, resolver.TextOf(c), checker.Rules)).ToList();
            if (unknown.Count > 0)
            {
                throw new JsonLoadException(unknown);
            }

            var cliFailOn = options.FailOn is null ? (Severity?)null : options.FailOn == "none" ? (Severity)int.MaxValue : SeverityNames.TryParse(options.FailOn, out var level) ? level : Severity.Error;
            var checkedAs = new Dictionary<ConfigSettings, CheckedAs>();
            files = new List<RunFile>(found.Count);
            foreach (var file in found)
            {
                var settings = file.Config;
                if (!checkedAs.TryGetValue(settings, out var those))
                {
                    those = checkedAs[settings] = new CheckedAs(settings.ToAnalysisOptions(), new ArticlePolicy(cliFailOn ?? settings.FailOn ?? Severity.Error, options.FailBelow ?? settings.FailBelow));
                }

                files.Add(new RunFile(file.FullPath, those));
            }

            maxWarnings = options.MaxWarnings ?? resolver.ForRun().MaxWarnings;
            context = new ReportContext(
                ToolInfo.Version,
                checker.Rules,
                checker.Scoring,
                cliFailOn ?? Severity.Error,
                options.FailBelow,
                CheckCommand.ParseDate(options.AsOf),
                options.UseColor,
                CheckCommand.ParseUri(options.DocsUrl));
        }
        catch (JsonLoadException ex)
        {
            foreach (var problem in ex.Errors)
            {
                error.WriteLine(problem.ToString());
            }

            error.WriteLine($"provenance: {ex.Errors.Count} error(s) in the rules or configuration; nothing was checked.");
            return null;
        }
        catch (UsageException ex)
        {
            error.WriteLine($"provenance: {ex.Message}");
            return null;
        }

        var cache = cacheFile is null ? null : AnalysisCache.Open(cacheFile, checker.Rules, ToolInfo.Version, cacheReading!, trustStamps: !options.CacheByContent);
        return new PreparedRun(checker, files, extensions, context, maxWarnings, baseDirectory, cache);
    }

    /// <summary>
    /// Checks the files, several at once, and yields each result in file order as soon as it and
    /// those before it are done. Unless <paramref name="keepText"/> (fixes and per-article
    /// scorecards read the text), each article's text and blocks are let go once it is checked:
    /// reports need only its findings, scorecard, facts and metadata.
    /// </summary>
    public static IEnumerable<RunItem> CheckAll(PreparedRun run, CheckOptions options, TextWriter error, bool keepText)
    {
        (string, ArticleFormat)? stdin = options.Paths.Contains(ContentFiles.StandardInput) ? (options.StandardInput?.ReadToEnd() ?? Console.In.ReadToEnd(), options.StandinFormat) : null;
        var cache = run.Cache;
        var files = run.Files;
        using var progress = Progress.Start(files.Count, options.ShowProgress, error);
        var items = OrderedParallel.Select(files.Count, options.Jobs, Window, i =>
        {
            var (fullPath, settings) = files[i];
            var displayPath = fullPath == ContentFiles.StandardInput ? ContentFiles.StandardInput : ContentFiles.Display(fullPath, run.BaseDirectory);
            var item = CheckFile(run.Checker, fullPath, displayPath, settings.Analysis, stdin, cache, run.Extensions, options.MaxFileBytes, keepText) with { Policy = settings.Policy };
            progress?.Advance();
            return keepText ? item : WithoutText(item);
        });
        foreach (var item in items)
        {
            yield return item;
        }

        cache?.Save(run.BaseDirectory);
    }

    /// <summary>The whole run, held: for commands that need every article at once (baseline, fix).</summary>
    public static (CheckRun Run, ReportContext Context, int? MaxWarnings)? Collect(CheckOptions options, string baseDirectory, TextWriter error, bool keepArticles = false)
    {
        if (Prepare(options, baseDirectory, error) is not { } prepared)
        {
            return null;
        }

        var items = CheckAll(prepared, options, error, keepArticles || options.ReportDirectory is not null).ToImmutableArray();
        return (new CheckRun(items, prepared.Info.Packs, prepared.Info.ScoringVersion), prepared.Context, prepared.MaxWarnings);
    }

    private static RunItem WithoutText(RunItem item)
    {
        // Articles restored from the cache come without text already.
        if (item.Report is not { Article: var article } report || (article.Source.Text.Length == 0 && article.Blocks.IsEmpty))
        {
            return item;
        }

        var bare = new Article(article.Path, article.Format, new Text.SourceText(string.Empty), [], article.Metadata);
        return item with { Report = report with { Article = bare } };
    }

    internal static RunItem CheckFile(ProvenanceChecker checker, string fullPath, string displayPath, AnalysisOptions analysis, (string Text, ArticleFormat Format)? stdin = null, AnalysisCache? cache = null, IReadOnlyDictionary<string, ArticleFormat>? extensions = null, long maxBytes = CheckOptions.DefaultMaxFileBytes, bool keepText = true)
    {
        var format = ContentFiles.FormatOf(fullPath, extensions);
        if (fullPath == ContentFiles.StandardInput && stdin is { } input)
        {
            return new RunItem(displayPath, checker.Check(Article.Read(input.Text, input.Format, displayPath), analysis), null);
        }

        string? text;
        string? problem;
        string hash;
        CachedArticle? stored;
        FileStamp stamp;
        try
        {
            var file = new FileInfo(fullPath);
            stamp = cache is { TrustsStamps: true } ? FileStamp.Of(file, DateTime.UtcNow) : default;
            if (!keepText && cache?.FindUnchanged(displayPath, stamp, analysis.Fingerprint()) is { } unchanged)
            {
                return Restored(checker, displayPath, format, string.Empty, unchanged);
            }

            if (ContentFiles.ReadAtMost(file, maxBytes, out var length) is not { } bytes)
            {
                return new RunItem(displayPath, null, ContentFiles.TooLarge(length, maxBytes));
            }

            hash = cache is null ? string.Empty : AnalysisCache.Hash(bytes);
            stored = cache?.Find(displayPath, hash, analysis.Fingerprint(), stamp);
            if (stored is not null && !keepText)
            {
                // The same bytes decoded without a problem when they were cached.
                return Restored(checker, displayPath, format, string.Empty, stored);
            }

            text = TextDecoder.Decode(bytes, out problem, format == ArticleFormat.Html);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new RunItem(displayPath, null, "the file was gone when it was to be read (deleted or moved during the run, or a broken link)");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new RunItem(displayPath, null, $"the file could not be read: {ex.Message}");
        }

        if (text is null)
        {
            return new RunItem(displayPath, null, problem);
        }

        if (cache is null)
        {
            return new RunItem(displayPath, checker.Check(Article.Read(text, format, displayPath), analysis), null);
        }

        if (stored is not null)
        {
            return Restored(checker, displayPath, format, text, stored);
        }

        var article = Article.Read(text, format, displayPath);
        var report = checker.Check(article, analysis);
        cache.Store(displayPath, hash, analysis.Fingerprint(), stamp, article, report.Analysis);
        return new RunItem(displayPath, report, null);
    }

    // An unchanged article is not parsed again: reports need only the findings and metadata the cache kept (and the text, for scorecards and fixes).
    private static RunItem Restored(ProvenanceChecker checker, string displayPath, ArticleFormat format, string text, CachedArticle stored)
    {
        var known = new Article(displayPath, format, new Text.SourceText(text), [], stored.Metadata);
        return new RunItem(displayPath, checker.Score(known, checker.Rules.Restore(stored.Findings)), null);
    }
}
