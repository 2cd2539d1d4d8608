using System.Collections.Concurrent;

namespace Provenance.Analyzers.Engine;

/// <summary>
/// The reports of recently checked articles, keyed by a checksum of the article's path, text and
/// configuration. The compiler server keeps the analyzer loaded between builds and compiles a
/// project again whenever any of its files changes; with this, an article that did not change is
/// answered without being read and checked again.
/// </summary>
/// <remarks>
/// Bounded, so a server that lives for days stays lean: past <see cref="Capacity"/> reports the
/// oldest goes, unless it was asked for since it was kept (a second chance: it goes to the back).
/// Every build asks for every article of its project, so the reports of unchanged articles keep
/// their place and those of old versions go. The capacity grows to twice the largest project seen
/// (<see cref="Reserve"/>), up to a limit: a project larger than the cache would otherwise lose
/// each report just before the next build asks for it.
/// </remarks>
internal sealed class ReportCache(int capacity, int limit)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private int _count;
    private int _capacity = Math.Min(capacity, limit);

    /// <summary>How many reports are kept at most now.</summary>
    public int Capacity => Volatile.Read(ref _capacity);

    /// <summary>How many reports are kept.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Makes room for the reports of a project of <paramref name="articles"/> articles, twice over, up to the limit.</summary>
    public void Reserve(int articles)
    {
        var wanted = (int)Math.Min(limit, 2L * Math.Max(articles, 0));
        var current = Capacity;
        while (wanted > current)
        {
            var seen = Interlocked.CompareExchange(ref _capacity, wanted, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>The report kept under <paramref name="key"/>, or the one <paramref name="check"/> makes, kept.</summary>
    public BuildReport GetOrAdd(string key, Func<BuildReport> check)
    {
        if (_entries.TryGetValue(key, out var kept))
        {
            Volatile.Write(ref kept.Used, 1);
            return kept.Report;
        }

        var report = check();
        if (_entries.TryAdd(key, new Entry(report)))
        {
            _order.Enqueue(key);
            if (Interlocked.Increment(ref _count) > Capacity)
            {
                Evict();
            }
        }

        return report;
    }

    private void Evict()
    {
        // At most two turns of the queue: the first clears every entry's second chance.
        var turns = 2L * _order.Count;
        while (Count > Capacity && turns-- > 0 && _order.TryDequeue(out var key))
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                continue;
            }

            if (Interlocked.Exchange(ref entry.Used, 0) == 1)
            {
                _order.Enqueue(key);
            }
            else if (_entries.TryRemove(key, out _))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }

    private sealed class Entry(BuildReport report)
    {
        public readonly BuildReport Report = report;

        // 1 when the report was asked for since it was queued.
        public int Used;
    }
}
