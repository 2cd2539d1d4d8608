using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Rules;

namespace Provenance.Cli;

/// <summary>
/// The <c>--cache</c> file: per article path, the hash of its bytes, the configuration it was
/// checked under and its findings. An article whose content, configuration, rule set and tool
/// version are unchanged is read and scored again but not analysed again. A cache made by other
/// rules or another version is discarded whole.
/// </summary>
internal sealed class AnalysisCache
{
    public const string DefaultFile = ".provenance-cache";

    private readonly string _path;
    private readonly string _key;
    private readonly Dictionary<string, (string Hash, string Options, string Line)> _old;
    private readonly ConcurrentDictionary<string, string> _new = new(StringComparer.Ordinal);
    private int _stored;

    private AnalysisCache(string path, string key, Dictionary<string, (string Hash, string Options, string Line)> old)
    {
        _path = path;
        _key = key;
        _old = old;
    }

    public int Hits { get; private set; }

    public static AnalysisCache Open(string path, RuleSet rules, string toolVersion)
    {
        var key = $"{toolVersion}:{rules.Fingerprint}";
        var entries = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            try
            {
                using var reader = new StreamReader(path);
                if (reader.ReadLine() is { } header && JsonDocument.Parse(header).RootElement.GetProperty("key").GetString() == key)
                {
                    // Only each entry's key fields are read now; its findings are parsed on a hit.
                    for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
                    {
                        var (entryPath, hash, options) = Head(line);
                        entries[entryPath] = (hash, options, line);
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException or IOException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // A damaged cache is only a slower run: start afresh.
                entries.Clear();
            }
        }

        return new AnalysisCache(path, key, entries);
    }

    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The stored findings and metadata of an unchanged article, or null.</summary>
    public (IReadOnlyList<StoredFinding> Findings, ArticleMetadata Metadata)? Find(string path, string contentHash, string options)
    {
        if (_old.TryGetValue(path, out var entry) && entry.Hash == contentHash && entry.Options == options)
        {
            _new[path] = entry.Line;
            var parsed = Parse(entry.Line);
            lock (_old)
            {
                Hits++;
            }

            return (parsed.Findings, parsed.Metadata);
        }

        return null;
    }

    public void Store(string path, string contentHash, string options, Article article, AnalysisResult analysis)
    {
        var metadata = new ArticleMetadata
        {
            Title = article.Metadata.Title is { } title ? title with { Span = null } : null,
            Published = article.Metadata.Published is { } published ? published with { Span = null } : null,
            Authors = [.. article.Metadata.Authors.Select(a => a with { Span = null })],
        };
        _new[path] = Serialize(new Entry(path, contentHash, options, [.. analysis.Findings.Select(f =>
            new StoredFinding(f.RuleId, f.Span.Start, f.Span.Length, f.Severity, f.Arguments, f.RuleId.StartsWith("PRV0", StringComparison.Ordinal) ? f.Message : null))], metadata));
        Interlocked.Increment(ref _stored);
    }

    /// <summary>
    /// Writes the entries of this run (old entries for files not checked are dropped), atomically;
    /// a run that found everything in the cache and dropped nothing leaves the file as it was.
    /// </summary>
    public void Save()
    {
        if (_stored == 0 && _new.Count == _old.Count)
        {
            return;
        }

        var text = new StringBuilder();
        text.Append(JsonSerializer.Serialize(new { version = 1, key = _key })).Append('\n');
        foreach (var (_, line) in _new.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(line).Append('\n');
        }

        AtomicFile.WriteAllText(_path, text.ToString());
    }

    private static string Serialize(Entry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("p", entry.Path);
            json.WriteString("h", entry.Hash);
            json.WriteString("o", entry.Options);
            json.WriteStartArray("f");
            foreach (var f in entry.Findings)
            {
                json.WriteStartArray();
                json.WriteStringValue(f.RuleId);
                json.WriteNumberValue(f.Start);
                json.WriteNumberValue(f.Length);
                json.WriteNumberValue((int)f.Severity);
                json.WriteStartArray();
                foreach (var argument in f.Arguments)
                {
                    json.WriteStringValue(argument);
                }

                json.WriteEndArray();
                if (f.Message is not null)
                {
                    json.WriteStringValue(f.Message);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("m");
            json.WriteStringValue(entry.Metadata.Title?.Value);
            json.WriteStringValue(entry.Metadata.Published?.Value);
            foreach (var author in entry.Metadata.Authors)
            {
                json.WriteStringValue(author.Value);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static (string Path, string Hash, string Options) Head(string line)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line));
        string? path = null, hash = null, options = null;
        while (reader.Read() && (path is null || hash is null || options is null))
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "p": path = reader.GetString(); break;
                    case "h": hash = reader.GetString(); break;
                    case "o": options = reader.GetString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return (path ?? throw new FormatException("a cache entry has no path"), hash ?? string.Empty, options ?? string.Empty);
    }

    private static Entry Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var findings = root.GetProperty("f").EnumerateArray().Select(f => new StoredFinding(
            f[0].GetString()!,
            f[1].GetInt32(),
            f[2].GetInt32(),
            (Severity)f[3].GetInt32(),
            [.. f[4].EnumerateArray().Select(a => a.GetString()!)],
            f.GetArrayLength() > 5 ? f[5].GetString() : null)).ToImmutableArray();
        var m = root.GetProperty("m");
        var metadata = new ArticleMetadata
        {
            Title = m[0].GetString() is { } title ? new MetadataField(title, null) : null,
            Published = m[1].GetString() is { } published ? new MetadataField(published, null) : null,
            Authors = [.. m.EnumerateArray().Skip(2).Select(a => new MetadataField(a.GetString()!, null))],
        };
        return new Entry(root.GetProperty("p").GetString()!, root.GetProperty("h").GetString()!, root.GetProperty("o").GetString()!, findings, metadata);
    }

    private sealed record Entry(string Path, string Hash, string Options, ImmutableArray<StoredFinding> Findings, ArticleMetadata Metadata);
}
