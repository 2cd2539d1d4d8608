using System.Collections.Immutable;

namespace Provenance.Text;

/// <summary>
/// The original text of a file, kept verbatim, with a line index so any offset maps to a
/// 1-based line and column. Recognises <c>\r\n</c>, <c>\n</c> and <c>\r</c> line breaks.
/// </summary>
public sealed class SourceText
{
    private readonly ImmutableArray<int> _lineStarts;

    /// <summary>Indexes <paramref name="text"/>.</summary>
    public SourceText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The text exactly as received.</summary>
    public string Text { get; }

    /// <summary>Number of lines; a text with no line break has one line.</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The text covered by <paramref name="span"/>.</summary>
    public string this[TextSpan span] => Text.Substring(span.Start, span.Length);

    /// <summary>Maps an offset (0 to the text's length inclusive) to its line and column.</summary>
    public LinePosition GetLinePosition(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, Text.Length);
        var line = LineIndex(offset);
        return new LinePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>
    /// The 1-based line of <paramref name="offset"/>, walked to from <paramref name="fromLine"/>
    /// when the offset is at or past that line's start, as when offsets come in text order (every
    /// word of an article): a step or two instead of a search each.
    /// </summary>
    internal int LineFrom(int offset, int fromLine)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, Text.Length);
        var line = fromLine - 1;
        if (line < 0 || line >= _lineStarts.Length || _lineStarts[line] > offset)
        {
            return LineIndex(offset) + 1;
        }

        // A few steps, then a search: a page's first word may sit thousands of lines on.
        for (var steps = 0; line + 1 < _lineStarts.Length && _lineStarts[line + 1] <= offset; steps++)
        {
            if (steps == 16)
            {
                return LineIndex(offset) + 1;
            }

            line++;
        }

        return line + 1;
    }

    // The last line starting at or before the offset.
    private int LineIndex(int offset) => OrderedSearch.LastAtOrBefore(_lineStarts.AsSpan(), offset);

    /// <summary>Maps a span to the line positions of its first character and just past its last.</summary>
    public LinePositionSpan GetLinePositionSpan(TextSpan span) =>
        new(GetLinePosition(span.Start), GetLinePosition(span.End));

    /// <summary>The span of a 1-based line, without its line break.</summary>
    public TextSpan GetLineSpan(int line)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(line, LineCount);
        var start = _lineStarts[line - 1];
        var end = line < LineCount ? _lineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    // Line breaks are found with a vectorised search: an HTML page is 100 KB of mostly long lines,
    // and testing every character took a page 80 µs.
    private static ImmutableArray<int> ComputeLineStarts(string text)
    {
        var starts = ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        var i = 0;
        while (true)
        {
            var found = text.AsSpan(i).IndexOfAny('\r', '\n');
            if (found < 0)
            {
                break;
            }

            i += found;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            i++;
            starts.Add(i);
        }

        return starts.ToImmutable();
    }
}
