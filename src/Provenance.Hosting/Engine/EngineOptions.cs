using Provenance.Articles;
using Provenance.Rules;

namespace Provenance.Hosting;

/// <summary>
/// How a <see cref="ProvenanceEngine"/> checks: where relative paths start, which rules, scoring
/// model and configuration apply, the policy that fails an article, which files are taken and how
/// many articles are checked at once. Every property has the default a content folder's run
/// wants; <c>provenance check</c>'s options map one to one onto these.
/// </summary>
public sealed record EngineOptions
{
    /// <summary>The largest article read when nothing else is said: far past any real article, small enough to check in seconds.</summary>
    public const long DefaultMaxFileBytes = 10L * 1024 * 1024;

    /// <summary>Where relative paths start and what reports show paths relative to; the current folder when not set.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>A folder of rule packs (<c>*.rules.json</c>, with an optional outlets.json) that replaces the built-in packs.</summary>
    public string? RulesDirectory { get; init; }

    /// <summary>Folders of rule packs added to the built-in ones (or to <see cref="RulesDirectory"/>), besides those configuration files name.</summary>
    public IReadOnlyList<string> ExtraRuleDirectories { get; init; } = [];

    /// <summary>A scoring model file (scoring.json) that replaces the built-in model.</summary>
    public string? ScoringFile { get; init; }

    /// <summary>
    /// One configuration file that applies to every article, instead of the <c>provenance.json</c>
    /// files found beside and above each one (the cascade, when this is null).
    /// </summary>
    public string? ConfigFile { get; init; }

    /// <summary>
    /// Whether, when no <see cref="ConfigFile"/> is given, the <c>provenance.json</c> files beside
    /// and above each article apply (the default). A host checking text whose paths come from
    /// elsewhere (the HTTP service) turns this off, so that no path it is sent reads a file.
    /// </summary>
    public bool FindConfigFiles { get; init; } = true;

    /// <summary>
    /// The least severe finding that fails an article: <c>error</c>, <c>warning</c>, <c>info</c> or
    /// <c>none</c>; null leaves it to the configuration, else <c>error</c>.
    /// </summary>
    public string? FailOn { get; init; }

    /// <summary>A score under which an article fails; null leaves it to the configuration.</summary>
    public int? FailBelow { get; init; }

    /// <summary>The most warnings a run may report before it fails; null leaves it to the configuration.</summary>
    public int? MaxWarnings { get; init; }

    /// <summary>
    /// Copy thresholds that win over the configuration's <c>copies</c> (each one given); null
    /// leaves both to the configuration and the defaults.
    /// </summary>
    public CopyThresholds? Copies { get; init; }

    /// <summary>Check only files changed since the merge base with this git ref.</summary>
    public string? ChangedSince { get; init; }

    /// <summary>Check only part K of N of the files (<c>"K/N"</c>, a stable split by path).</summary>
    public string? Shard { get; init; }

    /// <summary>Extensions read as another format, as <c>".mdx=markdown"</c>.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>The largest file read; a larger one is reported and not checked.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>A cache file: articles unchanged since the run that wrote it, under the same rules and configuration, are not analysed again.</summary>
    public string? CacheFile { get; init; }

    /// <summary>Whether the cache tells an unchanged file by its bytes' hash always, rather than by its size and time first.</summary>
    public bool CacheByContent { get; init; }

    /// <summary>How many articles are checked at once.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>The longest one regular-expression match may take before the rule is reported and skipped.</summary>
    public TimeSpan MatchTimeout { get; init; } = RuleLimits.Default.MatchTimeout;

    /// <summary>The date ages are counted from in scorecards; today when not set.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Where the rule help pages are published, for absolute help links in reports.</summary>
    public Uri? DocsUrl { get; init; }

    /// <summary>Whether console reports may use colour.</summary>
    public bool UseColor { get; init; }

    /// <summary>Where the article named <c>-</c> is read from; the process's standard input when not set.</summary>
    public TextReader? StandardInput { get; init; }

    /// <summary>The format of the article read from standard input.</summary>
    public ArticleFormat StandardInputFormat { get; init; } = ArticleFormat.Text;

    /// <summary>
    /// The built-in rules as a small run loads them (<see cref="RuleLoading.LoadForSmallRun"/>),
    /// started before the command line was parsed; the run takes them only if it would have loaded
    /// exactly these. A start-up measure of the command-line tool, not part of the API.
    /// </summary>
    internal Task<RuleSet>? Preloaded { get; init; }

    /// <summary>The folder relative paths start from.</summary>
    internal string Base => BaseDirectory ?? Directory.GetCurrentDirectory();

    /// <summary>The run-wide fail-on severity the options give, if any; "none" fails nothing.</summary>
    /// <exception cref="ProvenanceSetupException">It is not a severity name.</exception>
    internal Severity? FailOnSeverity => FailOn switch
    {
        null => null,
        "none" => (Severity)int.MaxValue,
        _ => SeverityNames.TryParse(FailOn, out var level) ? level : throw new ProvenanceSetupException($"fail-on '{FailOn}': expected error, warning, info or none"),
    };
}

/// <summary>Copy thresholds a host was given, each one optional (<see cref="EngineOptions.Copies"/>).</summary>
/// <param name="MinShare">The least share of one article's text found in the other.</param>
/// <param name="MinShingles">The least number of five-word runs shared.</param>
public sealed record CopyThresholds(double? MinShare = null, int? MinShingles = null)
{
    /// <summary>The thresholds a run takes: each one given here, else the configuration's, else the default.</summary>
    internal static Corpus.CopyOptions Resolve(CopyThresholds? given, Configuration.ConfigSettings forRun) =>
        (forRun with { CopyMinShare = given?.MinShare ?? forRun.CopyMinShare, CopyMinShingles = given?.MinShingles ?? forRun.CopyMinShingles }).CopyOptions();
}
