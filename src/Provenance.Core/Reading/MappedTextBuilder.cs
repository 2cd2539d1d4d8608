using System.Collections.Immutable;
using System.Text;
using Provenance.Articles;

namespace Provenance.Reading;

/// <summary>
/// Builds a block's text from pieces of the original file, remembering where every character came
/// from, so that findings in text with markup removed still point at the original line and column.
/// Runs of white space collapse to one space, mapped to where the run began.
/// </summary>
internal sealed class MappedTextBuilder
{
    private readonly StringBuilder _text = new();

    // Where the text came from, as runs of characters from consecutive source offsets: most of a
    // block is copied in long runs, and a run costs what one character's offset cost before.
    private readonly List<SourceSegment> _segments = [];
    private bool _pendingSpace;
    private int _pendingSpaceOffset;

    public int Length => _text.Length + (_pendingSpace && _text.Length > 0 ? 1 : 0);

    public bool IsEmpty => _text.Length == 0;

    /// <summary>Appends one character that stands at <paramref name="sourceOffset"/> in the original.</summary>
    public void Append(char c, int sourceOffset)
    {
        if (char.IsWhiteSpace(c) && c != '\n')
        {
            if (!_pendingSpace)
            {
                _pendingSpace = true;
                _pendingSpaceOffset = sourceOffset;
            }

            return;
        }

        if (c == '\n')
        {
            // A hard line break (<br>, a Markdown hard break) is kept; spaces around it are not.
            _pendingSpace = false;
            if (_text.Length > 0 && _text[^1] != '\n')
            {
                Add('\n', sourceOffset);
            }

            return;
        }

        FlushSpace();
        Add(c, sourceOffset);
    }

    /// <summary>Appends each character of <paramref name="text"/> at its own offset in <paramref name="sourceOffsets"/>.</summary>
    public void Append(ReadOnlySpan<char> text, ReadOnlySpan<int> sourceOffsets)
    {
        // Runs of other characters than white space, from consecutive offsets, go in whole: a
        // page's text is mostly such runs, each a word or more long.
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                Append(text[i], sourceOffsets[i]);
                i++;
                continue;
            }

            var end = i + 1;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && sourceOffsets[end] == sourceOffsets[end - 1] + 1)
            {
                end++;
            }

            FlushSpace();
            Add(text[i..end], sourceOffsets[i]);
            i = end;
        }
    }

    /// <summary>Appends text copied verbatim from the original starting at <paramref name="sourceStart"/>.</summary>
    public void AppendSource(string text, int sourceStart)
    {
        for (var i = 0; i < text.Length; i++)
        {
            Append(text[i], sourceStart + i);
        }
    }

    /// <summary>Appends text that came from one place (an entity, a generated character).</summary>
    public void AppendAt(string text, int sourceOffset)
    {
        foreach (var c in text)
        {
            Append(c, sourceOffset);
        }
    }

    /// <summary>Appends a space between pieces, at <paramref name="sourceOffset"/>.</summary>
    public void Space(int sourceOffset) => Append(' ', sourceOffset);

    /// <summary>The text, trimmed, and its map back to the original; null when there is no text.</summary>
    public (string Text, SourceMap Map)? Build()
    {
        var start = 0;
        var end = _text.Length;
        while (start < end && char.IsWhiteSpace(_text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(_text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            return null;
        }

        // The runs that overlap [start, end), cut to it and counted from start.
        var segments = ImmutableArray.CreateBuilder<SourceSegment>();
        foreach (var segment in _segments)
        {
            var from = Math.Max(segment.BlockStart, start);
            var to = Math.Min(segment.BlockStart + segment.Length, end);
            if (from < to)
            {
                segments.Add(new SourceSegment(from - start, segment.SourceStart + (from - segment.BlockStart), to - from));
            }
        }

        return (_text.ToString(start, end - start), new SourceMap(segments.ToImmutable()));
    }

    /// <summary>The current position in the block's text, for recording where a link starts.</summary>
    public int Position
    {
        get
        {
            var leading = 0;
            while (leading < _text.Length && char.IsWhiteSpace(_text[leading]))
            {
                leading++;
            }

            return Math.Max(0, _text.Length - leading + (_pendingSpace && _text.Length > 0 ? 1 : 0));
        }
    }

    private void FlushSpace()
    {
        if (_pendingSpace && _text.Length > 0 && _text[^1] != '\n')
        {
            Add(' ', _pendingSpaceOffset);
        }

        _pendingSpace = false;
    }

    private void Add(char c, int sourceOffset) => Add(new ReadOnlySpan<char>(in c), sourceOffset);

    // Characters that stand at consecutive offsets from sourceOffset on.
    private void Add(ReadOnlySpan<char> characters, int sourceOffset)
    {
        var at = _text.Length;
        _text.Append(characters);
        if (_segments.Count > 0 && _segments[^1] is var last && last.SourceStart + last.Length == sourceOffset)
        {
            _segments[^1] = last with { Length = last.Length + characters.Length };
        }
        else
        {
            _segments.Add(new SourceSegment(at, sourceOffset, characters.Length));
        }
    }
}
