using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Configuration;
using Provenance.Json;
using Provenance.Reading;
using Provenance.Rules;
using Provenance.Text;

namespace Provenance.Analyzers.Engine;

/// <summary>
/// Provenance's engine as the build analyzer sees it: the embedded rule packs and scoring model,
/// the same readers, checks and configuration files (<c>provenance.json</c>, inline directives) as
/// <c>provenance check</c>, one article at a time. Thread-safe: the compiler analyzes files
/// concurrently.
/// </summary>
public sealed class ArticleEngine : IArticleEngine
{
    // A report is a few KB (findings without the article's text): 4,096 to begin with, growing to
    // twice the largest project built, at most 16,384 (tens of MB) in a compiler server that lives
    // for days.
    private const int CachedReports = 4096;
    private const int MostCachedReports = 16_384;

    // The built-in packs' expressions compiled ahead of time (as in the fast-start tool): the
    // compiler's process runs under the JIT, where building and compiling them at load took
    // about a second of every compiler process's first check.
    private readonly ProvenanceChecker _checker = new(DefaultRules.LoadRuleSet(RuleLimits.Default with { PrecompiledExpressions = true }), DefaultRules.LoadScoringModel());
    private readonly ReportCache _cache = new(CachedReports, MostCachedReports);

    /// <summary>Loads the embedded rules.</summary>
    public ArticleEngine()
    {
        Rules = [.. EngineDiagnostics.Descriptors.Select(d => Describe(d, null))
            .Concat(_checker.Rules.Rules.Select(r => Describe(r.Descriptor, r.Fix)))];
        // The compiler hands the analyzer additional files as text: formats whose files are not
        // text (Word documents) are left to provenance check.
        Extensions = [.. ArticleReaders.All.Where(r => r.Extract is null).SelectMany(r => r.Extensions).Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc/>
    public IReadOnlyList<BuildRule> Rules { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Extensions { get; }

    /// <inheritdoc/>
    public BuildConfiguration Configure(IReadOnlyList<KeyValuePair<string, string>> files, int articles)
    {
        ArgumentNullException.ThrowIfNull(files);
        _cache.Reserve(articles);
        var loaded = new List<ProvenanceConfig>();
        var errors = new List<BuildConfigurationError>();
        foreach (var (path, json) in files)
        {
            try
            {
                var config = ConfigLoader.Load(path, Path.GetDirectoryName(path) ?? string.Empty, json);
                var unknown = ConfigLoader.CheckRuleIds(path, json, _checker.Rules);
                errors.AddRange(unknown.Select(e => new BuildConfigurationError(path, e.Line, e.Column, $"{e.JsonPath}: {e.Message}")));
                if (unknown.Count == 0)
                {
                    loaded.Add(config);
                }
            }
            catch (JsonLoadException ex)
            {
                errors.AddRange(ex.Errors.Select(e => new BuildConfigurationError(path, e.Line, e.Column, $"{e.JsonPath}: {e.Message}")));
            }
        }

        return new BuildConfiguration(loaded, errors, Checksum(files.SelectMany(f => new[] { f.Key, f.Value })));
    }

    /// <inheritdoc/>
    public BuildReport Analyze(string path, string text, BuildConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(configuration);
        // Only the text formats the analyzer hands over (Extensions); a Word document is not text.
        if (!Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase)
            || SettingsFor(path, (List<ProvenanceConfig>)configuration.State) is not { } settings)
        {
            return BuildReport.Ignored;
        }

        return _cache.GetOrAdd(Checksum([path, text, configuration.Key]), () => Check(path, text, settings));
    }

    /// <inheritdoc/>
    public string ApplyFixes(string text, IReadOnlyList<BuildEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        return ArticleFixes.Apply(text, [.. edits.Select(e => new TextSpan(e.Start, e.Length))]);
    }

    /// <summary>How many reports the engine keeps for articles that have not changed.</summary>
    internal int CachedCount => _cache.Count;

    /// <summary>How many it may keep now.</summary>
    internal int CacheCapacity => _cache.Capacity;

    private BuildReport Check(string path, string text, ConfigSettings settings)
    {
        var format = ArticleReaders.Extensions.GetValueOrDefault(Path.GetExtension(path), ArticleFormat.Text);
        var report = _checker.Check(Article.Read(text, format, path), settings.ToAnalysisOptions());
        // Each finding's deletion once: the article's fixes are the same deletions, merged.
        var edits = report.Analysis.Findings.Select(f => ArticleFixes.EditFor(report.Article, f, _checker.Rules)).ToList();
        BuildFinding[] findings = [.. report.Analysis.Findings.Select((f, i) => new BuildFinding(
            f.RuleId, Convert(f.Severity), f.Message, f.Span.Start, f.Span.Length,
            f.Location.Start.Line, f.Location.Start.Column, f.Location.End.Line, f.Location.End.Column,
            edits[i] is { } edit ? new BuildEdit(edit.Start, edit.Length) : null))];
        BuildEdit[] fixes = [.. ArticleFixes.Merge(edits.OfType<TextSpan>()).Select(e => new BuildEdit(e.Start, e.Length))];
        return new BuildReport(findings, report.Scorecard.Score, report.Scorecard.Grade, report.Scorecard.Label, settings.FailBelow, fixes);
    }

    // Each part's length goes in before it, so ("ab", "c") and ("a", "bc") differ; the parts'
    // UTF-16 code units as they are, so texts that differ only in a broken surrogate differ too.
    private static string Checksum(IEnumerable<string> parts)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            hash.AppendData(BitConverter.GetBytes(part.Length));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(part.AsSpan()));
        }

        return System.Convert.ToHexString(hash.GetHashAndReset());
    }

    // The configurations above the article, farthest first and none above one marked root, merged
    // as provenance check merges the files it finds; null when one of them ignores the article.
    private static ConfigSettings? SettingsFor(string path, List<ProvenanceConfig> configs)
    {
        var above = configs.Where(c => IsUnder(path, c.Directory)).OrderByDescending(c => c.Directory.Length).ToList();
        var nearestRoot = above.FindIndex(c => c.Root);
        var chain = (nearestRoot >= 0 ? above.Take(nearestRoot + 1) : above).Reverse();
        var settings = ConfigSettings.Empty;
        foreach (var config in chain)
        {
            var relative = Path.GetRelativePath(config.Directory, path).Replace(Path.DirectorySeparatorChar, '/');
            if (config.Ignores(relative))
            {
                return null;
            }

            settings = settings.Merge(config.SettingsFor(relative));
        }

        return settings;
    }

    private static bool IsUnder(string path, string directory) =>
        directory.Length == 0 || path.StartsWith(directory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static BuildRule Describe(RuleDescriptor d, string? fix) =>
        new(d.Id, d.Title, d.Category, Convert(d.DefaultSeverity), d.IsEnabledByDefault, d.HelpUri, d.Description, fix);

    private static BuildSeverity Convert(Severity severity) => severity switch
    {
        Severity.Error => BuildSeverity.Error,
        Severity.Warning => BuildSeverity.Warning,
        Severity.Info => BuildSeverity.Info,
        _ => BuildSeverity.Hidden,
    };
}
