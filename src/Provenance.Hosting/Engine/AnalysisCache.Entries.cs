using System.Buffers;
using System.Buffers.Text;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Rules;
using Provenance.Text;

namespace Provenance.Hosting;

// An entry is one line of tab-separated fields: its key fields first (path, content hash,
// options, size, modification time; read when the cache is opened), then its findings, each a
// fixed run of fields followed by its arguments, then the metadata reports show (read on a hit).
// Text escapes backslash, tab, line feed and carriage return (\\ \t \n \r) and half of a
// surrogate pair (\u and four hex digits: UTF-8 cannot hold it); \0 is a missing value.
// A run of 20,000 cached articles parses 140,000 findings: splitting on tabs with a vectorised
// search costs a third of reading JSON tokens.
internal sealed partial class AnalysisCache
{
    private const byte Tab = (byte)'\t';
    private const byte Escape = (byte)'\\';
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create("\\\t\n\r");

    private static byte[] Serialize(Entry entry)
    {
        using var line = new PooledBuffer(1024);
        Text(line, entry.Path);
        Text(line, entry.Hash);
        Text(line, entry.Options);
        Number(line, entry.Stamp.Trusted ? entry.Stamp.Length : 0);
        Number(line, entry.Stamp.Trusted ? entry.Stamp.Ticks : 0);
        Number(line, entry.Findings.Length);
        foreach (var f in entry.Findings)
        {
            Text(line, f.RuleId);
            Text(line, f.Category);
            Number(line, (int)f.Severity);
            Text(line, f.Message);
            Number(line, f.Span.Start);
            Number(line, f.Span.Length);
            Number(line, f.Location.Start.Line);
            Number(line, f.Location.Start.Column);
            Number(line, f.Location.End.Line);
            Number(line, f.Location.End.Column);
            Text(line, f.MatchedText);
            Text(line, f.Excerpt);
            Number(line, f.Arguments.Length);
            foreach (var argument in f.Arguments)
            {
                Text(line, argument);
            }
        }

        Text(line, entry.Metadata.Title?.Value);
        Text(line, entry.Metadata.Published?.Value);
        Number(line, entry.Metadata.Authors.Length);
        foreach (var author in entry.Metadata.Authors)
        {
            Text(line, author.Value);
        }

        // No separator after the last field.
        return line.WrittenSpan[..^1].ToArray();
    }

    private static void Text(PooledBuffer line, string? value)
    {
        if (value is null)
        {
            line.Write("\\0\t"u8);
            return;
        }

        var text = value.AsSpan().ContainsAny(NeedsEscape) ? Escaped(value) : value;

        // Encoded once into room for the longest it could be (the writer's own overload counts the
        // bytes first, then encodes: two passes over every string of every finding).
        var span = line.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 1);
        if (Utf8.FromUtf16(text, span, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            // Half of a surrogate pair, which UTF-8 cannot hold: escaped as well.
            text = Escaped(value);
            span = line.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 1);
            written = Encoding.UTF8.GetBytes(text, span);
        }

