using System.Text.Json;
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
    private static readonly string[] PublishedKeys = ["article:published_time", "og:article:published_time", "datepublished", "parsely-pub-date", "dc.date.issued", "dc.date", "pubdate", "publish-date", "publishdate", "date", "sailthru.date", "article.published", "published_time"];
    private static readonly string[] ModifiedKeys = ["article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "last-modified"];
    private static readonly string[] SiteKeys = ["og:site_name", "application-name", "twitter:site"];
    private static readonly string[] DescriptionKeys = ["og:description", "description", "twitter:description", "dc.description"];
    private static readonly string[] TagKeys = ["article:tag", "keywords", "news_keywords"];

    public static void Read(PageElements elements, string html, Uri? baseUri, MetadataCollector metadata)
    {
        var metas = new Dictionary<string, List<(string Value, TextSpan Span)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in elements.Metas)
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            var content = meta.GetAttribute("content");
            if (key is not null && !string.IsNullOrWhiteSpace(content))
            {
                foreach (var part in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    (metas.TryGetValue(part, out var list) ? list : metas[part] = []).Add((content.Trim(), TagSpan(meta, html)));
                }
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

        if (metadata.Authors.Count == 0)
        {
            PageByline(elements, html, metadata);
        }

        if (metadata.Authors.Count == 0)
        {
            foreach (var key in AuthorKeys)
            {
                foreach (var (value, span) in metas.GetValueOrDefault(key) ?? [])
                {
                    if (!value.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                    {
                        metadata.AddAuthor(new MetadataField(value, span));
                    }
                }

                if (metadata.Authors.Count > 0)
                {
                    break;
                }
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
        if (metadata.Published is null && elements.PublishedTime is { } time)
        {
            metadata.Published = new MetadataField(MetadataLines.NormaliseDate(time.GetAttribute("datetime")!), TagSpan(time, html));
        }
    }

    /// <summary>The span of an element's start tag in the source.</summary>
    public static TextSpan TagSpan(IElement element, string html)
    {
        var start = Math.Clamp((element.SourceReference?.Position.Position ?? 1) - 1, 0, html.Length);
        var end = html.IndexOf('>', start);
        return TextSpan.FromBounds(start, end < 0 ? html.Length : end + 1);
    }

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

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

    // Reads one JSON-LD script into the metadata; returns the article's own absolute address there, if any.
    private static MetadataField? JsonLd(IElement script, string html, string documentTitle, MetadataCollector metadata)
    {
        JsonDocument document;
        try
        {
            // Pages often wrap JSON-LD in a CDATA section for old XHTML parsers.
            var json = CData().Replace(script.TextContent, string.Empty);
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            return null;
        }

        MetadataField? url = null;
        using (document)
        {
            var span = TagSpan(script, html);
            foreach (var item in Items(document.RootElement))
            {
                if (IsArticle(item))
                {
                    ReadArticle(item, span, documentTitle, metadata);
                    if (url is null && (Text(item, "url") ?? MainEntity(item)) is { } address
                        && Uri.TryCreate(address, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
                    {
                        url = new MetadataField(address, span);
                    }
                }

                if (metadata.DigitalSourceType is null && FindProperty(item, "digitalSourceType", 0) is { } type)
                {
                    metadata.DigitalSourceType = new MetadataField(type, span);
                }
            }
        }

        return url;
    }

    private static void ReadArticle(JsonElement item, TextSpan span, string documentTitle, MetadataCollector metadata)
    {
        // Some sites put a description in "headline" and the title in "name": take the one the
        // document title agrees with.
        var name = Text(item, "name");
        var headline = Text(item, "headline");
        var title = name is not null && headline is not null && documentTitle.Contains(Collapse(name), StringComparison.OrdinalIgnoreCase) && !documentTitle.Contains(Collapse(headline), StringComparison.OrdinalIgnoreCase)
            ? name
            : headline ?? name;
        if (metadata.Title is null && title is not null)
        {
            metadata.Title = new MetadataField(Collapse(title), span);
        }

        foreach (var author in Names(item, "author"))
        {
            metadata.AddAuthor(new MetadataField(author, span));
        }

        if (metadata.Published is null && Text(item, "datePublished") is { } published)
        {
            metadata.Published = new MetadataField(MetadataLines.NormaliseDate(published), span);
        }

        if (metadata.Modified is null && Text(item, "dateModified") is { } modified)
        {
            metadata.Modified = new MetadataField(MetadataLines.NormaliseDate(modified), span);
        }

        if (metadata.SiteName is null && Names(item, "publisher").FirstOrDefault() is { } publisher)
        {
            metadata.SiteName = new MetadataField(publisher, span);
        }

        if (metadata.Description is null && Text(item, "description") is { } description)
        {
            metadata.Description = new MetadataField(Collapse(description), span);
        }

        foreach (var basedOn in Names(item, "isBasedOn", preferUrl: true))
        {
            metadata.IsBasedOn.Add(new MetadataField(basedOn, span));
        }

        foreach (var citation in Names(item, "citation", preferUrl: true))
        {
            metadata.Citations.Add(new MetadataField(citation, span));
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in root.EnumerateArray())
            {
                foreach (var inner in Items(item))
                {
                    yield return inner;
                }
            }
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            yield return root;
            if (root.TryGetProperty("@graph", out var graph))
            {
                foreach (var inner in Items(graph))
                {
                    yield return inner;
                }
            }
        }
    }

    private static bool IsArticle(JsonElement item)
    {
        if (!item.TryGetProperty("@type", out var type))
        {
            return false;
        }

        var types = type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)
            : type.ValueKind == JsonValueKind.String ? [type.GetString()!] : [];
        return types.Any(t => t.EndsWith("Article", StringComparison.Ordinal) || t is "BlogPosting" or "Report" or "WebPage" or "CreativeWork" or "SocialMediaPosting");
    }

    // mainEntityOfPage as a URL or as an object with an @id.
    private static string? MainEntity(JsonElement item) =>
        !item.TryGetProperty("mainEntityOfPage", out var main) ? null
        : main.ValueKind == JsonValueKind.String ? main.GetString()
        : main.ValueKind == JsonValueKind.Object ? Text(main, "@id") ?? Text(main, "url")
        : null;

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static IEnumerable<string> Names(JsonElement item, string property, bool preferUrl = false)
    {
        if (!item.TryGetProperty(property, out var value))
        {
            yield break;
        }

        var values = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        foreach (var entry in values)
        {
            var name = entry.ValueKind switch
            {
                JsonValueKind.String => entry.GetString(),
                JsonValueKind.Object => preferUrl ? Text(entry, "url") ?? Text(entry, "@id") ?? Text(entry, "name") : Text(entry, "name"),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(name))
            {
                yield return Collapse(name);
            }
        }
    }

    private static string? FindProperty(JsonElement element, string name, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals(name) && property.Value.ValueKind == JsonValueKind.String)
                {
                    return property.Value.GetString();
                }

                if (FindProperty(property.Value, name, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindProperty(item, name, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+[|\-/»\\>]\s+(?!.*\s[|\-/»\\>]\s)")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")]
    private static partial Regex CData();
}
