using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Provenance.Outlets;

/// <summary>Where the registry's facts come from, for findings that cite them.</summary>
/// <param name="Id">Short id (rsp, lin2023, opensources).</param>
/// <param name="Title">Full title.</param>
/// <param name="Url">Where it is published.</param>
/// <param name="Licence">Its licence.</param>
public sealed record RegistrySource(string Id, string Title, string Url, string Licence);

/// <summary>An outlet or rated domain found for a host name or alias.</summary>
/// <param name="Outlet">The outlet, when the registry can name it.</param>
/// <param name="Domain">The domain's rating, when only the domain is rated.</param>
/// <param name="Host">The domain as it matched.</param>
public sealed record OutletLookup(Outlet? Outlet, DomainRating? Domain, string? Host)
{
    /// <summary>The name to show: the outlet's name, else the domain.</summary>
    public string DisplayName => Outlet?.Name ?? Domain?.Domain ?? Host ?? string.Empty;

    /// <summary>The reliability status, or unrated.</summary>
    public string Reliability => Outlet?.Reliability ?? OutletStatuses.Unrated;

    /// <summary>The outlet's type, "domain" for a rated domain, "unknown" otherwise.</summary>
    public string Type => Outlet?.Type ?? (Domain is null ? "unknown" : "domain");
}

/// <summary>
/// The outlet registry: outlet names, aliases, domains, reliability judgements and domain quality,
/// built from public rating sets whose licences travel with it. Immutable and thread-safe.
/// </summary>
public sealed class OutletRegistry
{
    // Plain dictionaries, not frozen ones: a check looks up a few hosts per article, and freezing
    // 11,000 rated domains cost more than a 20,000-article run's lookups save (and every one-file
    // check pays it). They are never written after construction, so concurrent reads are safe.
    private readonly Dictionary<string, Outlet> _byDomain;
    private readonly Dictionary<string, DomainRating> _ratedDomains;
    private readonly Dictionary<string, Outlet> _byAlias;

    // The loader passes the ratings by domain (ignoring case) it built while checking for duplicates.
    internal OutletRegistry(string version, string licence, ImmutableArray<RegistrySource> sources, ImmutableArray<Outlet> outlets, ImmutableArray<DomainRating> domains, Dictionary<string, DomainRating>? ratedDomains = null)
    {
        Version = version;
        Licence = licence;
        Sources = sources;
        Outlets = outlets;
        Domains = domains;
        _byDomain = new Dictionary<string, Outlet>(StringComparer.OrdinalIgnoreCase);
        _byAlias = new Dictionary<string, Outlet>(StringComparer.Ordinal);
        foreach (var outlet in outlets)
        {
            foreach (var domain in outlet.Domains)
            {
                _byDomain.TryAdd(domain, outlet);
            }

            foreach (var alias in outlet.Aliases.Concat(outlet.WeakAliases))
            {
                _byAlias.TryAdd(alias, outlet);
            }
        }

        _ratedDomains = ratedDomains ?? new Dictionary<string, DomainRating>(domains.Length, StringComparer.OrdinalIgnoreCase);
        if (ratedDomains is null)
        {
            foreach (var rating in domains)
            {
                _ratedDomains.Add(rating.Domain, rating);
            }
        }

        Matcher = new OutletMatcher(this);
    }

    /// <summary>An empty registry: no outlet is known, every domain is unrated.</summary>
    public static OutletRegistry Empty { get; } = new("0.0.0", string.Empty, [], [], []);

    /// <summary>The registry's version.</summary>
    public string Version { get; }

    /// <summary>The licence of the registry's data.</summary>
    public string Licence { get; }

    /// <summary>Where its facts come from.</summary>
    public ImmutableArray<RegistrySource> Sources { get; }

    /// <summary>Every named outlet, by name.</summary>
    public ImmutableArray<Outlet> Outlets { get; }

    /// <summary>Domains rated without a name.</summary>
    public ImmutableArray<DomainRating> Domains { get; }

    /// <summary>Finds outlet names and domains in text.</summary>
    internal OutletMatcher Matcher { get; }

    /// <summary>The outlet an alias names, exactly as written (aliases are case-sensitive).</summary>
    public Outlet? FindByAlias(string alias) => _byAlias.GetValueOrDefault(alias);

    /// <summary>
    /// The outlet or rated domain a name refers to: the outlet whose alias it is, exactly as
    /// written; else the domain the name spells once squashed, when that domain is an outlet's or
    /// rated ("Conservative Tribune" is conservativetribune.com, "Daily Wire" dailywire.com); else
    /// nothing. A name written as a domain ("Mediaite.com") is looked up as a host.
    /// </summary>
    public OutletLookup FindByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        if (FindByAlias(trimmed) is { } outlet)
        {
            return new OutletLookup(outlet, null, null);
        }

        if (trimmed.Contains('.', StringComparison.Ordinal) && !trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return FindByHost(trimmed);
        }

        var squashed = Squash(trimmed);
        if (squashed.Length < 4)
        {
            return new OutletLookup(null, null, null);
        }

