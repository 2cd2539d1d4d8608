using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Reading.Html;

/// <summary>The page's JSON-LD: the article item's title, authors, dates, publisher and provenance fields.</summary>
internal static partial class HtmlMetadata
{
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

    // mainEntityOfPage as a URL or as an object with an @id.
    private static string? MainEntity(JsonElement item) =>
        !item.TryGetProperty("mainEntityOfPage", out var main) ? null
        : main.ValueKind == JsonValueKind.String ? main.GetString()
        : main.ValueKind == JsonValueKind.Object ? Text(main, "@id") ?? Text(main, "url")
        : null;

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

        foreach (var author in Names(item, "author").SelectMany(AuthorNames))
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

    [GeneratedRegex(@"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")]
    private static partial Regex CData();
}
