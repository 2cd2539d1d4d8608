using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Reading.Html;

/// <summary>
/// What the page itself shows of its article, read once the article has been found: its byline and
/// its date, looked for first in the article's head and body (from the headline's container to the
/// end of the body), where a byline or a date belongs to the article and not to a teaser, a sidebar
/// or a comment.
/// </summary>
internal static partial class HtmlMetadata
{
    // A byline element holds a few names, perhaps a date, an avatar and a link or two; an element
    // marked "author" with more under it is a container (an author-named body class, a bio box).
    private const int MaxBylineElements = 40;
    private const int MaxDateTextLength = 160;

    /// <summary>
    /// Reads the page's byline and dates into <paramref name="metadata"/> where its JSON-LD and meta
    /// tags left them empty: the byline in the article's head, then the meta tags' authors
    /// (<paramref name="metaAuthors"/>), then a byline elsewhere on the page; the published date from
    /// the article's own markup, its <c>time</c>, then a date shown by its byline.
    /// </summary>
    public static void ReadPage(PageElements elements, string html, ArticleZone zone, List<MetadataField> metaAuthors, MetadataCollector metadata)
    {
        if (metadata.Authors.Count == 0)
        {
            PageByline(elements, html, zone, inZone: true, metadata);
        }

        if (metadata.Authors.Count == 0)
        {
            foreach (var author in metaAuthors)
            {
                metadata.AddAuthor(author);
            }
        }

        if (metadata.Authors.Count == 0)
        {
            PageByline(elements, html, zone, inZone: false, metadata);
        }

        metadata.Published ??= MarkedDate(elements, html, zone, "datePublished");
        metadata.Modified ??= MarkedDate(elements, html, zone, "dateModified");
        metadata.Published ??= ZoneTime(elements, html, zone) ?? ShownDate(elements, html, zone);
    }

    /// <summary>The day in the page's address, as permalinks write it (/2015/03/18/): the last place a date is looked for.</summary>
    public static MetadataField? AddressDate(MetadataField? canonical)
    {
        var match = canonical is null ? Match.Empty : AddressDay().Match(canonical.Value);
        return match.Success && DateText.Find(match.Value) is { } day ? canonical! with { Value = day.Day } : null;
    }

    // Readability's byline search: an element marked as the author (rel, itemprop, class or id).
    // Within it the names are in the elements marked as names (an author link, itemprop="name"),
    // when there are any; a job title or a date beside them is not a name.
    private static void PageByline(PageElements elements, string html, ArticleZone zone, bool inZone, MetadataCollector metadata)
    {
        // Outside the article, only after its start: a post's footer ("Posted by …") follows its
        // body; the masthead and the navigation before the headline name no author of it.
        foreach (var element in elements.MarkedAuthors)
        {
            if (zone.Contains(element) != inZone || (!inZone && zone.Before(element)) || zone.IsFurniture(element) || !IsSmall(element))
            {
                continue;
            }

            var leaves = NameElements(element);
            foreach (var leaf in leaves)
            {
                AddNames(metadata, Text(leaf), TagSpan(leaf, html));
            }

            if (metadata.Authors.Count == 0)
            {
                AddNames(metadata, Text(element), TagSpan(element, html));
            }

            if (metadata.Authors.Count > 0)
            {
                return;
            }
        }

        // The article's head may write its byline in plain words, in no element marked as one.
        if (inZone)
        {
            HeadByline(html, zone, metadata);
        }
    }

