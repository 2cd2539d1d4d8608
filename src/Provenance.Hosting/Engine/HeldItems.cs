using System.Collections;
using Provenance.Articles;
using Provenance.Reporting;

namespace Provenance.Hosting;

/// <summary>
/// A run's results held until its search for copies is done, each article's findings packed in a
/// cache entry's layout (<see cref="AnalysisCache.Pack"/>) and its report made again, scored and
/// given its copy finding, when it is read. A report held as it was is hundreds of small objects;
/// twenty thousand of them, carried through the collector's young generations while the rest of
/// the run was checked, cost a run that looks for copies more than finding them did. A report
/// made again from its findings is the one a cache hit gives, the same in every format.
/// </summary>
internal sealed class HeldItems : IReadOnlyList<RunItem>
{
    // Reports made again ahead of the one reading them, on the run's threads.
    private const int Window = 256;

    private readonly List<Held> _items;
    private readonly ProvenanceChecker _checker;
    private readonly RuleNames _names;
    private readonly int _jobs;
    private Func<RunItem, int, RunItem> _then = (item, _) => item;

    /// <summary>An empty list for a run's results.</summary>
    /// <param name="checker">The run's checker, which scores each report made again.</param>
    /// <param name="capacity">How many results are expected.</param>
    /// <param name="jobs">How many threads make reports again while they are read in order.</param>
    public HeldItems(ProvenanceChecker checker, int capacity, int jobs)
    {
        _checker = checker;
        _names = new RuleNames(checker.Rules);
        _items = new List<Held>(capacity);
        _jobs = jobs;
    }

    /// <inheritdoc/>
    public int Count => _items.Count;

    /// <inheritdoc/>
    public RunItem this[int index] => _then(Restore(_items[index]), index);

    /// <summary>Holds a checked article without its text: its findings packed, its metadata and the rest as they are.</summary>
    public void Add(RunItem item)
    {
        _items.Add(item.Report is { } report
            ? new Held(item with { Report = null }, report.Article.Path, report.Article.Format, report.Article.Metadata, AnalysisCache.Pack(report.Analysis.Findings))
            : new Held(item, null, default, null, null));
    }

    /// <summary>Applies <paramref name="then"/> (given each result and its index) to every result as it is read.</summary>
    public void Then(Func<RunItem, int, RunItem> then) => _then = then;

    /// <inheritdoc/>
    public IEnumerator<RunItem> GetEnumerator() =>
        OrderedParallel.Select(_items.Count, _jobs, Window, i => _then(Restore(_items[i]), i)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private RunItem Restore(Held held)
    {
        if (held.Findings is not { } packed)
        {
            return held.Item;
        }

        var article = new Article(held.ArticlePath!, held.Format, new Text.SourceText(string.Empty), [], held.Metadata!);
        return held.Item with { Report = _checker.Score(article, _checker.Rules.Restore(AnalysisCache.Unpack(packed, _names))) };
    }

    // A result as held: the item without its report, and what makes the report again.
    private sealed record Held(RunItem Item, string? ArticlePath, ArticleFormat Format, ArticleMetadata? Metadata, byte[]? Findings);
}
