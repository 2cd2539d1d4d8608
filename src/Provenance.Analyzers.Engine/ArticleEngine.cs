using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Reading;
using Provenance.Rules;

namespace Provenance.Analyzers.Engine;

/// <summary>
/// Provenance's engine as the build analyzer sees it: the embedded rule packs and scoring model,
/// the same readers and checks as <c>provenance check</c>, one article at a time. Thread-safe: the
/// compiler analyzes files concurrently.
/// </summary>
public sealed class ArticleEngine : IArticleEngine
{
    private readonly ProvenanceChecker _checker = ProvenanceChecker.CreateDefault();

    /// <summary>Loads the embedded rules.</summary>
    public ArticleEngine()
    {
        Rules = [.. EngineDiagnostics.Descriptors.Concat(_checker.Rules.Rules.Select(r => r.Descriptor)).Select(d =>
            new BuildRule(d.Id, d.Title, d.Category, Convert(d.DefaultSeverity), d.IsEnabledByDefault, d.HelpUri, d.Description))];
        Extensions = [.. ArticleReaders.Extensions.Keys.Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc/>
    public IReadOnlyList<BuildRule> Rules { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Extensions { get; }

    /// <inheritdoc/>
    public IReadOnlyList<BuildFinding> Analyze(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var format = ArticleReaders.Extensions.GetValueOrDefault(Path.GetExtension(path), ArticleFormat.Text);
        var report = _checker.Check(Article.Read(text, format, path));
        return [.. report.Analysis.Findings.Select(f => new BuildFinding(
            f.RuleId, Convert(f.Severity), f.Message, f.Span.Start, f.Span.Length,
            f.Location.Start.Line, f.Location.Start.Column, f.Location.End.Line, f.Location.End.Column))];
    }

    private static BuildSeverity Convert(Severity severity) => severity switch
    {
        Severity.Error => BuildSeverity.Error,
        Severity.Warning => BuildSeverity.Warning,
        Severity.Info => BuildSeverity.Info,
        _ => BuildSeverity.Hidden,
    };
}
