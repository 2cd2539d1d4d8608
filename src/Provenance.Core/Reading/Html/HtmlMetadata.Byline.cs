using System.Text.RegularExpressions;
using Provenance.Articles;

namespace Provenance.Reading.Html;

/// <summary>The page's own byline, when its metadata names no author.</summary>
internal static partial class HtmlMetadata
{
    // Readability's byline search: an element marked as the author (rel, itemprop, class or id)
    // whose text is short enough to be a name.
    private static void PageByline(PageElements elements, string html, MetadataCollector metadata)
    {
        foreach (var element in elements.MarkedAuthors)
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

    [GeneratedRegex(@"^(?:by|par|von|por|di|door)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex BylinePrefix();
}
