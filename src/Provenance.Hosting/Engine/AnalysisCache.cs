using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Rules;

namespace Provenance.Hosting;

/// <summary>
/// The <c>--cache</c> file: per article path, the hash of its bytes, the file's size and
/// modification time when they can be trusted, the configuration it was checked under, its
/// findings whole (message, place, excerpt) and the metadata reports show. An article whose
/// content, configuration, rule set and tool version are unchanged is scored again but neither
/// decoded nor analysed; with an unchanged size and modification time it is not even read (as
/// git's index and ESLint's cache do). A cache made by other rules, another version or another
/// layout of this file is discarded whole.
/// </summary>
internal sealed partial class AnalysisCache
{
    public const string DefaultFile = ".provenance-cache";

    // The layout of an entry; a cache written with another is discarded.
    private const int Layout = 5;

    private readonly string _path;
    private readonly string _key;
    // Entries stay UTF-8, as read: half the memory of strings, and parsed without transcoding.
    private readonly Dictionary<string, CacheEntryHead> _old;
    private readonly ConcurrentDictionary<string, ReadOnlyMemory<byte>> _new = new(StringComparer.Ordinal);
    private int _stored;
    private int _hits;
    private readonly RuleNames _names;

    private AnalysisCache(string path, string key, Dictionary<string, CacheEntryHead> old, bool trustStamps, RuleSet rules)
    {
        _path = path;
        _key = key;
        _old = old;
        TrustsStamps = trustStamps;
        _names = new RuleNames(rules);
    }

    /// <summary>How many articles came from the cache so far.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Whether an unchanged size and modification time stand for unchanged bytes (<c>--cache-strategy metadata</c>, the default).</summary>
    public bool TrustsStamps { get; }

    /// <summary>
    /// Starts reading a cache file's entries on another thread, so that it overlaps finding the
    /// files and loading the rules; <see cref="Open"/> checks the key when the rules are known.
    /// </summary>
    public static Task<CacheFileContents> ReadAsync(string path) => Task.Run(() => Read(path));

    /// <summary>The cache at <paramref name="path"/> as <paramref name="reading"/> read it, its entries kept only if written under these rules and this version.</summary>
    public static AnalysisCache Open(string path, RuleSet rules, string toolVersion, Task<CacheFileContents> reading, bool trustStamps)
    {
        var key = KeyFor(rules, toolVersion);
        var contents = reading.GetAwaiter().GetResult();
        return new AnalysisCache(path, key, contents.Key == key ? contents.Entries : new(StringComparer.Ordinal), trustStamps, rules);
    }

    /// <summary>
    /// How many of these articles the cache being read has no entry for under these rules: all of
    /// them when it was written by other rules or another version.
    /// </summary>
    public static int Misses(Task<CacheFileContents> reading, RuleSet rules, string toolVersion, IEnumerable<string> paths)
    {
        var contents = reading.GetAwaiter().GetResult();
        return contents.Key == KeyFor(rules, toolVersion) ? paths.Count(p => !contents.Entries.ContainsKey(p)) : paths.Count();
    }

    private static string KeyFor(RuleSet rules, string toolVersion) => $"{toolVersion}:{rules.Fingerprint}:{Layout}";

    private static CacheFileContents Read(string path)
    {
        var entries = new Dictionary<string, CacheEntryHead>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return new CacheFileContents(null, entries);
        }

