using Provenance.Articles;
using Provenance.Configuration;
using Provenance.Json;
using Provenance.Reporting;

namespace Provenance.Hosting;

/// <summary>
/// Checks articles as a run does, for every host alike: finds the files (folders, git's ignores,
/// changed files, shards), applies the <c>provenance.json</c> cascade or one configuration file,
/// loads the rules once, keeps the cache and checks several articles at once, yielding results in
/// a stable order. <c>provenance check</c>, <c>watch</c>, <c>baseline</c>, <c>fix</c> and the
/// HTTP service are thin adapters over it, so the same folder under the same configuration gives
/// the same findings through each. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var engine = new ProvenanceEngine(new EngineOptions { BaseDirectory = "site", FailBelow = 40 });
/// await foreach (var item in engine.CheckFilesAsync(["content"]))
/// {
///     Console.WriteLine($"{item.Path}: {item.Report?.Scorecard.Score}");
/// }
/// </code>
/// </example>
public sealed class ProvenanceEngine
{
    private readonly Lock _lock = new();
    private readonly Lazy<ConfigResolver> _resolver;
    private readonly ProvenanceChecker? _given;
    private Loaded? _loaded;
    private readonly HashSet<ProvenanceConfig> _configsChecked = new(ReferenceEqualityComparer.Instance);

    /// <summary>An engine that checks under <paramref name="options"/> (the defaults when null). Nothing is read until it is used.</summary>
    public ProvenanceEngine(EngineOptions? options = null)
    {
        Options = options ?? new EngineOptions();
        _resolver = new Lazy<ConfigResolver>(() => new ConfigResolver(Options.ConfigFile, Options.Base, Options.FindConfigFiles));
    }

