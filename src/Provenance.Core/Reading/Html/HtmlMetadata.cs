using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Reading.Html;

/// <summary>
/// Reads a page's metadata from its head and its JSON-LD: title, authors, dates, site name,
/// canonical URL, description, tags, and the schema.org provenance fields (isBasedOn, citation,
/// IPTC digitalSourceType). Each value keeps the span of the tag it came from.
/// </summary>
internal static partial class HtmlMetadata
{
    private static readonly string[] TitleKeys = ["og:title", "twitter:title", "dc.title", "sailthru.title", "parsely-title"];
    private static readonly string[] AuthorKeys = ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl", "og:article:author"];
    private static readonly string[] PublishedKeys = ["article:published_time", "og:article:published_time", "article:published", "datepublished", "parsely-pub-date", "dc.date.issued", "dc.date", "pubdate", "publish-date", "publish_date", "publishdate", "date", "sailthru.date", "article.published", "published_time", "article:publicationdate"];
    private static readonly string[] ModifiedKeys = ["article:modified_time", "og:updated_time", "article:modified", "datemodified", "dc.date.modified", "last-modified"];
    private static readonly string[] SiteKeys = ["og:site_name", "application-name", "twitter:site"];
    private static readonly string[] DescriptionKeys = ["og:description", "description", "twitter:description", "dc.description"];
    private static readonly string[] TagKeys = ["article:tag", "keywords", "news_keywords"];

    /// <summary>
    /// Reads the head's metadata and the page's JSON-LD into <paramref name="metadata"/>; returns the
    /// authors the meta tags name, which count after the page's own byline (<see cref="ReadPage"/>).
    /// </summary>
    public static List<MetadataField> Read(PageElements elements, string html, Uri? baseUri, MetadataCollector metadata)
    {
        var metas = new Dictionary<string, List<(string Value, TextSpan Span)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in elements.Metas)
        {
            var content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            // A meta may name its value several ways at once (property="article:published"
            // itemprop="datePublished"); an itemprop belongs to the item around it, which may be a
            // video or a comment rather than the article.
            var span = TagSpan(meta, html);
            AddKeys(metas, meta.GetAttribute("property") ?? meta.GetAttribute("name"), content, span);
            if (meta.GetAttribute("itemprop") is { } itemprop && InArticleScope(meta))
            {
                AddKeys(metas, itemprop, content, span);
            }
        }

        var documentTitle = elements.Title is { } titleElement ? Collapse(titleElement.TextContent) : string.Empty;
        MetadataField? structuredUrl = null;
        foreach (var script in elements.JsonLd)
        {
            structuredUrl ??= JsonLd(script, html, documentTitle, metadata);
        }

        First(metadata.Title is null, metas, TitleKeys, v => metadata.Title = v with { Value = CleanTitle(Collapse(v.Value), metas, strict: true) });
        if (metadata.Title is null && elements.Title is { } title && documentTitle.Length > 0)
        {
            metadata.Title = new MetadataField(CleanTitle(documentTitle, metas, strict: false), TagSpan(title, html));
        }

        var metaAuthors = new List<MetadataField>();
        foreach (var key in AuthorKeys)
        {
            foreach (var (value, span) in metas.GetValueOrDefault(key) ?? [])
            {
                if (!value.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    metaAuthors.AddRange(AuthorNames(value).Select(name => new MetadataField(name, span)));
                }
            }

            if (metaAuthors.Count > 0)
            {
                break;
            }
        }

        First(metadata.Published is null, metas, PublishedKeys, v => metadata.Published = v with { Value = MetadataLines.NormaliseDate(v.Value) });
        First(metadata.Modified is null, metas, ModifiedKeys, v => metadata.Modified = v with { Value = MetadataLines.NormaliseDate(v.Value) });
        First(metadata.SiteName is null, metas, SiteKeys, v => metadata.SiteName = v);
        First(metadata.Description is null, metas, DescriptionKeys, v => metadata.Description = v);
        foreach (var key in TagKeys)
        {
            foreach (var (value, span) in metas.GetValueOrDefault(key) ?? [])
            {
                foreach (var tag in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    metadata.Tags.Add(new MetadataField(tag, span));
                }
            }
        }

        if (elements.Canonical is { } canonical)
        {
            metadata.CanonicalUrl ??= new MetadataField(Resolve(canonical.GetAttribute("href")!, baseUri), TagSpan(canonical, html));
        }

        First(metadata.CanonicalUrl is null, metas, ["og:url"], v => metadata.CanonicalUrl = v);