        try
        {
            var lines = Lines(File.ReadAllBytes(path));
            if (lines.Count == 0)
            {
                return new CacheFileContents(null, entries);
            }

            // Only each entry's key fields are read now; its findings are parsed on a hit.
            var key = JsonDocument.Parse(lines[0]).RootElement.GetProperty("key").GetString();
            foreach (var line in lines.Skip(1))
            {
                var head = Head(line);
                entries[head.Path] = head;
            }

            return new CacheFileContents(key, entries);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A damaged or unreadable cache is only a slower run: start afresh.
            return new CacheFileContents(null, new(StringComparer.Ordinal));
        }
    }

    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// The stored findings and metadata of an article whose file has the size and modification
    /// time it had when it was cached, or null: then its bytes must be read and hashed.
    /// </summary>
    public CachedArticle? FindUnchanged(string path, FileStamp stamp, string options) =>
        stamp.Trusted && _old.TryGetValue(path, out var entry) && entry.Stamp == stamp && entry.Options == options ? Hit(path, entry) : null;

    /// <summary>
    /// The stored findings and metadata of an article with these bytes, or null. A hit whose file
    /// was touched since (a fresh checkout, a copy) keeps the file's new stamp, so that the next
    /// run need not read it.
    /// </summary>
    public CachedArticle? Find(string path, string contentHash, string options, FileStamp stamp = default)
    {
        if (!_old.TryGetValue(path, out var entry) || entry.Hash != contentHash || entry.Options != options)
        {
            return null;
        }

        if (Hit(path, entry) is not { } hit)
        {
            return null;
        }

        if (stamp.Trusted && entry.Stamp != stamp)
        {
            _new[path] = Serialize(new Entry(path, contentHash, options, stamp, hit.Findings, hit.Metadata));
            Interlocked.Increment(ref _stored);
        }

        return hit;
    }

    private CachedArticle? Hit(string path, CacheEntryHead entry)
    {
        CachedArticle parsed;
        try
        {
            parsed = Parse(entry.Line.Span);
        }
        catch (FormatException)
        {
            // A damaged entry is a miss: the article is checked again and the entry rewritten.
            return null;
        }

        _new[path] = entry.Line;
        Interlocked.Increment(ref _hits);
        return parsed;
    }

    public void Store(string path, string contentHash, string options, FileStamp stamp, Article article, AnalysisResult analysis)
    {
        var metadata = new ArticleMetadata
        {
            Title = article.Metadata.Title is { } title ? title with { Span = null } : null,
            Published = article.Metadata.Published is { } published ? published with { Span = null } : null,
            Authors = [.. article.Metadata.Authors.Select(a => a with { Span = null })],
        };
        _new[path] = Serialize(new Entry(path, contentHash, options, stamp, analysis.Findings, metadata));
        Interlocked.Increment(ref _stored);
    }

    /// <summary>
    /// Writes the entries of this run and those of files it did not check but that still exist
    /// (paths relative to <paramref name="baseDirectory"/>), atomically; a deleted file's entry is
    /// dropped. A run that found everything in the cache and dropped nothing leaves the file as it was.
    /// </summary>
    public void Save(string baseDirectory)
    {
        // A run of one shard, of the files changed since a branch, or of one folder checks only
        // some of the files: dropping the others' entries made the next run of the rest check
        // them all again (two shards sharing a cache took turns emptying it). Only entries no run
        // revisited are stat'ed, so a full run pays nothing for this.
        foreach (var (path, entry) in _old)
        {
            if (!_new.ContainsKey(path) && path != ContentFiles.StandardInput && File.Exists(Path.GetFullPath(path, baseDirectory)))
            {
                _new[path] = entry.Line;
            }
        }

        if (_stored == 0 && _new.Count == _old.Count)
        {
            return;
        }

        var header = JsonSerializer.SerializeToUtf8Bytes(new { version = Layout, key = _key });
        AtomicFile.Write(_path, stream =>
        {
            stream.Write(header);
            stream.WriteByte((byte)'\n');
            foreach (var (_, line) in _new.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                stream.Write(line.Span);
                stream.WriteByte((byte)'\n');
            }
        });
    }

    private static List<ReadOnlyMemory<byte>> Lines(byte[] bytes)
    {
        var lines = new List<ReadOnlyMemory<byte>>();
        var start = 0;
        while (start < bytes.Length)
        {
            var end = bytes.AsSpan(start).IndexOf((byte)'\n');
            var length = end < 0 ? bytes.Length - start : end;
            if (length > 0)
            {
                lines.Add(bytes.AsMemory(start, length));
            }

            start += length + 1;
        }

        return lines;
    }

    private sealed record Entry(string Path, string Hash, string Options, FileStamp Stamp, ImmutableArray<Finding> Findings, ArticleMetadata Metadata);
}

/// <summary>A cache file as read: the key it was written under and its entries by path.</summary>
internal sealed record CacheFileContents(string? Key, Dictionary<string, CacheEntryHead> Entries);

/// <summary>An entry's key fields, read when the cache is opened; the rest of its line is parsed on a hit.</summary>
internal sealed record CacheEntryHead(string Path, string Hash, string Options, FileStamp Stamp, ReadOnlyMemory<byte> Line);

/// <summary>What the cache kept of an unchanged article: its findings whole and the metadata reports show.</summary>
internal sealed record CachedArticle(ImmutableArray<Finding> Findings, ArticleMetadata Metadata);

/// <summary>
/// A rule set's rule ids and categories, found by their characters: findings read back repeat
/// them in every entry, and take the rule set's own strings rather than new ones. Each also has
/// a number, by which findings held in memory name it (<see cref="HeldFindings"/>).
/// </summary>
internal sealed class RuleNames
{
    /// <summary>The longest name looked up; a longer one is decoded as it is.</summary>
    public const int MaxLength = 64;

    private readonly FrozenDictionary<string, int> _numbers;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byCharacters;
    private readonly string[] _all;

    /// <summary>The names of <paramref name="rules"/>.</summary>
    public RuleNames(RuleSet rules)
    {
        _all = [.. rules.Rules.SelectMany(r => new[] { r.Id, r.Descriptor.Category }).Distinct(StringComparer.Ordinal)];
        _numbers = _all.Select((name, number) => (name, number)).ToFrozenDictionary(n => n.name, n => n.number, StringComparer.Ordinal);
        _byCharacters = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The rule set's string with these characters, if it has one.</summary>
    public bool TryGetValue(ReadOnlySpan<char> name, out string known)
    {
        var found = _byCharacters.TryGetValue(name, out var number);
        known = found ? _all[number] : string.Empty;
        return found;
    }

    /// <summary>The name's number among the rule set's names (see <see cref="this[int]"/>), or -1 when it is not one of them.</summary>
    public int NumberOf(string name) => _numbers.GetValueOrDefault(name, -1);

    /// <summary>The rule set's name numbered <paramref name="number"/> by <see cref="NumberOf"/>.</summary>
    public string this[int number] => _all[number];
}
