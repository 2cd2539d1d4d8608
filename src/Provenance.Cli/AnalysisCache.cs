using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Rules;

namespace Provenance.Cli;

/// <summary>
/// The <c>--cache</c> file: per article path, the hash of its bytes, the configuration it was
/// checked under, its findings whole (message, place, excerpt) and the metadata reports show. An
/// article whose content, configuration, rule set and tool version are unchanged is hashed and
/// scored again but neither decoded nor analysed. A cache made by other rules, another version or
/// another layout of this file is discarded whole.
/// </summary>
internal sealed class AnalysisCache
{
    public const string DefaultFile = ".provenance-cache";

    // The layout of an entry; a cache written with another is discarded.
    private const int Layout = 2;

    // Text is kept as written (apostrophes, quotes, accents), not escaped: a smaller file to read.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _path;
    private readonly string _key;
    // Entries stay UTF-8, as read: half the memory of strings, and parsed without transcoding.
    private readonly Dictionary<string, (string Hash, string Options, ReadOnlyMemory<byte> Line)> _old;
    private readonly ConcurrentDictionary<string, ReadOnlyMemory<byte>> _new = new(StringComparer.Ordinal);
    private int _stored;

    private AnalysisCache(string path, string key, Dictionary<string, (string Hash, string Options, ReadOnlyMemory<byte> Line)> old)
    {
        _path = path;
        _key = key;
        _old = old;
    }

    /// <summary>
    /// Starts reading a cache file's entries on another thread, so that it overlaps finding the
    /// files and loading the rules; <see cref="Open"/> checks the key when the rules are known.
    /// </summary>
    public static Task<CacheFileContents> ReadAsync(string path) => Task.Run(() => Read(path));

    public static AnalysisCache Open(string path, RuleSet rules, string toolVersion, Task<CacheFileContents>? reading = null)
    {
        var key = $"{toolVersion}:{rules.Fingerprint}:{Layout}";
        var contents = reading?.GetAwaiter().GetResult() ?? Read(path);
        return new AnalysisCache(path, key, contents.Key == key ? contents.Entries : new(StringComparer.Ordinal));
    }

    private static CacheFileContents Read(string path)
    {
        var entries = new Dictionary<string, (string, string, ReadOnlyMemory<byte>)>(StringComparer.Ordinal);
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
                var (entryPath, hash, options) = Head(line.Span);
                entries[entryPath] = (hash, options, line);
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

    /// <summary>The stored findings and metadata of an unchanged article, or null.</summary>
    public CachedArticle? Find(string path, string contentHash, string options)
    {
        if (!_old.TryGetValue(path, out var entry) || entry.Hash != contentHash || entry.Options != options)
        {
            return null;
        }

        CachedArticle parsed;
        try
        {
            parsed = Parse(entry.Line.Span);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // A damaged entry is a miss: the article is checked again and the entry rewritten.
            return null;
        }

        _new[path] = entry.Line;
        return parsed;
    }

    public void Store(string path, string contentHash, string options, Article article, AnalysisResult analysis)
    {
        var metadata = new ArticleMetadata
        {
            Title = article.Metadata.Title is { } title ? title with { Span = null } : null,
            Published = article.Metadata.Published is { } published ? published with { Span = null } : null,
            Authors = [.. article.Metadata.Authors.Select(a => a with { Span = null })],
        };
        _new[path] = Serialize(new Entry(path, contentHash, options, analysis.Findings, metadata));
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

    private static byte[] Serialize(Entry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
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
                json.WriteStringValue(f.Category);
                json.WriteNumberValue((int)f.Severity);
                json.WriteStringValue(f.Message);
                json.WriteNumberValue(f.Span.Start);
                json.WriteNumberValue(f.Span.Length);
                json.WriteNumberValue(f.Location.Start.Line);
                json.WriteNumberValue(f.Location.Start.Column);
                json.WriteNumberValue(f.Location.End.Line);
                json.WriteNumberValue(f.Location.End.Column);
                json.WriteStringValue(f.MatchedText);
                json.WriteStringValue(f.Excerpt);
                foreach (var argument in f.Arguments)
                {
                    json.WriteStringValue(argument);
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

        return buffer.ToArray();
    }

    private static (string Path, string Hash, string Options) Head(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
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

    // Read straight from the entry's UTF-8, in the order Serialize writes it: a hit costs its strings, not a document.
    private static CachedArticle Parse(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        Expect(ref reader, JsonTokenType.StartObject);
        ImmutableArray<Finding>? findings = null;
        ArticleMetadata? metadata = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("f"u8))
            {
                findings = ReadFindings(ref reader);
            }
            else if (reader.ValueTextEquals("m"u8))
            {
                metadata = ReadMetadata(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new CachedArticle(findings ?? throw new FormatException("a cache entry has no findings"), metadata ?? throw new FormatException("a cache entry has no metadata"));
    }

    private static ImmutableArray<Finding> ReadFindings(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var findings = ImmutableArray.CreateBuilder<Finding>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            var ruleId = Text(ref reader);
            var category = Text(ref reader);
            var severity = (Severity)Number(ref reader);
            var message = Text(ref reader);
            var span = new Text.TextSpan(Number(ref reader), Number(ref reader));
            var location = new Text.LinePositionSpan(new Text.LinePosition(Number(ref reader), Number(ref reader)), new Text.LinePosition(Number(ref reader), Number(ref reader)));
            var matched = Text(ref reader);
            var excerpt = Text(ref reader);
            var arguments = ImmutableArray.CreateBuilder<string>();
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                arguments.Add(reader.GetString()!);
            }

            findings.Add(new Finding(ruleId, category, severity, message, span, location, matched, excerpt, arguments.ToImmutable()));
        }

        return findings.ToImmutable();
    }

    private static ArticleMetadata ReadMetadata(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        reader.Read();
        var title = reader.GetString();
        reader.Read();
        var published = reader.GetString();
        var authors = new List<MetadataField>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            authors.Add(new MetadataField(reader.GetString()!, null));
        }

        return new ArticleMetadata
        {
            Title = title is null ? null : new MetadataField(title, null),
            Published = published is null ? null : new MetadataField(published, null),
            Authors = [.. authors],
        };
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new FormatException($"a cache entry has {reader.TokenType} where {token} belongs");
        }
    }

    private static string Text(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new FormatException("a cache entry lacks a text field");

    private static int Number(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : throw new FormatException("a cache entry lacks a number");

    private sealed record Entry(string Path, string Hash, string Options, ImmutableArray<Finding> Findings, ArticleMetadata Metadata);
}

/// <summary>A cache file as read: the key it was written under and its entries by path.</summary>
internal sealed record CacheFileContents(string? Key, Dictionary<string, (string Hash, string Options, ReadOnlyMemory<byte> Line)> Entries);

/// <summary>What the cache kept of an unchanged article: its findings whole and the metadata reports show.</summary>
internal sealed record CachedArticle(ImmutableArray<Finding> Findings, ArticleMetadata Metadata);