    // A byline the article's head writes in words: "By Jane Doe", "On 6/13/2018 by @lazharichir",
    // "2/26/2015 7:11 AM PST BY TMZ STAFF" (in an element marked as the date), or a lone "by"
    // between a work's title and its author's name ("Super Supportive <span>by</span> <h3>Sleyca</h3>").
    // The "by" opens the element's text or follows its date: after other words ("A report
    // released by Human Rights Watch") it is a sentence's, and the headline is no byline.
    private static void HeadByline(string html, ArticleZone zone, MetadataCollector metadata)
    {
        if (zone.Head is not { } head)
        {
            return;
        }

        foreach (var element in FromOn(head))
        {
            if (zone.AfterHead(element))
            {
                return;
            }

            if (!HasOwnBy(element) || zone.IsHeadline(element) || zone.IsFurniture(element) || !IsSmall(element)
                || Text(element) is not { Length: < MaxDateTextLength } text || FirstBy(text) is not { } by)
            {
                continue;
            }

            var (credit, source) = (text[by..], element);
            if (EmptyAfterBy().IsMatch(credit))
            {
                // The name is the element's next sibling: "<span>by</span> <h3>Sleyca</h3>".
                if (element.NextElementSibling is not { } next || !IsSmall(next) || Text(next) is not { Length: > 0 and < MaxDateTextLength } name)
                {
                    continue;
                }

                (credit, source) = ($"by {name}", next);
            }

            var names = MetadataLines.ReadByline(credit);
            foreach (var name in names)
            {
                metadata.AddAuthor(new MetadataField(credit.Substring(name.Start, name.Length), TagSpan(source, html)));
            }

            if (names.Count > 0)
            {
                return;
            }
        }
    }

    // Where the credit's "by" is: at the start of the text, or after a date and a few words about it
    // ("On 6/13/2018 by", "Posted March 3, 2019 at 9:14 am by").
    private static int? FirstBy(string text)
    {
        foreach (Match by in ByWord().Matches(text))
        {
            var before = text.AsSpan(0, by.Index).Trim();
            if (before.IsEmpty)
            {
                return by.Index;
            }

            if (DateText.Find(before.ToString()) is { } date && before.Length - (date.Index + date.Length) <= 40
                && before[..date.Index].Count(' ') <= 3)
            {
                return by.Index;
            }
        }

        return null;
    }

    // Whether one of the element's own text nodes holds the word "by": the element that writes the credit, not one around it.
    private static bool HasOwnBy(IElement element)
    {
        foreach (var node in element.ChildNodes)
        {
            if (node is IText text && text.Data.Length >= 2 && ByWord().IsMatch(text.Data))
            {
                return true;
            }
        }

        return false;
    }

    // The element, then everything after it in document order.
    private static IEnumerable<IElement> FromOn(IElement start)
    {
        yield return start;
        foreach (var element in start.Descendants<IElement>())
        {
            yield return element;
        }

        for (var e = start; e is not null; e = e.ParentElement)
        {
            for (var sibling = e.NextElementSibling; sibling is not null; sibling = sibling.NextElementSibling)
            {
                yield return sibling;
                foreach (var element in sibling.Descendants<IElement>())
                {
                    yield return element;
                }
            }
        }
    }

    private static void AddNames(MetadataCollector metadata, string text, TextSpan span)
    {
        if (text.Length is > 1 and < 200)
        {
            foreach (var name in BylineText.Names(text, requirePrefix: false))
            {
                metadata.AddAuthor(new MetadataField(text.Substring(name.Start, name.Length), span));
            }
        }
    }

    // The innermost elements under a byline marked as an author or a name.
    private static List<IElement> NameElements(IElement byline)
    {
        var marked = byline.Descendants<IElement>().Where(IsNameMarked).ToList();
        return [.. marked.Where(e => !marked.Any(other => other != e && e.Contains(other)))];
    }

    // Marked as the author or as a name ("author-name", "fn", itemprop="name"); not "sourcename", a source's name.
    private static bool IsNameMarked(IElement element) =>
        HasWord(element.GetAttribute("rel"), "author") || HasWord(element.GetAttribute("itemprop"), "author") || HasWord(element.GetAttribute("itemprop"), "name")
        || Contains(element.ClassName, "author") || Contains(element.Id, "author") || (element.ClassName is { } names && NameClass().IsMatch(names));

    private static bool IsSmall(IElement element)
    {
        var count = 0;
        foreach (var _ in element.Descendants<IElement>())
        {
            if (++count > MaxBylineElements)
            {
                return false;
            }
        }

        return true;
    }

