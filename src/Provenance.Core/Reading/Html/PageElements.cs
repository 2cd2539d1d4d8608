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

    /// <summary>The first <c>time[pubdate][datetime], time[itemprop~='datePublished'][datetime]</c>.</summary>
    public IElement? PublishedTime { get; private set; }

    /// <summary>Walks <paramref name="root"/> and every element under it, template contents excepted as in selectors.</summary>
    public static PageElements Find(IElement? root)
    {
        var found = new PageElements();
        if (root is null)
        {
            return found;
        }

        // Depth first over the child node lists, which index in constant time. Nodes are tested
        // against the Element class: a test against the IElement interface scans each node's long
        // list of interfaces, and was a third of the walk.
        found.Visit(root);
        var stack = new Stack<(INodeList Nodes, int Next)>();
        stack.Push((root.ChildNodes, 0));
        while (stack.TryPop(out var top))
        {
            var (nodes, next) = top;
            while (next < nodes.Length && nodes[next] is not Element)
            {
                next++;
            }

            if (next >= nodes.Length)
            {
                continue;
            }

            IElement element = (Element)nodes[next];
            stack.Push((nodes, next + 1));
            found.Visit(element);
            var children = element.ChildNodes;
            if (children.Length > 0)
            {
                stack.Push((children, 0));
            }
        }

        return found;
    }

    private void Visit(IElement element)
    {
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
            case "time" when PublishedTime is null && element.HasAttribute("datetime")
                && (element.HasAttribute("pubdate") || HasWord(element.GetAttribute("itemprop"), "datePublished", StringComparison.Ordinal)):
                PublishedTime = element;
                break;
        }
    }

    // CSS [attribute~=word]: one of the value's words, split at ASCII white space.
    private static bool HasWord(string? value, string word, StringComparison comparison)
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
