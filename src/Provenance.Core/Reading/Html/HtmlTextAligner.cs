using AngleSharp.Html;

namespace Provenance.Reading.Html;

/// <summary>
/// Finds where each text node of a parsed page stands in the raw HTML. The parser keeps positions
/// for elements only, so the raw source is walked once alongside the document's text nodes in
/// order: markup is skipped, entities and line breaks are matched as the parser decoded them, and
/// each character of a text node gets the offset of the source character it came from.
/// </summary>
internal sealed class HtmlTextAligner
{
    private const int SearchWindow = 64 * 1024;

    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    // Windows-1252 meanings of C1 code points in numeric references, as HTML parsers apply them.
    private static readonly Dictionary<int, int> C1Replacements = new()
    {
        [0x80] = 0x20AC, [0x82] = 0x201A, [0x83] = 0x0192, [0x84] = 0x201E, [0x85] = 0x2026, [0x86] = 0x2020, [0x87] = 0x2021,
        [0x88] = 0x02C6, [0x89] = 0x2030, [0x8A] = 0x0160, [0x8B] = 0x2039, [0x8C] = 0x0152, [0x8E] = 0x017D, [0x91] = 0x2018,
        [0x92] = 0x2019, [0x93] = 0x201C, [0x94] = 0x201D, [0x95] = 0x2022, [0x96] = 0x2013, [0x97] = 0x2014, [0x98] = 0x02DC,
        [0x99] = 0x2122, [0x9A] = 0x0161, [0x9B] = 0x203A, [0x9C] = 0x0153, [0x9E] = 0x017E, [0x9F] = 0x0178,
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RawTextNames = RawTextElements.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly string _raw;
    private int _cursor;
    private int[] _offsets = new int[256];

    public HtmlTextAligner(string raw)
    {
        _raw = raw;
    }

    /// <summary>
    /// Finds the source offset of each character of <paramref name="data"/>; false when it cannot
    /// be found. The offsets are valid until the next call: one buffer serves every text node.
    /// </summary>
    /// <param name="data">The text node's text.</param>
    /// <param name="notBefore">The source offset of its parent element's start tag: the text cannot start earlier.</param>
    /// <param name="offsets">The offsets, one per character of <paramref name="data"/>.</param>
    public bool TryAlign(string data, int notBefore, out ReadOnlySpan<int> offsets)
    {
        offsets = default;
        if (data.Length == 0)
        {
            return true;
        }

        if (_offsets.Length < data.Length)
        {
            _offsets = new int[Math.Max(data.Length, _offsets.Length * 2)];
        }

        // Element positions are exact, so the parent's start tag anchors the search: one node the
        // walk could not place never sends every later node searching from the wrong place.
        var position = Math.Clamp(Math.Max(_cursor, notBefore), 0, _raw.Length);
        var limit = Math.Min(_raw.Length, position + SearchWindow);
        while (position < limit)
        {
            position = SkipMarkup(position);
            if (position >= _raw.Length)
            {
                break;
            }

            if (TryMatch(position, data, _offsets, out var end))
            {
                _cursor = end;
                offsets = _offsets.AsSpan(0, data.Length);
                return true;
            }

            position = NextCharacter(position);
        }

        return false;
    }

    private bool TryMatch(int position, string data, int[] offsets, out int end)
    {
        var i = 0;
        var j = position;
        while (i < data.Length)
        {
            if (j >= _raw.Length)
            {
                end = j;
                return false;
            }

            var c = _raw[j];
            if (c == '<' && IsMarkupStart(j))
            {
                end = j;
                return false;
            }

            if (c == '\r')
            {
                if (data[i] != '\n')
                {
                    end = j;
                    return false;
                }

                offsets[i++] = j;
                j += j + 1 < _raw.Length && _raw[j + 1] == '\n' ? 2 : 1;
                continue;
            }

            if (c == '&' && Entity(j) is { } entity && data.AsSpan(i).StartsWith(entity.Value, StringComparison.Ordinal))
            {
                for (var k = 0; k < entity.Value.Length; k++)
                {
                    offsets[i++] = j;
                }

                j += entity.Length;
                continue;
            }

            if (c != data[i] && !(c == '\0' && data[i] == '\uFFFD'))
            {
                end = j;
                return false;
            }

            offsets[i++] = j++;
        }

        end = j;
        return true;
    }

    private int NextCharacter(int position)
    {
        var c = _raw[position];
        if (c == '&' && Entity(position) is { } entity)
        {
            return position + entity.Length;
        }

        return c == '\r' && position + 1 < _raw.Length && _raw[position + 1] == '\n' ? position + 2 : position + 1;
    }

    // Skips tags, comments and declarations; a raw-text element (script, style…) is skipped whole,
    // since the parser's text nodes inside it are never aligned.
    private int SkipMarkup(int position)
    {
        while (position < _raw.Length && _raw[position] == '<' && IsMarkupStart(position))
        {
            if (string.CompareOrdinal(_raw, position, "<!--", 0, 4) == 0)
            {
                var close = _raw.IndexOf("-->", position + 4, StringComparison.Ordinal);
                position = close < 0 ? _raw.Length : close + 3;
                continue;
            }

            if (_raw[position + 1] is '!' or '?' or '/')
            {
                var close = _raw.IndexOf('>', position + 1);
                position = close < 0 ? _raw.Length : close + 1;
                continue;
            }

            var nameEnd = position + 1;
            while (nameEnd < _raw.Length && (char.IsAsciiLetterOrDigit(_raw[nameEnd]) || _raw[nameEnd] == '-'))
            {
                nameEnd++;
            }

            // The name is looked up as a span: a page has thousands of tags, few of them raw text.
            var name = _raw.AsSpan((position + 1)..nameEnd);
            position = TagEnd(nameEnd);
            if (RawTextNames.Contains(name))
            {
                var close = _raw.IndexOf(string.Concat("</", name), position, StringComparison.OrdinalIgnoreCase);
                position = close < 0 ? _raw.Length : TagEnd(close + 2);
            }
        }

        return position;
    }

    private int TagEnd(int position) => NestingLimit.TagEnd(_raw, position);

    private bool IsMarkupStart(int position) =>
        position + 1 < _raw.Length && (char.IsAsciiLetter(_raw[position + 1]) || _raw[position + 1] is '/' or '!' or '?');

    private (string Value, int Length)? Entity(int position)
    {
        var i = position + 1;
        if (i < _raw.Length && _raw[i] == '#')
        {
            var hex = i + 1 < _raw.Length && (_raw[i + 1] is 'x' or 'X');
            var digitsStart = i + (hex ? 2 : 1);
            var end = digitsStart;
            while (end < _raw.Length && end - digitsStart < 8 && (hex ? char.IsAsciiHexDigit(_raw[end]) : char.IsAsciiDigit(_raw[end])))
            {
                end++;
            }

            if (end == digitsStart)
            {
                return null;
            }

            var code = Convert.ToInt32(_raw[digitsStart..end], hex ? 16 : 10);
            code = C1Replacements.GetValueOrDefault(code, code);
            var value = code is 0 or > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF) ? "\uFFFD" : char.ConvertFromUtf32(code);
            return (value, end - position + (end < _raw.Length && _raw[end] == ';' ? 1 : 0));
        }

        var nameEnd = i;
        while (nameEnd < _raw.Length && nameEnd - i < 32 && char.IsAsciiLetterOrDigit(_raw[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd == i)
        {
            return null;
        }

        if (nameEnd < _raw.Length && _raw[nameEnd] == ';' && HtmlEntityProvider.Resolver.GetSymbol(_raw[i..nameEnd] + ";") is { } named)
        {
            return (named, nameEnd - position + 1);
        }

        // Legacy references without a semicolon ("&amp", "&copy"): the longest known prefix.
        for (var end = nameEnd; end > i + 1; end--)
        {
            if (HtmlEntityProvider.Resolver.GetSymbol(_raw[i..end]) is { } legacy)
            {
                return (legacy, end - position);
            }
        }

        return null;
    }
}
