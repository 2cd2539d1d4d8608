using System.Collections.Immutable;
using System.Text.Json;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Rules;

namespace Provenance.Cli;

// An entry is one line of JSON: its key fields first (read when the cache is opened), then its
// findings as arrays in a fixed order and the metadata reports show (read only on a hit).
internal sealed partial class AnalysisCache
{
    private static byte[] Serialize(Entry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("p", entry.Path);
            json.WriteString("h", entry.Hash);
            json.WriteString("o", entry.Options);
            if (entry.Stamp.Trusted)
            {
                json.WriteNumber("s", entry.Stamp.Length);
                json.WriteNumber("t", entry.Stamp.Ticks);
            }

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

    private static CacheEntryHead Head(ReadOnlyMemory<byte> line)
    {
        var reader = new Utf8JsonReader(line.Span);
        string? path = null, hash = null, options = null;
        long length = 0, ticks = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject && !(reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("f"u8)))
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
                    case "s": length = reader.GetInt64(); break;
                    case "t": ticks = reader.GetInt64(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new CacheEntryHead(path ?? throw new FormatException("a cache entry has no path"), hash ?? string.Empty, options ?? string.Empty, new FileStamp(length, ticks), line);
    }

    // Read straight from the entry's UTF-8, in the order Serialize writes it: a hit costs its strings, not a document.
    private CachedArticle Parse(ReadOnlySpan<byte> line)
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

    private ImmutableArray<Finding> ReadFindings(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var findings = ImmutableArray.CreateBuilder<Finding>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            var ruleId = Name(ref reader);
            var category = Name(ref reader);
            var severity = (Severity)Number(ref reader);
            var message = Text(ref reader);
            var span = new Text.TextSpan(Number(ref reader), Number(ref reader));
            var location = new Text.LinePositionSpan(new Text.LinePosition(Number(ref reader), Number(ref reader)), new Text.LinePosition(Number(ref reader), Number(ref reader)));
            var matched = Text(ref reader);
            var excerpt = Text(ref reader);
            findings.Add(new Finding(ruleId, category, severity, message, span, location, matched, excerpt, ReadArguments(ref reader)));
        }

        return findings.ToImmutable();
    }

    // Most findings have one or two arguments: no builder for them.
    private static ImmutableArray<string> ReadArguments(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return [];
        }

        var first = reader.GetString()!;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return [first];
        }

        var second = reader.GetString()!;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return [first, second];
        }

        var arguments = ImmutableArray.CreateBuilder<string>();
        arguments.Add(first);
        arguments.Add(second);
        do
        {
            arguments.Add(reader.GetString()!);
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.String);
        return arguments.ToImmutable();
    }

    // Rule ids and categories repeat in every entry: the rule set's own strings, not new ones.
    private string Name(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            throw new FormatException("a cache entry lacks a text field");
        }

        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped && raw.Length <= MaxNameLength)
        {
            Span<char> chars = stackalloc char[MaxNameLength];
            if (System.Text.Encoding.UTF8.TryGetChars(raw, chars, out var length) && _names.TryGetValue(chars[..length], out var known))
            {
                return known;
            }
        }

        return reader.GetString()!;
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
}
