using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Provenance.Analysis;
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
    private readonly Dictionary<string, Entry> _old;
    private readonly ConcurrentDictionary<string, Entry> _new = new(StringComparer.Ordinal);

    private AnalysisCache(string path, string key, Dictionary<string, Entry> old)
    {
        _path = path;
        _key = key;
        _old = old;
    }

    public int Hits { get; private set; }

    public static AnalysisCache Open(string path, RuleSet rules, string toolVersion)
    {
        var key = $"{toolVersion}:{rules.Fingerprint}";
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            try
            {
                using var reader = new StreamReader(path);
                if (reader.ReadLine() is { } header && JsonDocument.Parse(header).RootElement.GetProperty("key").GetString() == key)
                {
                    for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
                    {
                        var entry = Parse(line);
                        entries[entry.Path] = entry;
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

    public IReadOnlyList<StoredFinding>? Find(string path, string contentHash, string options)
    {
        if (_old.TryGetValue(path, out var entry) && entry.Hash == contentHash && entry.Options == options)
        {
            _new[path] = entry;
            lock (_old)
            {
                Hits++;
            }

            return entry.Findings;
        }

        return null;
    }

    public void Store(string path, string contentHash, string options, AnalysisResult analysis) =>
        _new[path] = new Entry(path, contentHash, options, [.. analysis.Findings.Select(f =>
            new StoredFinding(f.RuleId, f.Span.Start, f.Span.Length, f.Severity, f.Arguments, f.RuleId.StartsWith("PRV0", StringComparison.Ordinal) ? f.Message : null))]);

    /// <summary>Writes the entries of this run (old entries for files not checked are dropped), atomically.</summary>
    public void Save()
    {
        var text = new StringBuilder();
        text.Append(JsonSerializer.Serialize(new { version = 1, key = _key })).Append('\n');
        foreach (var entry in _new.Values.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            text.Append(Serialize(entry)).Append('\n');
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
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
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
        return new Entry(root.GetProperty("p").GetString()!, root.GetProperty("h").GetString()!, root.GetProperty("o").GetString()!, findings);
    }

    private sealed record Entry(string Path, string Hash, string Options, ImmutableArray<StoredFinding> Findings);
}
