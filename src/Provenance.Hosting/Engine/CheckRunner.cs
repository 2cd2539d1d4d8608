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

namespace Provenance.Hosting;

/// <summary>A run ready to check: the checker, the files in order with their configuration, and what reports need.</summary>
internal sealed record PreparedRun(
    ProvenanceChecker Checker,
    IReadOnlyList<RunFile> Files,
    IReadOnlyDictionary<string, ArticleFormat> Extensions,
    ReportContext Context,
    int? MaxWarnings,
    string BaseDirectory,
    AnalysisCache? Cache,
    Policies Policies,
    Corpus.CopyOptions CopyOptions)
{
    public RunInfo Info => new(Checker.Rules.Packs, Checker.Scoring.Version);

    /// <summary>
    /// How the run names a file in its reports (relative to its base folder, or <c>-</c>): the
    /// path its results carry, and by which a search for copies reads a file again.
    /// </summary>
    public string DisplayPathOf(string fullPath) =>
        fullPath == ContentFiles.StandardInput ? ContentFiles.StandardInput : ContentFiles.Display(fullPath, BaseDirectory);
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

/// <summary>
/// The analysis options and policy each configuration gives under a run's options, made once per
/// distinct configuration; safe to share between threads (the service checks articles at once).
/// </summary>
internal sealed class Policies(EngineOptions options)
{
    private readonly Dictionary<ConfigSettings, CheckedAs> _made = [];
    private readonly Severity? _failOn = options.FailOnSeverity;
    private readonly int? _failBelow = options.FailBelow;
    private readonly Lock _lock = new();

    /// <summary>What an article under <paramref name="settings"/> is checked under.</summary>
    public CheckedAs For(ConfigSettings settings)
    {
        lock (_lock)
        {
            if (!_made.TryGetValue(settings, out var those))
            {
                those = _made[settings] = new CheckedAs(settings.ToAnalysisOptions(), new ArticlePolicy(_failOn ?? settings.FailOn ?? Severity.Error, _failBelow ?? settings.FailBelow));
            }

            return those;
        }
    }
}

/// <summary>Finds, configures, reads and checks the articles of a run: the work behind <see cref="ProvenanceEngine"/>.</summary>
internal static partial class CheckRunner
{
    // Finished articles held ahead of the one being reported: enough to keep every core busy
    // behind a slow article, few enough that a run's memory does not grow with its size.
    private const int Window = 256;

    /// <summary>Finds and configures the files and loads the rules.</summary>
    /// <exception cref="ProvenanceSetupException">A path, option or file named by the options is wrong.</exception>
    /// <exception cref="JsonLoadException">A rule pack, scoring model or configuration file does not load.</exception>
    /// <param name="options">The run's options.</param>
    /// <param name="paths">Files and folders to check.</param>
    /// <param name="resolver">The configuration cascade, or the one file the options name.</param>
    /// <param name="given">A checker to use instead of loading the rules and scoring model.</param>
    public static PreparedRun Prepare(EngineOptions options, IReadOnlyList<string> paths, ConfigResolver resolver, ProvenanceChecker? given = null)
    {
        var baseDirectory = options.Base;
        var cacheFile = options.CacheFile is null ? null : Path.GetFullPath(options.CacheFile, baseDirectory);
        var cacheReading = cacheFile is null ? null : AnalysisCache.ReadAsync(cacheFile);

        // With a cache from an earlier run most articles will not be analysed: the rules load
        // without compiling their expressions, while the files are found.
        var cached = given is null && cacheFile is not null && File.Exists(cacheFile);
        var optionRules = options.ExtraRuleDirectories.Select(d => Path.GetFullPath(d, baseDirectory)).ToList();
        var earlyRules = cached ? Task.Run(() => RuleLoading.LoadRules(options.RulesDirectory, baseDirectory, optionRules, 0, options.MatchTimeout)) : null;
        var extensions = ContentFiles.WithOverrides(options.Types);
        var found = FindFiles(options, paths, resolver, extensions);
        var foundPaths = found.ConvertAll(f => f.FullPath);
        var extraRules = ExtraRules(optionRules, resolver);
        var textBytes = cached || given is not null ? 0 : RuleLoading.ExpectedTextBytes(foundPaths, extensions);

        // The scoring model loads while the built-in rules may still be loading on another core
        // (a one-file check waits for them); a problem with it is raised after any with the
        // rules, as when it loaded after them.
        ScoringModel? scoring = given?.Scoring;
        ExceptionDispatchInfo? scoringProblem = null;
        try
        {
            scoring ??= RuleFolders.LoadScoring(options.ScoringFile, baseDirectory);
        }
        catch (Exception ex) when (ex is ProvenanceSetupException or JsonLoadException)
        {
            scoringProblem = ExceptionDispatchInfo.Capture(ex);
        }

        var rules = given is not null ? given.Rules
            : earlyRules is not null && extraRules.Count == optionRules.Count
            ? earlyRules.GetAwaiter().GetResult()
            : options.Preloaded is { } preloaded && options.MatchTimeout == RuleLimits.Default.MatchTimeout && RuleLoading.CanTakePreloaded(options.RulesDirectory, extraRules, textBytes)
                ? preloaded.GetAwaiter().GetResult()
                : RuleLoading.LoadRules(options.RulesDirectory, baseDirectory, extraRules, textBytes, options.MatchTimeout);
        if (cached && AnalysisCache.Misses(cacheReading!, rules, ToolInfo.Version, found.Select(f => f.DisplayPath)) is var misses and > 0)
        {
            // A cache of other rules or another version, or new files: those articles will be analysed after all.
            var text = RuleLoading.ExpectedTextBytes(foundPaths, extensions) * misses / found.Count;
            rules = text >= RuleLoading.CompileAboveTextBytes ? RuleLoading.LoadRules(options.RulesDirectory, baseDirectory, extraRules, text, options.MatchTimeout) : rules;
        }

        scoringProblem?.Throw();
        var checker = given ?? new ProvenanceChecker(rules, scoring!);
        CheckRuleIds(resolver, checker);
        var policies = new Policies(options);
        var files = new List<RunFile>(found.Count);
        foreach (var file in found)
        {
            files.Add(new RunFile(file.FullPath, policies.For(file.Config)));
        }

        var forRun = resolver.ForRun();
        var maxWarnings = options.MaxWarnings ?? forRun.MaxWarnings;
        var copyOptions = CopyThresholds.Resolve(options.Copies, forRun);
        var cache = cacheFile is null ? null : AnalysisCache.Open(cacheFile, checker.Rules, ToolInfo.Version, cacheReading!, trustStamps: !options.CacheByContent);
        return new PreparedRun(checker, files, extensions, Context(options, checker), maxWarnings, baseDirectory, cache, policies, copyOptions);
    }

    /// <summary>
    /// The files a run checks, in the order they are shown: the paths expanded (git's ignores),
    /// narrowed to those changed since a revision and to this shard, each with the configuration
    /// that applies to it, and those the configuration ignores left out.
    /// </summary>
    private static List<FoundFile> FindFiles(EngineOptions options, IReadOnlyList<string> paths, ConfigResolver resolver, IReadOnlyDictionary<string, ArticleFormat> extensions)
    {
        var baseDirectory = options.Base;
        var expanded = ContentFiles.Expand(paths, baseDirectory, extensions);
        var chosen = options.ChangedSince is null ? expanded : GitChanges.Filter(expanded, options.ChangedSince, baseDirectory);
        if (options.Shard is not null)
        {
            var shard = Sharding.Parse(options.Shard);
            chosen = [.. chosen.Where(p => Sharding.Includes(p.DisplayPath, shard))];
        }

        var found = new List<FoundFile>(chosen.Count);
        foreach (var path in chosen)
        {
            // Standard input is configured as a file named "stdin" in the base folder.
            var (settings, ignored) = resolver.For(path.FullPath == ContentFiles.StandardInput ? Path.Combine(baseDirectory, "stdin") : path.FullPath);
            if (!ignored)
            {
                found.Add(new FoundFile(path.FullPath, path.DisplayPath, settings));
            }
        }

        return found;
    }

    /// <summary>The rule folders the options and every configuration file read so far name, each once, in the order named.</summary>
    public static List<string> ExtraRules(IEnumerable<string> optionRules, ConfigResolver resolver) =>
        [.. optionRules.Concat(resolver.Loaded.SelectMany(c => c.RuleDirectories.Select(d => Path.GetFullPath(d, c.Directory)))).Distinct(StringComparer.Ordinal)];

    /// <summary>Fails when a configuration file names a rule the rules do not have.</summary>
    /// <exception cref="JsonLoadException">Every unknown rule id, with its file and line.</exception>
    public static void CheckRuleIds(ConfigResolver resolver, ProvenanceChecker checker)
    {
        var unknown = resolver.Loaded.SelectMany(c => ConfigLoader.CheckRuleIds(c.Source, resolver.TextOf(c), checker.Rules)).ToList();
        if (unknown.Count > 0)
        {
            throw new JsonLoadException(unknown);
        }
    }

    /// <summary>What reports of a run under these options are written with.</summary>
    public static ReportContext Context(EngineOptions options, ProvenanceChecker checker) => new(
        ToolInfo.Version,
        checker.Rules,
        checker.Scoring,
        options.FailOnSeverity ?? Severity.Error,
        options.FailBelow,
        options.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow),
        options.UseColor,
        options.DocsUrl);

    /// <summary>
    /// Checks the files, several at once, and yields each result in file order as soon as it and
    /// those before it are done. Unless <paramref name="keepText"/> (fixes and per-article
    /// scorecards read the text), each article's text and blocks are let go once it is checked:
    /// reports need only its findings, scorecard, facts and metadata.
    /// </summary>
    /// <param name="run">The prepared run.</param>
    /// <param name="options">The options it was prepared with.</param>
    /// <param name="keepText">Whether each article keeps its text.</param>
    /// <param name="checkedOne">Called as each article is done, from the thread that checked it.</param>
    public static IEnumerable<RunItem> CheckAll(PreparedRun run, EngineOptions options, bool keepText, Action? checkedOne = null) =>
        CheckAll(run, options, keepText, item => item, checkedOne);

    /// <summary>
    /// As <see cref="CheckAll(PreparedRun, EngineOptions, bool, Action?)"/>, with <paramref name="then"/>
    /// applied to each result on the thread that checked it: work on each article that would
    /// otherwise hold up the one reading the results (an archive's prints, while it writes).
    /// </summary>
    /// <param name="run">The prepared run.</param>
    /// <param name="options">The options it was prepared with.</param>
    /// <param name="keepText">Whether each article keeps its text.</param>
    /// <param name="then">Applied to each result on the thread that checked it.</param>
    /// <param name="checkedOne">Called as each article is done, from the thread that checked it.</param>
    /// <param name="scored">
    /// False when <paramref name="then"/> keeps only each report's findings and metadata and the
    /// report is made again and scored later (<see cref="HeldItems"/>): its scorecard and facts
    /// are then placeholders (<see cref="ProvenanceChecker.Analyze"/>).
    /// </param>
    public static IEnumerable<T> CheckAll<T>(PreparedRun run, EngineOptions options, bool keepText, Func<RunItem, T> then, Action? checkedOne = null, bool scored = true)
        where T : class
    {
        (string, ArticleFormat)? stdin = run.Files.Any(f => f.FullPath == ContentFiles.StandardInput) ? ((options.StandardInput ?? Console.In).ReadToEnd(), options.StandardInputFormat) : null;
        var cache = run.Cache;
        var files = run.Files;
        var items = OrderedParallel.Select(files.Count, options.Jobs, Window, i =>
        {
            var (fullPath, settings) = files[i];
            var displayPath = run.DisplayPathOf(fullPath);
            var item = CheckFile(run.Checker, fullPath, displayPath, settings.Analysis, stdin, cache, run.Extensions, options.MaxFileBytes, keepText, scored) with { Policy = settings.Policy };
            checkedOne?.Invoke();
            return then(keepText ? item : WithoutText(item));
        });
        foreach (var item in items)
        {
            yield return item;
        }

        cache?.Save(run.BaseDirectory);
    }

    /// <summary>
    /// Reads a checked file's article again by the path the run shows for it, as
    /// <see cref="CheckFile"/> read it (its format, size limit and decoding), without checking it:
    /// how a search for copies makes whole the few prints it measures, having held the rest slim.
    /// Null when the path is not one of the run's files or the file can no longer be read.
    /// </summary>
    internal static Func<string, Article?> ReadAgain(PreparedRun run, EngineOptions options)
    {
        // Made when the first print is made whole: most runs never read a file again.
        var files = new Lazy<Dictionary<string, string>>(() =>
        {
            var byDisplay = new Dictionary<string, string>(run.Files.Count, StringComparer.Ordinal);
            foreach (var file in run.Files)
            {
                if (file.FullPath != ContentFiles.StandardInput)
                {
                    byDisplay[run.DisplayPathOf(file.FullPath)] = file.FullPath;
                }
            }

            return byDisplay;
        });
        return displayPath =>
        {
            if (!files.Value.TryGetValue(displayPath, out var fullPath))
            {
                return null;
            }

            try
            {
                var format = ContentFiles.FormatOf(fullPath, run.Extensions);
                return ContentFiles.ReadAtMost(new FileInfo(fullPath), options.MaxFileBytes, out _) is { } bytes && ArticleReaders.Decode(bytes, format, out _) is { } text
                    ? Article.Read(text, format, displayPath)
                    : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        };
    }

    internal static RunItem CheckFile(ProvenanceChecker checker, string fullPath, string displayPath, AnalysisOptions analysis, (string Text, ArticleFormat Format)? stdin = null, AnalysisCache? cache = null, IReadOnlyDictionary<string, ArticleFormat>? extensions = null, long maxBytes = EngineOptions.DefaultMaxFileBytes, bool keepText = true, bool scored = true)
    {
        var format = ContentFiles.FormatOf(fullPath, extensions);
        if (fullPath == ContentFiles.StandardInput && stdin is { } input)
        {
            return new RunItem(displayPath, Check(checker, Article.Read(input.Text, input.Format, displayPath), analysis, scored), null);
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
                return Restored(checker, displayPath, format, string.Empty, unchanged, scored);
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
                return Restored(checker, displayPath, format, string.Empty, stored, scored);
            }

            text = ArticleReaders.Decode(bytes, format, out problem);
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
            return new RunItem(displayPath, Check(checker, Article.Read(text, format, displayPath), analysis, scored), null);
        }

        if (stored is not null)
        {
            return Restored(checker, displayPath, format, text, stored, scored);
        }

        var article = Article.Read(text, format, displayPath);
        var report = Check(checker, article, analysis, scored);
        cache.Store(displayPath, hash, analysis.Fingerprint(), stamp, article, report.Analysis);
        return new RunItem(displayPath, report, null);
    }
}