        // Sites often drop a leading "The" from their domain (The Daily Wire, dailywire.com) and
        // sometimes keep it (theblaze.com): both are tried.
        string[] stems = squashed.StartsWith("the", StringComparison.Ordinal) && squashed.Length > 6 ? [squashed, squashed[3..]] : [squashed];
        foreach (var stem in stems)
        {
            foreach (var suffix in NameSuffixes)
            {
                var domain = stem + suffix;
                if (_byDomain.TryGetValue(domain, out var byDomain))
                {
                    return new OutletLookup(byDomain, null, domain);
                }

                if (_ratedDomains.TryGetValue(domain, out var rating))
                {
                    return new OutletLookup(null, rating, domain);
                }
            }
        }

        return new OutletLookup(null, null, null);
    }

    /// <summary>
    /// The site a host belongs to, for telling whether two addresses are one publisher's: the
    /// registered domain ("edition.cnn.com" and "money.cnn.com" are cnn.com; "bbc.co.uk" keeps its
    /// country's second level). An approximation of the public-suffix list that fits news sites.
    /// </summary>
    public static string SiteOf(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = NormaliseHost(host);
        var last = name.LastIndexOf('.');
        if (last <= 0)
        {
            return name;
        }

        var second = name.LastIndexOf('.', last - 1);
        if (second < 0)
        {
            return name;
        }

        // example.co.uk, example.com.au: a two-letter country code under a generic second level.
        var secondLevel = name[(second + 1)..last];
        if (name.Length - last - 1 == 2 && secondLevel is "co" or "com" or "org" or "net" or "gov" or "ac" or "edu" or "gob" or "or" or "ne")
        {
            var third = name.LastIndexOf('.', second - 1);
            return third < 0 ? name : name[(third + 1)..];
        }

        return name[(second + 1)..];
    }

    /// <summary>
    /// The outlet or rating for a host name ("www.cnn.com", "edition.cnn.com", "https://apnews.com/x"):
    /// the most specific registered domain wins.
    /// </summary>
    public OutletLookup FindByHost(string host)
    {
        var name = NormaliseHost(host);

        // A named outlet at any level beats an anonymous rating: edition.cnn.com is CNN even though
        // the quality ratings list that subdomain on its own.
        for (var candidate = name; candidate.Contains('.', StringComparison.Ordinal); candidate = ParentDomain(candidate))
        {
            if (_byDomain.TryGetValue(candidate, out var outlet))
            {
                return new OutletLookup(outlet, null, name);
            }
        }

        for (var candidate = name; candidate.Contains('.', StringComparison.Ordinal); candidate = ParentDomain(candidate))
        {
            if (_ratedDomains.TryGetValue(candidate, out var rating))
            {
                return new OutletLookup(null, rating, name);
            }
        }

        return new OutletLookup(null, null, name);
    }

    /// <summary>
    /// One sentence saying how the outlet or domain is rated and by whom, for finding messages:
    /// "rated generally reliable by Wikipedia's perennial sources list (WP:RSPCNN); domain quality 0.66 of 1 (Lin et al. 2023)".
    /// </summary>
    public string Describe(OutletLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var parts = new List<string>();
        if (lookup.Outlet is { } outlet && !outlet.Ratings.IsDefaultOrEmpty && outlet.Reliability != OutletStatuses.Unrated)
        {
            var first = outlet.Ratings[0];
            var scope = first.Scope is null ? string.Empty : $" for {first.Scope}";
            var shortcut = first.Shortcut is null ? string.Empty : $", {first.Shortcut}";
            parts.Add($"rated {OutletStatuses.Describe(first.Status)}{scope} by Wikipedia's perennial sources list{shortcut}");
        }

        var quality = lookup.Outlet?.Quality ?? lookup.Domain?.Quality;
        if (quality is { } q)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"domain quality {q:0.00}/1 per Lin et al. 2023"));
        }

        var labels = lookup.Outlet?.Labels ?? lookup.Domain?.Labels ?? [];
        if (!labels.IsDefaultOrEmpty)
        {
            parts.Add($"labelled {string.Join(", ", labels)} by OpenSources");
        }

        return parts.Count == 0 ? "not rated by any source the registry draws on" : string.Join("; ", parts);
    }

    // The domains a squashed name is tried under, most common first.
    private static readonly string[] NameSuffixes = [".com", ".org", ".net"];

    private static string Squash(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (!char.IsWhiteSpace(c) && c is not ('.' or '-' or '\'' or '’' or '&'))
            {
                // A letter outside ASCII or other punctuation: no domain is spelt that way.
                return string.Empty;
            }
        }

        return builder.ToString();
    }

    private static string ParentDomain(string domain) => domain[(domain.IndexOf('.', StringComparison.Ordinal) + 1)..];

    internal static string NormaliseHost(string host)
    {
        var text = host.Trim().ToLowerInvariant();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        var end = text.IndexOfAny(['/', '?', '#', ':']);
        if (end >= 0)
        {
            text = text[..end];
        }

        var builder = new StringBuilder(text.TrimEnd('.'));
        if (builder.ToString().StartsWith("www.", StringComparison.Ordinal))
        {
            builder.Remove(0, 4);
        }

        return builder.ToString();
    }
}
