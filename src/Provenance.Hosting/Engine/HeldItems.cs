using System.Collections;
using Provenance.Articles;
using Provenance.Reporting;

namespace Provenance.Hosting;

/// <summary>
/// A run's results held until its search for copies is done, each article's findings packed in
/// one array (<see cref="HeldFindings"/>) and its report made again, scored and
/// given its copy finding, when it is read. A report held as it was is hundreds of small objects;
/// twenty thousand of them, carried through the collector's young generations while the rest of
/// the run was checked, cost a run that looks for copies more than finding them did. A report
/// made again from its findings is the one a cache hit gives, the same in every format.
/// </summary>
internal sealed class HeldItems : IReadOnlyList<RunItem>
{
    // Reports made again ahead of the one reading them, on the run's threads.
    private const int Window = 256;

    private readonly IReadOnlyList<Held> _items;
    private readonly ProvenanceChecker _checker;
    private readonly RuleNames _names;
    private readonly int _jobs;
    private readonly Func<RunItem, int, RunItem> _then;

    /// <summary>The results held, read through <paramref name="then"/>.</summary>
    /// <param name="items">The results, in order, each as <see cref="Pack"/> made it.</param>
    /// <param name="checker">The run's checker, which scores each report made again.</param>
    /// <param name="names">The names of the checker's rule set, as <see cref="Pack"/> was given them.</param>
    /// <param name="jobs">How many threads make reports again while they are read in order.</param>
    /// <param name="then">Applied to each result made again, with its index (its copy finding).</param>
    public HeldItems(IReadOnlyList<Held> items, ProvenanceChecker checker, RuleNames names, int jobs, Func<RunItem, int, RunItem> then)
    {
        _items = items;
        _checker = checker;
        _names = names;
        _jobs = jobs;
        _then = then;
    }

    /// <inheritdoc/>
    public int Count => _items.Count;

    /// <inheritdoc/>
    public RunItem this[int index] => _then(Restore(_items[index]), index);

    /// <summary>A checked article as it is held, without its text: its findings packed, its metadata and the rest as they are.</summary>
    /// <remarks>A checked file's article has the item's path (<see cref="CheckRunner"/> names both alike), so the path is not kept twice.</remarks>
    /// <param name="item">The checked article.</param>
    /// <param name="names">The names of the rule set that checked it.</param>
    public static Held Pack(RunItem item, RuleNames names)
    {
        if (item.Report is not { } report)
        {
            return new Held(item, default, null, null);
        }

        System.Diagnostics.Debug.Assert(report.Article.Path == item.Path, "a checked file's article has the item's path");
        return new Held(item with { Report = null }, report.Article.Format, report.Article.Metadata, HeldFindings.Pack(report.Analysis.Findings, names));
    }

    /// <inheritdoc/>
    public IEnumerator<RunItem> GetEnumerator() => Select(item => item).GetEnumerator();

    /// <summary>The results in order, each made again and then passed through <paramref name="then"/> on the run's threads.</summary>
    public IEnumerable<T> Select<T>(Func<RunItem, T> then)
        where T : class =>
        OrderedParallel.Select(_items.Count, _jobs, Window, i => then(_then(Restore(_items[i]), i)));

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The report a cache hit gives, from the findings unpacked.
    private RunItem Restore(Held held) =>
        held.Findings is { } packed
            ? held.Item with { Report = CheckRunner.Rescored(_checker, held.Item.Path, held.Format, string.Empty, new CachedArticle(HeldFindings.Unpack(packed, _names), held.Metadata!)) }
            : held.Item;

    /// <summary>A result as held: the item without its report, and what makes the report again.</summary>
    /// <param name="Item">The item, its report let go (or the item itself when it has none).</param>
    /// <param name="Format">The format it was read from.</param>
    /// <param name="Metadata">Its metadata, as read.</param>
    /// <param name="Findings">Its findings, packed; null when there was no report.</param>
    internal sealed record Held(RunItem Item, ArticleFormat Format, ArticleMetadata? Metadata, byte[]? Findings);
}
