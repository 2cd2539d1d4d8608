using System.Buffers;
using System.Runtime.InteropServices;
using AngleSharp.Dom;

namespace Provenance.Reading.Html;

/// <summary>
/// What the runs under one element add up to: the figures Readability reads off an element's
/// inner text and descendants (length, link text, commas, paragraphs, list items, headings,
/// images), gathered in one pass over the runs instead of a walk of each element's subtree.
/// </summary>
internal struct ElementStats
{
    /// <summary>Letters of text.</summary>
    public int Characters;

    /// <summary>Letters of text inside links, weighted as <see cref="TextRun.LinkCharacters"/>.</summary>
    public double LinkCharacters;

    /// <summary>Commas, in any script.</summary>
    public int Commas;

    /// <summary>Paragraphs below: runs of a <c>p</c>, or loose text of a <c>div</c> (Readability wraps it in one).</summary>
    public int Paragraphs;

    /// <summary>List items below.</summary>
    public int ListItems;

    /// <summary>Letters inside headings.</summary>
    public int HeadingCharacters;

    /// <summary>Letters inside a paragraph, list, cell, quote or division below the element.</summary>
    public int TextishCharacters;

    /// <summary>Letters inside a list below the element.</summary>
    public int ListCharacters;

    /// <summary>Images below.</summary>
    public int Images;

    /// <summary>Form inputs below.</summary>
    public int Inputs;

    /// <summary>Whether a paragraph, division, list, table, quote, pre or image is below: a <c>div</c> without one reads as a paragraph.</summary>
    public bool HasBlockBelow;

    /// <summary>Whether a table is below.</summary>
    public bool HasTableBelow;

    private static readonly SearchValues<char> CommaCharacters = SearchValues.Create(",\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C");

    /// <summary>The commas of <paramref name="text"/>, as Readability counts them.</summary>
    public static int CountCommas(ReadOnlySpan<char> text)
    {
        var count = 0;
        int at;
        while ((at = text.IndexOfAny(CommaCharacters)) >= 0)
        {
            count++;
            text = text[(at + 1)..];
        }

        return count;
    }

    /// <summary>
    /// Adds each run and image or input to every ancestor it has (up to <paramref name="maxDepth"/>),
    /// leaving out those under an element <paramref name="removed"/> says is gone.
    /// </summary>
    public static Dictionary<IElement, ElementStats> Gather(List<TextRun> runs, List<IElement> media, Func<IElement, bool> removed, int maxDepth)
    {
        var stats = new Dictionary<IElement, ElementStats>(ReferenceEqualityComparer.Instance);
        foreach (var run in runs)
        {
            if (removed(run.Owner))
            {
                continue;
            }

            var owner = run.Owner;
            var tag = owner.LocalName;
            var length = run.Length;
            var commas = CountCommas(run.Built!.Value.Text);
            var paragraph = tag is "p" or "div";
            var item = tag == "li";
            var heading = tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '1' and <= '6';

            // Whether a textish or list element, or a block Readability counts as one, is below the
            // ancestor being added to; the loose text of a div counts as a paragraph of its own.
            var textish = tag == "div";
            var inList = false;
            var block = false;
            var table = false;
            var depth = 0;
            for (var e = owner; e is not null && depth < maxDepth; e = e.ParentElement, depth++)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(stats, e, out _);
                entry.Characters += length;
                entry.LinkCharacters += run.LinkCharacters;
                entry.Commas += commas;
                entry.Paragraphs += paragraph ? 1 : 0;
                entry.ListItems += item ? 1 : 0;
                entry.HeadingCharacters += heading ? length : 0;
                entry.TextishCharacters += textish ? length : 0;
                entry.ListCharacters += inList ? length : 0;
                entry.HasBlockBelow |= block;
                entry.HasTableBelow |= table;

                var name = e.LocalName;
                textish |= IsTextish(name);
                inList |= name is "ul" or "ol";
                block |= IsDivToParagraphBlock(name);
                table |= name == "table";
            }
        }

        foreach (var element in media)
        {
            var parent = element.ParentElement;
            if (parent is null || removed(parent))
            {
                continue;
            }

            var image = element.LocalName is "img" or "picture";
            var depth = 0;
            for (var e = parent; e is not null && depth < maxDepth; e = e.ParentElement, depth++)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(stats, e, out _);
                entry.Images += image ? 1 : 0;
                entry.Inputs += image ? 0 : 1;
                entry.HasBlockBelow |= image;
            }
        }

        return stats;
    }

    /// <summary>Readability's DIV_TO_P_ELEMS: a div holding none of these is a paragraph.</summary>
    public static bool IsDivToParagraphBlock(string tag) => tag is "blockquote" or "dl" or "div" or "img" or "ol" or "p" or "pre" or "table" or "ul";

    private static bool IsTextish(string tag) => tag is "span" or "li" or "td" || IsDivToParagraphBlock(tag);
}