        // The structured data's own address of the article, for pages that give neither a
        // canonical link nor og:url (Wikipedia gives only this): it names the publisher.
        metadata.CanonicalUrl ??= structuredUrl;
        return metaAuthors;
    }

    /// <summary>The span of an element's start tag in the source.</summary>
    public static TextSpan TagSpan(IElement element, string html)
    {
        var start = Math.Clamp((element.SourceReference?.Position.Position ?? 1) - 1, 0, html.Length);
        var end = html.IndexOf('>', start);
        return TextSpan.FromBounds(start, end < 0 ? html.Length : end + 1);
    }

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private static void AddKeys(Dictionary<string, List<(string Value, TextSpan Span)>> metas, string? key, string content, TextSpan span)
    {
        foreach (var part in (key ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            (metas.TryGetValue(part, out var list) ? list : metas[part] = []).Add((content.Trim(), span));
        }
    }

    /// <summary>
    /// An author credit as metadata writes it, cleaned: "By JEFFREY GETTLEMAN" is Jeffrey Gettleman's,
    /// "Bradley M. Kuhn (http://ebb.org/bkuhn/)" Bradley M. Kuhn's, "Jane Doe and John Roe" two people's.
    /// A value that reads as one name stays whole ("Organization for Transformative Works").
    /// </summary>
    private static IEnumerable<string> AuthorNames(string value)
    {
        var text = Collapse(value);

        // Dublin Core writes a creator surname first: "Kooman, F.", "Jong, Michiel de".
        if (InvertedName().Match(text) is { Success: true } inverted)
        {
            return [$"{inverted.Groups["given"].Value} {inverted.Groups["surname"].Value}"];
        }

        var names = BylineText.Names(text, requirePrefix: false);
        if (names.Count > 1)
        {
            return names.Select(n => text.Substring(n.Start, n.Length));
        }

        var cleaned = AuthorNoise().Replace(BylineStart().Replace(text, string.Empty), string.Empty).Trim();
        return cleaned.Length > 0 ? [cleaned] : [];
    }

    // The nearest item around an element, if any, must be the article (or the page) for its
    // itemprop to describe the article: a VideoObject's datePublished dates the video.
    private static bool InArticleScope(IElement element)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.GetAttribute("itemtype") is { } type)
            {
                var name = type.AsSpan().TrimEnd('/');
                name = name[(name.LastIndexOf('/') + 1)..];
                return name.EndsWith("Article", StringComparison.Ordinal) || name is "BlogPosting" or "Report" or "WebPage" or "CreativeWork" or "SocialMediaPosting" or "LiveBlogPosting" or "ItemPage";
            }
        }

        return true;
    }

    private static void First(bool wanted, Dictionary<string, List<(string Value, TextSpan Span)>> metas, string[] keys, Action<MetadataField> set)
    {
        if (!wanted)
        {
            return;
        }

        foreach (var key in keys)
        {
            if (metas.TryGetValue(key, out var values) && values.Count > 0)
            {
                set(new MetadataField(values[0].Value, values[0].Span));
                return;
            }
        }
    }

    // "Headline | Site" and "Headline - Site" lose the site part when it names the site (strict,
    // for titles publishers set for sharing) or is short (for the document title).
    private static string CleanTitle(string title, Dictionary<string, List<(string Value, TextSpan Span)>> metas, bool strict)
    {
        var site = metas.GetValueOrDefault("og:site_name")?.FirstOrDefault().Value;
        var match = TitleSeparator().Match(title);
        if (!match.Success)
        {
            return title;
        }

        var head = title[..match.Index].Trim();
        var tail = title[(match.Index + match.Length)..].Trim();
        var namesSite = site is not null && (tail.Contains(site, StringComparison.OrdinalIgnoreCase) || site.Contains(tail, StringComparison.OrdinalIgnoreCase));
        var looksLikeSite = tail.Contains('.', StringComparison.Ordinal) && !tail.Contains(' ', StringComparison.Ordinal);
        var tailIsSite = namesSite || looksLikeSite || (!strict && site is null && tail.Split(' ').Length <= 4);
        return tailIsSite && head.Split(' ').Length >= 3 ? head : title;
    }

    private static string Resolve(string href, Uri? baseUri) =>
        baseUri is not null && Uri.TryCreate(baseUri, href, out var resolved) ? resolved.ToString() : href;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<surname>\p{Lu}[\p{L}'’-]+),\s*(?<given>\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|den|da|di|du|la|le))*)$", RegexOptions.CultureInvariant)]
    private static partial Regex InvertedName();

    [GeneratedRegex(@"^(?i:by)(?:\s*:\s*|\s+)", RegexOptions.CultureInvariant)]
    private static partial Regex BylineStart();

    // A link or a user name in brackets after a name: "(http://ebb.org/bkuhn/)", "(stevenhgm)".
    [GeneratedRegex(@"\s*\((?:https?://[^)]*|www\.[^)]*|@?[\p{Ll}\d_.]+)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorNoise();

    [GeneratedRegex(@"\s+[|\-/»\\>]\s+(?!.*\s[|\-/»\\>]\s)")]
    private static partial Regex TitleSeparator();
}