    /// <summary>
    /// An engine that checks with <paramref name="checker"/>'s rules and scoring model instead of
    /// loading those the options name: for a host that has built its checker already (one
    /// shared by several services). The options' configuration and policy still apply.
    /// </summary>
    public ProvenanceEngine(EngineOptions options, ProvenanceChecker checker)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(checker);
        _given = checker;
    }

    /// <summary>The options the engine checks under.</summary>
    public EngineOptions Options { get; }

    /// <summary>The checker the engine's rules and scoring model make, loading them if no run has yet.</summary>
    /// <exception cref="ProvenanceSetupException">A folder or file the options name is missing.</exception>
    /// <exception cref="JsonLoadException">A rule pack, scoring model or configuration file does not load.</exception>
    public ProvenanceChecker Checker => EnsureLoaded().Checker;

    /// <summary>What reports of the engine's results are written with: the tool's version, the rules, the scoring model and the run's policy.</summary>
    /// <exception cref="ProvenanceSetupException">As <see cref="Checker"/>.</exception>
    /// <exception cref="JsonLoadException">As <see cref="Checker"/>.</exception>
    public ReportContext Context => EnsureLoaded().Context;

    /// <summary>
    /// The copy thresholds a run in the base folder would take (<see cref="EngineRun.CopyOptions"/>)
    /// without preparing one: the options' own, else the configuration's <c>copies</c>, else the
    /// defaults. For work on stored prints, such as an archive's groups.
    /// </summary>
    /// <exception cref="JsonLoadException">The configuration has errors.</exception>
    public Corpus.CopyOptions CopyOptions() => CopyThresholds.Resolve(Options.Copies, _resolver.Value.ForRun());

    /// <summary>
    /// Finds the files <paramref name="paths"/> name (files, folders, or <c>-</c> for standard
    /// input), keeps those the options and configuration take, and loads the rules for them:
    /// a run ready to check, whose <see cref="EngineRun.Info"/> and <see cref="EngineRun.Context"/>
    /// reporters can open with before the first result.
    /// </summary>
    /// <exception cref="ProvenanceSetupException">A path does not exist, an option is malformed, or a folder or file the options name is missing.</exception>
    /// <exception cref="JsonLoadException">A rule pack, scoring model or configuration file does not load; every error has its file, line and JSON path.</exception>
    public EngineRun Prepare(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        lock (_lock)
        {
            var run = CheckRunner.Prepare(Options, paths, _resolver.Value, _given);
            _loaded = new Loaded(run.Checker, run.Context, run.Policies, run.Extensions, LoadedFolders());
            _configsChecked.UnionWith(_resolver.Value.Loaded);
            return new EngineRun(run, Options);
        }
    }

    /// <summary>Checks the files <paramref name="paths"/> name, yielding each result in path order as soon as it and those before it are done.</summary>
    /// <exception cref="ProvenanceSetupException">As <see cref="Prepare"/>, thrown by this call.</exception>
    /// <exception cref="JsonLoadException">As <see cref="Prepare"/>, thrown by this call.</exception>
    public IAsyncEnumerable<RunItem> CheckFilesAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default) =>
        Prepare(paths).CheckAsync(keepText: false, cancellationToken);

    /// <summary>
    /// Checks the files <paramref name="paths"/> name and applies the fixes their findings offer,
    /// yielding what was done to each file with something to fix, in path order.
    /// </summary>
    /// <param name="paths">Files and folders, as for <see cref="Prepare"/>.</param>
    /// <param name="write">Write the fixed files; false for a dry run.</param>
    /// <param name="cancellationToken">Stops the run; files already written stay written.</param>
    /// <exception cref="ProvenanceSetupException">As <see cref="Prepare"/>, thrown by this call.</exception>
    /// <exception cref="JsonLoadException">As <see cref="Prepare"/>, thrown by this call.</exception>
    public IAsyncEnumerable<FileFix> FixAsync(IReadOnlyList<string> paths, bool write = true, CancellationToken cancellationToken = default) =>
        Prepare(paths).FixAsync(write, cancellationToken);

    /// <summary>
    /// Checks one file under the configuration that applies to it, with the rules of the last
    /// <see cref="Prepare"/> (or loaded now): what <c>watch</c> does when a file changes. Null when
    /// the configuration ignores the file. A file that cannot be read gives a result with its error.
    /// </summary>
    public RunItem? CheckFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var loaded = EnsureLoaded();
        var full = Path.GetFullPath(path, Options.Base);
        CheckedAs settings;
        lock (_lock)
        {
            var (config, ignored) = _resolver.Value.For(full);
            CheckNewConfiguration(loaded, full);
            if (ignored)
            {
                return null;
            }

            settings = loaded.Policies.For(config);
        }

        var display = ContentFiles.Display(full, Options.Base);
        return CheckRunner.CheckFile(loaded.Checker, full, display, settings.Analysis, extensions: loaded.Extensions, maxBytes: Options.MaxFileBytes) with { Policy = settings.Policy };
    }

    /// <summary>
    /// Checks an article's text as if it were the file <paramref name="path"/>: under the
    /// configuration that applies there (relative paths start at the base folder) and the
    /// engine's rules. Text given this way is checked even where a configuration ignores its path.
    /// </summary>
    /// <param name="text">The article.</param>
    /// <param name="format">How to read it.</param>
    /// <param name="path">The name findings are reported against, and where its configuration is looked up.</param>
    /// <param name="uri">Where the article was published, for resolving its links; never fetched.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    public RunItem CheckText(string text, ArticleFormat format, string path = "-", Uri? uri = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var loaded = EnsureLoaded();
        CheckedAs settings;
        lock (_lock)
        {
            // A path is only resolved where configuration depends on it: a host's clients may send
            // any name at all (one with a NUL in it is no path), and then it is only a name.
            var resolver = _resolver.Value;
            var at = !resolver.ByPath || path == ContentFiles.StandardInput ? Path.Combine(Options.Base, "stdin") : Path.GetFullPath(path, Options.Base);
            settings = loaded.Policies.For(resolver.For(at).Settings);
            CheckNewConfiguration(loaded, at);
        }

        var report = loaded.Checker.Check(Article.Read(text, format, path, uri), settings.Analysis, cancellationToken);
        return new RunItem(path, report, null, settings.Policy);
    }

    // A configuration file first read for this file or text (one in a folder no run had looked in)
    // is held to what the loaded rules can do, as those read before loading were: rule ids it
    // names must exist, and rule folders it names must be among those loaded. One that fails
    // fails every file under it, and only those.
    private void CheckNewConfiguration(Loaded loaded, string fullPath)
    {
        var resolver = _resolver.Value;
        foreach (var config in resolver.ChainFor(fullPath))
        {
            if (_configsChecked.Contains(config))
            {
                continue;
            }

            var unknown = ConfigLoader.CheckRuleIds(config.Source, resolver.TextOf(config), loaded.Checker.Rules).ToList();
            if (unknown.Count > 0)
            {
                throw new JsonLoadException(unknown);
            }

            foreach (var folder in config.RuleDirectories.Select(d => Path.GetFullPath(d, config.Directory)))
            {
                if (!loaded.RuleFolders.Contains(folder))
                {
                    throw new ProvenanceSetupException($"{config.Source} names the rules folder {ContentFiles.Display(folder, Options.Base)}, which was not loaded when this engine's rules were; prepare a run again (watch: save the configuration) to load it");
                }
            }

            _configsChecked.Add(config);
        }
    }

    // The rules and policy of the last run prepared, or, for an engine used one article at a time
    // (the service), loaded for the base folder's configuration with the expressions compiled.
    private Loaded EnsureLoaded()
    {
        if (Volatile.Read(ref _loaded) is { } loaded)
        {
            return loaded;
        }

        lock (_lock)
        {
            if (_loaded is not null)
            {
                return _loaded;
            }

            var resolver = _resolver.Value;
            resolver.ForRun();
            var extensions = ContentFiles.WithOverrides(Options.Types);
            var optionRules = Options.ExtraRuleDirectories.Select(d => Path.GetFullPath(d, Options.Base));
            var checker = _given ?? new ProvenanceChecker(
                RuleLoading.LoadRules(Options.RulesDirectory, Options.Base, CheckRunner.ExtraRules(optionRules, resolver), matchTimeout: Options.MatchTimeout),
                RuleFolders.LoadScoring(Options.ScoringFile, Options.Base));
            CheckRunner.CheckRuleIds(resolver, checker);
            _loaded = new Loaded(checker, CheckRunner.Context(Options, checker), new Policies(Options), extensions, LoadedFolders());
            _configsChecked.UnionWith(resolver.Loaded);
            return _loaded;
        }
    }

    // The rule folders the loaded rules came from: the options' and every configuration file's read by then.
    private HashSet<string> LoadedFolders() =>
        [.. CheckRunner.ExtraRules(Options.ExtraRuleDirectories.Select(d => Path.GetFullPath(d, Options.Base)), _resolver.Value)];

    private sealed record Loaded(ProvenanceChecker Checker, ReportContext Context, Policies Policies, IReadOnlyDictionary<string, ArticleFormat> Extensions, IReadOnlySet<string> RuleFolders);
}
