using System.Buffers;
using AngleSharp.Dom;

namespace Provenance.Reading.Html;

/// <summary>
/// The elements the reader's metadata comes from, found in one walk over the page. Each stands for
/// the selector named on it and holds what <c>QuerySelector</c> or <c>QuerySelectorAll</c> would
/// return, in document order; six queries walked the whole tree six times, a tenth of reading a
/// news page.
/// </summary>
internal sealed class PageElements
{
    // Class and id words that mark where a page writes a date or a byline.
    private static readonly SearchValues<string> DateWords = SearchValues.Create(["date", "time", "publish", "posted", "byline", "author"], StringComparison.OrdinalIgnoreCase);

    private PageElements()
    {
    }

    /// <summary><c>meta</c>.</summary>
    public List<IElement> Metas { get; } = [];

    /// <summary>The first <c>title</c>.</summary>
    public IElement? Title { get; private set; }

    /// <summary><c>script[type='application/ld+json']</c>.</summary>
    public List<IElement> JsonLd { get; } = [];

    /// <summary>The first <c>link[rel~='canonical'][href]</c>.</summary>
    public IElement? Canonical { get; private set; }

    /// <summary>The first <c>base[href]</c>.</summary>
    public IElement? Base { get; private set; }

    /// <summary><c>time[datetime]</c>.</summary>
    public List<IElement> Times { get; } = [];

    /// <summary>
    /// Outside script, style and head: <c>time</c>, <c>[itemprop*='datePublished']</c>, <c>[itemprop*='dateModified']</c>
    /// and the elements whose class or id speaks of a date, a time, publishing, posting, a byline or an
    /// author, ignoring case: where a page may show its article's date.
    /// </summary>
    public List<IElement> DateMarked { get; } = [];

    /// <summary>
    /// <c>[rel~='author'], [itemprop~='author'], [class*='byline'], [id*='byline'], [class*='author'],
    /// [id*='author']</c> outside script, style and head: the elements a byline may be read from.
    /// </summary>
    public List<IElement> MarkedAuthors { get; } = [];

    /// <summary>Walks <paramref name="root"/> and every element under it, template contents excepted as in selectors.</summary>
    public static PageElements Find(IElement? root)
    {
        var found = new PageElements();
        if (root is null)
        {
            return found;
        }

        // Depth first over the child node lists, which index in constant time; each list knows
        // whether it is inside a script, style or head, where no byline is looked for.
        found.Visit(root, Skipped(root));
        var stack = new Stack<(INodeList Nodes, int Next, bool Skipped)>();
        stack.Push((root.ChildNodes, 0, Skipped(root)));
        while (stack.TryPop(out var top))
        {
            var (nodes, next, skipped) = top;
            while (next < nodes.Length && nodes[next] is not IElement)
            {
                next++;
            }

            if (next >= nodes.Length)
            {
                continue;
            }

            var element = (IElement)nodes[next];
            stack.Push((nodes, next + 1, skipped));
            var inside = skipped || Skipped(element);
            found.Visit(element, inside);
            var children = element.ChildNodes;
            if (children.Length > 0)
            {
                stack.Push((children, 0, inside));
            }
        }

        return found;
    }

    private static bool Skipped(IElement element) => element.LocalName is "script" or "style" or "head";

    private void Visit(IElement element, bool skipped)
    {
        if (!skipped && IsMarkedAuthor(element))
        {
            MarkedAuthors.Add(element);
        }

        if (!skipped && IsMarkedDate(element))
        {
            DateMarked.Add(element);
        }

        switch (element.LocalName)
        {
            case "meta":
                Metas.Add(element);
                break;
            case "title":
                Title ??= element;
                break;
            // Selectors compare type and rel ignoring case, as HTML has them do; itemprop they do not.
            case "script" when string.Equals(element.GetAttribute("type"), "application/ld+json", StringComparison.OrdinalIgnoreCase):
                JsonLd.Add(element);
                break;
            case "link" when Canonical is null && element.HasAttribute("href") && HasWord(element.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase):
                Canonical = element;
                break;
            case "base" when Base is null && element.HasAttribute("href"):
                Base = element;
                break;
            case "time" when element.HasAttribute("datetime"):
                Times.Add(element);
                break;
        }
    }

    // One pass over the element's attributes: looking each of four up by name costs more.
    private static bool IsMarkedAuthor(IElement element)
    {
        var attributes = element.Attributes;
        if (attributes.Length == 0)
        {
            return false;
        }

        foreach (var attribute in attributes)
        {
            var value = attribute.Value;
            var marked = attribute.Name switch
            {
                // rel is one of the attributes HTML has selectors compare ignoring case.
                "rel" => HasWord(value, "author", StringComparison.OrdinalIgnoreCase),
                "itemprop" => HasWord(value, "author", StringComparison.Ordinal),
                "class" or "id" => value.Contains("byline", StringComparison.Ordinal) || value.Contains("author", StringComparison.Ordinal),
                _ => false,
            };
            if (marked)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMarkedDate(IElement element)
    {
        if (element.LocalName is "time" or "meta")
        {
            return element.LocalName == "time";
        }

        foreach (var attribute in element.Attributes)
        {
            var marked = attribute.Name switch
            {
                "itemprop" => attribute.Value.Contains("datePublished", StringComparison.Ordinal) || attribute.Value.Contains("dateModified", StringComparison.Ordinal),
                "class" or "id" => attribute.Value.AsSpan().IndexOfAny(DateWords) >= 0,
                _ => false,
            };
            if (marked)
            {
                return true;
            }
        }

        return false;
    }

    // CSS [attribute~=word]: one of the value's words, split at ASCII white space.
    internal static bool HasWord(string? value, string word, StringComparison comparison)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var part in value.AsSpan().SplitAny(" \t\n\f\r"))
        {
            if (value.AsSpan(part).Equals(word, comparison))
            {
                return true;
            }
        }

        return false;
    }
}