        span[written] = Tab;
        line.Advance(written + 1);
    }

    // Backslash, tab, line feed and carriage return as \\ \t \n \r, and half of a surrogate pair,
    // which UTF-8 cannot hold, as \u and its four hex digits.
    private static string Escaped(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '\\' or '\t' or '\n' or '\r')
            {
                escaped.Append('\\').Append(c switch { '\t' => 't', '\n' => 'n', '\r' => 'r', _ => '\\' });
            }
            else if (Utf16Text.IsLoneSurrogate(value, i))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static void Number(PooledBuffer line, long value)
    {
        var span = line.GetSpan(21);
        Utf8Formatter.TryFormat(value, span, out var written);
        span[written] = Tab;
        line.Advance(written + 1);
    }

    private static CacheEntryHead Head(ReadOnlyMemory<byte> line)
    {
        var fields = new Fields(line.Span);
        var path = fields.Text();
        var hash = fields.Text();
        var options = fields.Text();
        var stamp = new FileStamp(fields.Long(), fields.Long());
        return new CacheEntryHead(path ?? throw new FormatException("a cache entry has no path"), hash ?? string.Empty, options ?? string.Empty, stamp, line);
    }

    // Read in the order Serialize writes: a hit costs its strings, nothing more.
    private CachedArticle Parse(ReadOnlySpan<byte> line)
    {
        var fields = new Fields(line);
        for (var i = 0; i < 5; i++)
        {
            fields.Skip();
        }

        var count = fields.Count();
        var findings = ImmutableArray.CreateBuilder<Finding>(count);
        for (var i = 0; i < count; i++)
        {
            var ruleId = Name(ref fields, _names);
            var category = Name(ref fields, _names);
            var severity = (Severity)fields.Int();
            var message = fields.Required();
            var span = new Text.TextSpan(fields.Int(), fields.Int());
            var location = new Text.LinePositionSpan(new Text.LinePosition(fields.Int(), fields.Int()), new Text.LinePosition(fields.Int(), fields.Int()));
            var matched = fields.Required();
            var excerpt = fields.Required();
            var arguments = fields.Count() switch
            {
                0 => [],
                1 => [fields.Required()],
                2 => [fields.Required(), fields.Required()],
                var n => Arguments(ref fields, n),
            };
            findings.Add(new Finding(ruleId, category, severity, message, span, location, matched, excerpt, arguments));
        }

        var title = fields.Text();
        var published = fields.Text();
        var authors = new MetadataField[fields.Count()];
        for (var i = 0; i < authors.Length; i++)
        {
            authors[i] = new MetadataField(fields.Required(), null);
        }

        if (!fields.AtEnd)
        {
            throw new FormatException("a cache entry has more fields than it says");
        }

        var metadata = new ArticleMetadata
        {
            Title = title is null ? null : new MetadataField(title, null),
            Published = published is null ? null : new MetadataField(published, null),
            Authors = [.. authors],
        };
        return new CachedArticle(findings.MoveToImmutable(), metadata);
    }

    private static ImmutableArray<string> Arguments(ref Fields fields, int count)
    {
        var arguments = ImmutableArray.CreateBuilder<string>(count);
        for (var i = 0; i < count; i++)
        {
            arguments.Add(fields.Required());
        }

        return arguments.MoveToImmutable();
    }

    // Rule ids and categories repeat in every entry: the rule set's own strings, not new ones.
    private static string Name(ref Fields fields, RuleNames names)
    {
        var raw = fields.Next();
        if (raw.Length <= RuleNames.MaxLength && raw.IndexOf(Escape) < 0)
        {
            Span<char> chars = stackalloc char[RuleNames.MaxLength];
            if (Encoding.UTF8.TryGetChars(raw, chars, out var length) && names.TryGetValue(chars[..length], out var known))
            {
                return known;
            }
        }

        return Fields.Decode(raw) ?? throw new FormatException("a cache entry lacks a rule id or category");
    }

    /// <summary>The tab-separated fields of one entry, read left to right.</summary>
    private ref struct Fields(ReadOnlySpan<byte> line)
    {
        private ReadOnlySpan<byte> _rest = line;
        private bool _done;

        public readonly bool AtEnd => _done;

        public ReadOnlySpan<byte> Next()
        {
            if (_done)
            {
                throw new FormatException("a cache entry ends early");
            }

            var tab = _rest.IndexOf(Tab);
            if (tab < 0)
            {
                _done = true;
                return _rest;
            }

            var field = _rest[..tab];
            _rest = _rest[(tab + 1)..];
            return field;
        }

        public void Skip() => Next();

        public string? Text() => Decode(Next());

        public string Required() => Text() ?? throw new FormatException("a cache entry lacks a text field");

        public int Int() => Utf8Parser.TryParse(Next(), out int value, out var used) && used > 0 ? value : throw new FormatException("a cache entry lacks a number");

        // A damaged count must not size an array: every item it counts takes at least one more byte.
        public int Count() => Int() is var count && count >= 0 && count <= _rest.Length ? count : throw new FormatException("a cache entry has an impossible count");

        public long Long() => Utf8Parser.TryParse(Next(), out long value, out var used) && used > 0 ? value : throw new FormatException("a cache entry lacks a number");

        public static string? Decode(ReadOnlySpan<byte> raw)
        {
            if (raw.IndexOf(Escape) < 0)
            {
                return Encoding.UTF8.GetString(raw);
            }

            if (raw.SequenceEqual("\\0"u8))
            {
                return null;
            }

            var text = new StringBuilder(Encoding.UTF8.GetString(raw));
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\')
                {
                    text.Remove(i, 1);
                    text[i] = i < text.Length ? text[i] switch
                    {
                        't' => '\t',
                        'n' => '\n',
                        'r' => '\r',
                        '\\' => '\\',
                        'u' => Unit(text, i),
                        _ => throw new FormatException("a cache entry has an unknown escape"),
                    } : throw new FormatException("a cache entry ends in an escape");
                }
            }

            return text.ToString();
        }

        // The UTF-16 unit of a \u escape at i, its four hex digits taken out of the text.
        private static char Unit(StringBuilder text, int i)
        {
            Span<char> digits = stackalloc char[4];
            if (i + 4 >= text.Length)
            {
                throw new FormatException("a cache entry ends in an escape");
            }

            text.CopyTo(i + 1, digits, 4);
            text.Remove(i + 1, 4);
            return ushort.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit)
                ? (char)unit
                : throw new FormatException("a cache entry has an unknown escape");
        }
    }
}
