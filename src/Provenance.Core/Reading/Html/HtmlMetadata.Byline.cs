using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Provenance.Articles;

namespace Provenance.Reading.Html;

/// <summary>The page's own byline, when its metadata names no author.</summary>
internal static partial class HtmlMetadata
{
    // Readability's byline search: an element marked as the author (rel, itemprop, class or id)
    // whose text is short enough to be a name.
    private static void PageByline(IHtmlDocument document, string html, MetadataCollector metadata)
    {
        foreach (var element in document.DocumentElement is { } root ? MarkedAuthors(root) : [])
        {
            var name = element.QuerySelector("[itemprop~='name']")?.TextContent ?? element.TextContent;
            name = BylinePrefix().Replace(Collapse(name), string.Empty).Trim();
            if (name.Length is > 2 and < 100 && TextUnit.HasAtMostWords(name, 8) && !name.Contains("author", StringComparison.OrdinalIgnoreCase))
            {
                metadata.AddAuthor(new MetadataField(name, TagSpan(element, html)));
                return;
            }
        }
    }

    /// <summary>
    /// The elements the selector list <c>[rel~='author'], [itemprop~='author'], [class*='byline'],
    /// [id*='byline'], [class*='author'], [id*='author']</c> finds outside script, style and head, in
    /// document order. Matched here: the list's six attribute tests on every element of a page
    /// made it the costliest of the reader's queries.
    /// </summary>
    internal static IEnumerable<IElement> MarkedAuthors(IElement root)
    {
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.TryPop(out var element))
        {
            if (element.LocalName is "script" or "style" or "head")
            {
                continue;
            }

            if (IsMarkedAuthor(element))
            {
                yield return element;
            }

            var children = element.Children;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    private static bool IsMarkedAuthor(IElement element) =>
        HasWord(element.GetAttribute("rel"), "author", StringComparer.OrdinalIgnoreCase) ||
        HasWord(element.GetAttribute("itemprop"), "author", StringComparer.Ordinal) ||
        element.GetAttribute("class") is { } classes && (classes.Contains("byline", StringComparison.Ordinal) || classes.Contains("author", StringComparison.Ordinal)) ||
        element.GetAttribute("id") is { } id && (id.Contains("byline", StringComparison.Ordinal) || id.Contains("author", StringComparison.Ordinal));

    // CSS [attribute~=word]: one of the value's words, split at ASCII white space; rel is one of
    // the attributes HTML compares ignoring case in selectors.
    private static bool HasWord(string? value, string word, StringComparer comparer) =>
        value is not null && value.Split([' ', '\t', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries).Contains(word, comparer);

    [GeneratedRegex(@"^(?:by|par|von|por|di|door)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex BylinePrefix();
}
