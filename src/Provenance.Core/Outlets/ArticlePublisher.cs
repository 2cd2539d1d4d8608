using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Articles;

namespace Provenance.Outlets;

/// <summary>
/// Who publishes an article, as the article itself shows it: its address (the host's URI, the
/// canonical URL or og:url, front matter url), its site name (og:site_name, JSON-LD publisher,
/// front matter site), a wire dateline naming an outlet at the start of the text
/// ("Washington (CNN) —"), and a byline that is an outlet ("BBC News"). Each is resolved against
/// the outlet registry. An outlet that publishes an article is not a source it cites: outlet rules
/// skip mentions of the publisher in any form ("(CNN)", "told CNN", "CNN's", cnn.com).
/// </summary>
public sealed partial class ArticlePublisher
{
    private readonly HashSet<Outlet> _outlets;
    private readonly HashSet<string> _sites;
    private readonly HashSet<string> _names;

    private ArticlePublisher(HashSet<Outlet> outlets, HashSet<string> sites, HashSet<string> names)
    {
        _outlets = outlets;
        _sites = sites;
        _names = names;
    }

    /// <summary>No publisher known.</summary>
    public static ArticlePublisher None { get; } = new(new HashSet<Outlet>(ReferenceEqualityComparer.Instance), [], []);

    /// <summary>The registry's outlets that publish the article (a site and the wire it runs, say), by name.</summary>
    public ImmutableArray<Outlet> Outlets => [.. _outlets.OrderBy(o => o.Name, StringComparer.Ordinal)];

    /// <summary>The publisher's sites, as registered domains ("cnn.com").</summary>
    public ImmutableArray<string> Sites => [.. _sites.Order(StringComparer.Ordinal)];

    /// <summary>Whether nothing names a publisher.</summary>
    public bool IsEmpty => _outlets.Count == 0 && _sites.Count == 0 && _names.Count == 0;

    /// <summary>Finds the publisher of <paramref name="article"/> from what it shows.</summary>
    public static ArticlePublisher Find(Article article, OutletRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(registry);
        var found = new ArticlePublisher(new HashSet<Outlet>(ReferenceEqualityComparer.Instance), new HashSet<string>(StringComparer.OrdinalIgnoreCase), new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        var metadata = article.Metadata;
        found.AddAddress(registry, article.Uri?.OriginalString);
        found.AddAddress(registry, metadata.CanonicalUrl?.Value);
        if (metadata.SiteName?.Value is { } site)
        {
            found.AddSiteName(registry, site.Trim().TrimStart('@'));
        }

        // A byline or a dateline that names an outlet says whose text this is ("By Associated
        // Press", "(Reuters) -"); only a name the registry knows as an outlet's counts, since a
        // person's name may spell a domain.
        foreach (var author in metadata.Authors)
        {
            found.AddOutletName(registry, StaffSuffix().Replace(author.Value.Trim(), string.Empty));
        }

        if (FirstParagraph(article) is { } first && WireDateline().Match(first.Text) is { Success: true } dateline)
        {
            found.AddOutletName(registry, dateline.Groups["name"].Value.Trim());
        }

        return found.IsEmpty ? None : found;
    }

    /// <summary>
    /// Whether a mention is of the publisher: the same registry outlet, an address on one of its
    /// sites, or its site name as written.
    /// </summary>
    /// <param name="lookup">What the registry found for the mention.</param>
    /// <param name="text">The mention as written.</param>
    public bool Publishes(OutletLookup lookup, string text)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        if (IsEmpty)
        {
            return false;
        }

        if (lookup.Outlet is { } outlet && (_outlets.Contains(outlet) || outlet.Domains.Any(d => _sites.Contains(OutletRegistry.SiteOf(d)))))
        {
            return true;
        }

        var host = lookup.Host ?? lookup.Domain?.Domain;
        return (host is not null && _sites.Contains(OutletRegistry.SiteOf(host))) || _names.Contains(text.Trim());
    }

    // A web address's host; an archived copy (web.archive.org/web/2016…/http://example.com/x) is
    // the page it archives.
    internal static string? HostOf(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var text = address.Trim();
        var archived = text.IndexOf("web.archive.org/web/", StringComparison.OrdinalIgnoreCase);
        if (archived >= 0)
        {
            var inner = text.IndexOf("http", archived + 20, StringComparison.OrdinalIgnoreCase);
            if (inner < 0)
            {
                return null;
            }

            text = text[inner..];
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            // A relative canonical URL ("/2016/story") names no host.
            if (text.StartsWith('/') || !text.Contains('.', StringComparison.Ordinal))
            {
                return null;
            }

            text = "http://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Contains('.', StringComparison.Ordinal) ? uri.Host : null;
    }

    private static Block? FirstParagraph(Article article)
    {
        foreach (var block in article.Blocks)
        {
            if (block.Kind == BlockKind.Paragraph && block.Zone == Zone.Main)
            {
                return block;
            }
        }

        return null;
    }

    private void AddAddress(OutletRegistry registry, string? address)
    {
        if (HostOf(address) is not { } host)
        {
            return;
        }

        _sites.Add(OutletRegistry.SiteOf(host));
        if (registry.FindByHost(host).Outlet is { } outlet)
        {
            AddOutlet(outlet);
        }
    }

    private void AddSiteName(OutletRegistry registry, string name)
    {
        if (name.Length == 0)
        {
            return;
        }

        var lookup = registry.FindByName(name);
        if (lookup.Outlet is { } outlet)
        {
            AddOutlet(outlet);
            return;
        }

        if ((lookup.Host ?? lookup.Domain?.Domain) is { } host)
        {
            _sites.Add(OutletRegistry.SiteOf(host));
        }

        // A site the registry does not know is still itself: "Eagle Rising reported" on its own page.
        _names.Add(name);
    }

    private void AddOutletName(OutletRegistry registry, string name)
    {
        if (name.Length > 0 && registry.FindByAlias(name) is { } outlet)
        {
            AddOutlet(outlet);
        }
    }

    private void AddOutlet(Outlet outlet)
    {
        if (_outlets.Add(outlet))
        {
            foreach (var domain in outlet.Domains)
            {
                _sites.Add(OutletRegistry.SiteOf(domain));
            }
        }
    }

    // "Reuters Staff", "CNN Wire", "AP Newsroom": a desk's byline is the outlet's.
    [GeneratedRegex(@"^by\s+|\s+(?:staff|wire|newsroom|editors|editorial\s+board|news\s+desk|desk|team)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StaffSuffix();

    // "Washington (CNN) —", "(CNN)Former President…", "LONDON (Reuters) -": a place in capitals or
    // title case, then the outlet in parentheses, then a dash or the text's first capital.
    [GeneratedRegex(@"^\s*(?:\p{Lu}[\p{L}.,'’ /-]{0,40}?\s*)?\((?<name>[^()\n]{2,40}?)\)\s*(?:[-—–]{1,2}|(?=\p{Lu}))", RegexOptions.CultureInvariant)]
    private static partial Regex WireDateline();
}
