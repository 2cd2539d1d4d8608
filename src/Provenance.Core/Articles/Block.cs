using Provenance.Text;

namespace Provenance.Articles;

/// <summary>A unit of an article's structure: its kind, its zone, its text and where that text came from.</summary>
/// <param name="Kind">What the block is.</param>
/// <param name="Zone">Which part of the page it sits in.</param>
/// <param name="Text">The block's text as rules see it (markup removed).</param>
/// <param name="Map">Maps offsets in <paramref name="Text"/> to the original file.</param>
public sealed record Block(BlockKind Kind, Zone Zone, string Text, SourceMap Map)
{
    /// <summary>The span of the original file this block was read from.</summary>
    public TextSpan SourceSpan => Map.ToSource(new TextSpan(0, Text.Length));
}