    // An element explicitly marked as the article's date (itemprop, pubdate) in the article's item.
    private static MetadataField? MarkedDate(PageElements elements, string html, ArticleZone zone, string property)
    {
        var published = property == "datePublished";
        foreach (var pass in (bool[])[true, false])
        {
            foreach (var element in elements.DateMarked)
            {
                var marked = HasWord(element.GetAttribute("itemprop"), property) || (published && element.HasAttribute("pubdate"));
                if (marked && zone.Contains(element) == pass && !zone.IsFurniture(element) && InArticleScope(element)
                    && Day(element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? Text(element)) is { } day)
                {
                    return new MetadataField(day, TagSpan(element, html));
                }
            }
        }

        return null;
    }

    // The article's own <time>: the first in its head or body that is not marked as a modification.
    private static MetadataField? ZoneTime(PageElements elements, string html, ArticleZone zone)
    {
        foreach (var time in elements.Times)
        {
            if ((zone.Contains(time) || zone.InMain(time)) && !IsModified(time) && !zone.IsFurniture(time)
                && Day(time.GetAttribute("datetime")!) is { } day)
            {
                return new MetadataField(day, TagSpan(time, html));
            }
        }

        return null;
    }

    // A date the article's head shows in words: "posted on April 21, 2015", "By Joshua Sokol May 20, 2019",
    // "2/26/2015 7:11 AM PST"; failing that, one marked as the publication above the headline
    // ("Published: 2017-08-15" in a work's details). Dates in the body (a reference's, a caption's)
    // and in a data table (an infobox) are not the article's.
    private static MetadataField? ShownDate(PageElements elements, string html, ArticleZone zone)
    {
        foreach (var pass in (bool[])[true, false])
        {
            foreach (var element in elements.DateMarked)
            {
                var candidate = pass
                    ? zone.InHead(element)
                    : !zone.After(element) && Contains($"{element.ClassName} {element.Id}", "publish");
                if (!candidate || IsModified(element) || zone.IsFurniture(element) || zone.InDataTable(element) || !IsSmall(element))
                {
                    continue;
                }

                var text = Text(element);
                if (text.Length < MaxDateTextLength && !Revision().IsMatch(text) && DateText.Find(text) is { } found)
                {
                    return new MetadataField(found.Day, TagSpan(element, html));
                }
            }
        }

        return null;
    }

    private static string? Day(string value) => DateText.Find(value.Trim()) is { } found ? found.Day : null;

    // Marked as the last change and not as the publication: itemprop="dateModified", class="updated".
    private static bool IsModified(IElement element)
    {
        var names = $"{element.ClassName} {element.Id} {element.GetAttribute("itemprop")}";
        return (names.Contains("modif", StringComparison.OrdinalIgnoreCase) || names.Contains("update", StringComparison.OrdinalIgnoreCase))
            && !names.Contains("publish", StringComparison.OrdinalIgnoreCase);
    }

    // The element's text with a space wherever text nodes meet ("Lucas Nolan" and "22 Dec 2016" in
    // sibling spans stay two words), script and style left out.
    private static string Text(IElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Descendants())
        {
            if (node is IText t && t.ParentElement?.LocalName is not ("script" or "style"))
            {
                text.Append(t.Data).Append(' ');
            }
        }

        return Collapse(text.ToString());
    }

    private static bool HasWord(string? value, string word) => PageElements.HasWord(value, word, StringComparison.Ordinal);

    private static bool Contains(string? value, string word) => value?.Contains(word, StringComparison.OrdinalIgnoreCase) == true;

    // "Updated March 3", "Last updated: January 7, 2025", "Modified": a revision, not the
    // publication; ". Retrieved 2016-05-01": when a reference was read.
    [GeneratedRegex(@"^\W*(?:(?:last\s+)?(?:updated|modified|edited|revised)|retrieved|accessed|archived)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Revision();

    [GeneratedRegex(@"\b(?i:by)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ByWord();

    [GeneratedRegex(@"^(?i:by)\s*:?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex EmptyAfterBy();

    [GeneratedRegex(@"(?:^|[\s_-])(?:name|fn)(?:$|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameClass();

    [GeneratedRegex(@"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?=/|[-_.]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex AddressDay();
}
