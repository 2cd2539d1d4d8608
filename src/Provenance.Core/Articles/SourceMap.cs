using System.Collections.Immutable;
using Provenance.Text;

namespace Provenance.Articles;

/// <summary>One run of a block's text that is copied unchanged from the original file.</summary>
/// <param name="BlockStart">Offset of the run in the block's text.</param>
/// <param name="SourceStart">Offset of the run in the original file.</param>
/// <param name="Length">Length of the run.</param>
public readonly record struct SourceSegment(int BlockStart, int SourceStart, int Length);

/// <summary>
/// Maps offsets in a block's text back to offsets in the original file. Readers that strip markup
/// (HTML, Markdown) produce several segments; plain text produces one identity run.
/// </summary>
public sealed class SourceMap
{
    private readonly ImmutableArray<SourceSegment> _segments;

    /// <summary>Builds a map from segments sorted by <see cref="SourceSegment.BlockStart"/>.</summary>
    public SourceMap(ImmutableArray<SourceSegment> segments)
    {
        if (segments.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A source map needs at least one segment.", nameof(segments));
        }

        _segments = segments;
    }

    /// <summary>The segments, in block order.</summary>
    public ImmutableArray<SourceSegment> Segments => _segments;

    /// <summary>A map for a block whose text is the original text at <paramref name="span"/>.</summary>
    public static SourceMap Identity(TextSpan span) => new([new SourceSegment(0, span.Start, span.Length)]);

    /// <summary>The original offset of a block offset; an offset between segments maps to the end of the earlier one.</summary>
    public int ToSource(int blockOffset)
    {
        var segment = _segments[0];
        foreach (var candidate in _segments)
        {
            if (candidate.BlockStart > blockOffset)
            {
                break;
            }

            segment = candidate;
        }

        var delta = Math.Min(Math.Max(blockOffset - segment.BlockStart, 0), segment.Length);
        return segment.SourceStart + delta;
    }

    /// <summary>The original span covering a span of the block's text.</summary>
    public TextSpan ToSource(TextSpan blockSpan)
    {
        var start = ToSource(blockSpan.Start);
        if (blockSpan.IsEmpty)
        {
            return new TextSpan(start, 0);
        }

        // The end is mapped from the last character, so a span ending at a segment's edge
        // does not stretch over the markup that follows it.
        var end = ToSource(blockSpan.End - 1) + 1;
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }
}
