namespace Provenance.Cli;

/// <summary>What <c>provenance check</c> was asked to do.</summary>
internal sealed record CheckOptions(
    string[] Paths,
    string[] Formats,
    string? ReportDirectory,
    string? RulesDirectory,
    string? ScoringFile,
    int Jobs,
    string? FailOn,
    int? FailBelow,
    string? AsOf,
    string? DocsUrl,
    bool UseColor,
    string? ConfigFile = null,
    int? MaxWarnings = null,
    string? BaselineFile = null,
    string? ChangedSince = null,
    Articles.ArticleFormat StandinFormat = Articles.ArticleFormat.Text,
    TextReader? StandardInput = null,
    string? CacheFile = null,
    bool ShowProgress = false,
    string[]? Types = null,
    string? Shard = null,
    long MaxFileBytes = CheckOptions.DefaultMaxFileBytes,
    bool CacheByContent = false)
{
    /// <summary>The largest article read when nothing else is said: far past any real article, small enough to check in seconds.</summary>
    public const long DefaultMaxFileBytes = 10L * 1024 * 1024;

    /// <summary>
    /// The built-in rules as a small run loads them (<see cref="RuleLoading.LoadForSmallRun"/>),
    /// started before the command line was parsed; the run takes them only if it would have loaded
    /// exactly these.
    /// </summary>
    public Task<Rules.RuleSet>? Preloaded { get; init; }
}
