using System.Collections.Immutable;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Reporting;

/// <summary>
/// An article as its reader understood it — title, standfirst, byline, body, footer zone — with
/// every finding placed in that text, for showing an HTML page as a reader sees it rather than as
/// its markup. Findings keep their place in the original file; this only says where their text
/// lies in the blocks read from it.
/// </summary>
/// <param name="Blocks">The blocks in document order, each with its highlights.</param>
/// <param name="Outside">The located findings whose text lies in no block (a <c>&lt;meta&gt;</c>
/// author, a JSON-LD date), with the markup to show for each.</param>
/// <param name="ReadText">Per finding, the text its highlights spell in the blocks (empty for a
/// finding about the whole article or one outside every block).</param>
public sealed record ReadView(ImmutableArray<ReadBlock> Blocks, ImmutableArray<OutsideFinding> Outside, ImmutableArray<string> ReadText)
{
    /// <summary>Places <paramref name="findings"/> (as the report lists them) in the blocks of <paramref name="article"/>.</summary>
    public static ReadView Of(Article article, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(findings);
        var ranges = new List<(int Block, int Start, int End, int Finding)>();
        var outside = ImmutableArray.CreateBuilder<OutsideFinding>();
        var readText = new string[findings.Count];
        for (var i = 0; i < findings.Count; i++)
        {
            readText[i] = string.Empty;
            // A copy's finding spans whole passages shared with another file: it is about the
            // article, as a missing byline is, not a phrase to highlight.
            var span = findings[i].Span;
            if (span.IsEmpty || !findings[i].Related.IsEmpty)
            {
                continue;
            }

            var found = false;
            for (var b = 0; b < article.Blocks.Length; b++)
            {
                if (InBlock(article.Blocks[b], span) is { } range)
                {
                    ranges.Add((b, range.Start, range.End, i));
                    readText[i] += article.Blocks[b].Text[range.Start..range.End];
                    found = true;
                }
            }

            if (!found)
            {
                outside.Add(new OutsideFinding(i, MarkupLabel(findings[i])));
            }
        }

        var blocks = ImmutableArray.CreateBuilder<ReadBlock>(article.Blocks.Length);
        for (var b = 0; b < article.Blocks.Length; b++)
        {
            var block = article.Blocks[b];
            var start = article.Source.GetLinePosition(block.Map.ToSource(0));
            blocks.Add(new ReadBlock(block.Kind, block.Zone, block.Text, start, Pieces([.. ranges.Where(r => r.Block == b).Select(r => (r.Start, r.End, r.Finding))])));
        }

        return new ReadView(blocks.MoveToImmutable(), outside.ToImmutable(), [.. readText]);
    }

    /// <summary>
    /// The text a report shows for a finding: where its highlights are in the blocks, or the
    /// markup it was read from; empty for a finding about the whole article.
    /// </summary>
    public string Shown(int finding)
    {
        foreach (var outside in Outside)
        {
            if (outside.Finding == finding)
            {
                return outside.Markup;
            }
        }

        return ReadText[finding];
    }

    // A finding read from the page's markup is shown by its tag (a <meta> with its content),
    // shortened; structured data by name, since a report shows no script text.
    private static string MarkupLabel(Finding finding)
    {
        var text = finding.MatchedText.ReplaceLineEndings(" ");
        if (text.StartsWith("<script", StringComparison.OrdinalIgnoreCase))
        {
            return "the page's structured data (JSON-LD)";
        }

        if (text.Length <= 160)
        {
            return text;
        }

        // Cut before a character, never inside a surrogate pair.
        var cut = Utf16Text.CutBefore(text, 159);
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    // The block text a source span covers: from the first to the last character copied from
    // inside the span, so markup and entities between its runs fall away and the text the reader
    // put between them (a space for a line break) stays.
    private static (int Start, int End)? InBlock(Block block, TextSpan span)
    {
        int? first = null;
        var last = 0;
        foreach (var segment in block.Map.Segments)
        {
            var low = Math.Max(segment.SourceStart, span.Start);
            var high = Math.Min(segment.SourceStart + segment.Length, span.End);
            if (low >= high)
            {
                continue;
            }

            var start = segment.BlockStart + (low - segment.SourceStart);
            first = Math.Min(first ?? start, start);
            last = Math.Max(last, start + (high - low));
        }

        return first is { } from ? (from, last) : null;
    }

    /// <summary>
    /// Highlights for findings' ranges in one text. Ranges may overlap, so the text is cut at
    /// every range boundary and each piece names all the findings that cover it; a finding's
    /// highlight is the union of its pieces.
    /// </summary>
    internal static ImmutableArray<ReadMark> Pieces(IReadOnlyList<(int Start, int End, int Finding)> ranges)
    {
        if (ranges.Count == 0)
        {
            return [];
        }

        var cuts = new SortedSet<int>();
        foreach (var (start, end, _) in ranges)
        {
            cuts.Add(start);
            cuts.Add(end);
        }

        var points = cuts.ToList();
        var marks = ImmutableArray.CreateBuilder<ReadMark>();
        for (var k = 0; k + 1 < points.Count; k++)
        {
            var (from, to) = (points[k], points[k + 1]);
            var covering = ranges.Where(r => r.Start <= from && r.End >= to).Select(r => r.Finding).Distinct().ToImmutableArray();
            if (!covering.IsEmpty)
            {
                marks.Add(new ReadMark(from, to, covering));
            }
        }

        return marks.ToImmutable();
    }
}

/// <summary>One block of a <see cref="ReadView"/>.</summary>
/// <param name="Kind">What the reader took it for.</param>
/// <param name="Zone">The article or the footer zone after it.</param>
/// <param name="Text">Its text, as the rules saw it.</param>
/// <param name="Start">Where it starts in the original file.</param>
/// <param name="Marks">Highlighted pieces of <paramref name="Text"/>, in order and not overlapping.</param>
public sealed record ReadBlock(BlockKind Kind, Zone Zone, string Text, LinePosition Start, ImmutableArray<ReadMark> Marks);

/// <summary>A highlighted piece of a block's text.</summary>
/// <param name="Start">Offset of the piece in the block's text.</param>
/// <param name="End">Offset just past it.</param>
/// <param name="Findings">Indexes of the findings that cover it.</param>
public readonly record struct ReadMark(int Start, int End, ImmutableArray<int> Findings);

/// <summary>A finding whose text is in a page's markup rather than in any block.</summary>
/// <param name="Finding">Its index in the findings the view was made for.</param>
/// <param name="Markup">What to show for it: the tag it was read from, shortened, or a name for structured data.</param>
public sealed record OutsideFinding(int Finding, string Markup);
