using System.Collections.Concurrent;

namespace Provenance.Analyzers.Engine;

/// <summary>
/// The reports of recently checked articles, keyed by a checksum of the article's path, text and
/// configuration. The compiler server keeps the analyzer loaded between builds and compiles a
/// project again whenever any of its files changes; with this, an article that did not change is
/// answered without being read and checked again. Bounded: past <see cref="Capacity"/> entries the
/// oldest go first, so a long-lived server's memory stays flat whatever it builds.
/// </summary>
internal sealed class ReportCache(int capacity)
{
    private readonly ConcurrentDictionary<string, BuildReport> _reports = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>How many reports are kept at most.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>How many reports are kept now.</summary>
    public int Count => _reports.Count;

    /// <summary>The report kept under <paramref name="key"/>, or the one <paramref name="check"/> makes, kept.</summary>
    public BuildReport GetOrAdd(string key, Func<BuildReport> check)
    {
        if (_reports.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var report = check();
        if (_reports.TryAdd(key, report))
        {
            _order.Enqueue(key);
            // First in, first out: articles of one build come in together, and a build that
            // changes one article checks the others again soon, so their entries stay young.
            while (_reports.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                _reports.TryRemove(oldest, out _);
            }
        }

        return report;
    }
}
