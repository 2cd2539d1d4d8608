namespace Provenance.Corpus;

/// <summary>What is known of one article of a group for telling the original from its copies.</summary>
/// <param name="Path">The article's path.</param>
/// <param name="Site">Where it is published — a host such as <c>www.cnn.com</c> or a site name — when the file says.</param>
/// <param name="Published">When it was published, when it says.</param>
/// <param name="Credits">The sources it credits for its text (an original-source line, a wire credit, a "republished from", a lifted-text credit).</param>
/// <param name="Words">How many words its own text has.</param>
public sealed record CopyFacts(string Path, string? Site, DateOnly? Published, IReadOnlyList<string> Credits, int Words);

/// <summary>What a copy is to its group's likely original: every report says it in the same words.</summary>
public enum CopyKind
{
    /// <summary>It credits a source for its text: syndication done right.</summary>
    Credited,

    /// <summary>It is a page of the original's own site.</summary>
    SameSite,

    /// <summary>Its text is the original's word for word and neither says where it was published: one article at two addresses as often as a reprint.</summary>
    SameText,

    /// <summary>It credits no source for text another site published: an uncredited copy or rewrite.</summary>
    Uncredited,

    /// <summary>
    /// It shares text with the original, but neither says where it was published, credits the
    /// other or is dated before it: which came first cannot be told (the original is only the
    /// fuller), so neither is blamed.
    /// </summary>
    Undetermined,
}

/// <summary>How one article of a group stands to the group's likely original.</summary>
/// <param name="Path">The article's path.</param>
/// <param name="Credit">The source it credits for its text, if any.</param>
/// <param name="CreditsOriginal">Whether that credit names the original's site.</param>
/// <param name="SameText">Whether its text is the original's, word for word (a reprint, or the same article at another address).</param>
public sealed record CopyStanding(string Path, string? Credit, bool CreditsOriginal, bool SameText = false)
{
    /// <summary>Whether the copy says where its text came from: syndication done right.</summary>
    public bool Credited => Credit is not null;

    /// <summary>What it is to the original (<see cref="CopyOrigins.Judge"/> sets it from the two sites).</summary>
    public CopyKind Kind { get; init; } = Credit is not null ? CopyKind.Credited : SameText ? CopyKind.SameText : CopyKind.Uncredited;
}

/// <summary>A group's likely original and how each other member stands to it.</summary>
/// <param name="Original">The likely original's path.</param>
/// <param name="Reason">Why it is taken for the original, in words.</param>
/// <param name="Copies">Every other member, in group order.</param>
public sealed record CopyOrigin(string Original, string Reason, IReadOnlyList<CopyStanding> Copies);

/// <summary>
/// Which article of a group of copies is likely the original: the one the others credit (a credit
/// that names its site), else the only earliest dated, else the one with the fullest text (copies
/// are more often cut than padded). Each other member is then a credited copy — it names a source
/// for its text — or an uncredited one.
/// </summary>
public static class CopyOrigins
{
    /// <summary>Reads <paramref name="cluster"/> with what is known of its articles.</summary>
    public static CopyOrigin Judge(CopyCluster cluster, IReadOnlyDictionary<string, CopyFacts> facts)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(facts);
        var members = cluster.Paths.Select(p => facts.TryGetValue(p, out var f) ? f : new CopyFacts(p, null, null, [], 0)).ToList();
        var evidence = Credited(members) ?? Earliest(members);
        var (original, reason) = evidence ?? Fullest(members);
        var copies = members.Where(m => m.Path != original.Path).Select(m =>
        {
            var credit = m.Credits.FirstOrDefault(c => Names(c, original.Site)) ?? m.Credits.FirstOrDefault();
            var same = cluster.Pairs.Any(p => p.Joins(m.Path, original.Path) && p.SameText);

            // The same text twice is blamed only when the original says where it is and the copy is elsewhere.
            var kind = credit is not null ? CopyKind.Credited
                : SameSite(m.Site, original.Site) ? CopyKind.SameSite
                : same && m.Site is null && original.Site is null ? CopyKind.SameText
                : evidence is null && m.Site is null && original.Site is null ? CopyKind.Undetermined
                : CopyKind.Uncredited;
            return new CopyStanding(m.Path, credit, credit is not null && Names(credit, original.Site), same) { Kind = kind };
        }).ToList();
        return new CopyOrigin(original.Path, reason, copies);
    }

    private static (CopyFacts, string)? Credited(List<CopyFacts> members)
    {
        var best = members.Where(m => m.Site is not null)
            .Select(m => (Member: m, By: members.Count(o => o != m && o.Credits.Any(c => Names(c, m.Site)))))
            .Where(x => x.By > 0).OrderByDescending(x => x.By).ToList();
        return best.Count == 0 || (best.Count > 1 && best[1].By == best[0].By)
            ? null
            : (best[0].Member, best[0].By == 1 ? "another article of the group credits it" : $"{best[0].By} other articles of the group credit it");
    }

    private static (CopyFacts, string)? Earliest(List<CopyFacts> members)
    {
        var dated = members.Where(m => m.Published is not null).OrderBy(m => m.Published).ToList();
        return dated.Count == 0 || (dated.Count > 1 && dated[1].Published == dated[0].Published)
            ? null
            : (dated[0], $"the earliest dated ({dated[0].Published:yyyy-MM-dd})");
    }

    private static (CopyFacts, string) Fullest(List<CopyFacts> members)
    {
        // Ties go to the first in group order, so the answer is the same on every run.
        var fullest = members.OrderByDescending(m => m.Words).First();
        return (fullest, $"the fullest text ({fullest.Words} words); none is credited by another or dated before the rest");
    }

    // Whether a credit ("www.cnn.com", "CNN", "CNN (www.cnn.com)") names a site ("edition.cnn.com", "CNN").
    private static bool Names(string credit, string? site)
    {
        if (site is null)
        {
            return false;
        }

        // The rules write a known outlet as its name with its domain in brackets: either may match.
        var open = credit.IndexOf(" (", StringComparison.Ordinal);
        if (open > 0 && credit.EndsWith(')'))
        {
            return NamesOne(credit[..open], site) || NamesOne(credit[(open + 2)..^1], site);
        }

        return NamesOne(credit, site);
    }

    /// <summary>Whether two sites are one (<c>www.cnn.com</c> and <c>edition.cnn.com</c>); false when either is not known.</summary>
    internal static bool SameSite(string? one, string? other) =>
        one is not null && other is not null && (NamesOne(one, other) || NamesOne(other, one));

    private static bool NamesOne(string credit, string site)
    {
        var (c, s) = (Plain(credit), Plain(site));
        if (c.Length == 0 || s.Length == 0)
        {
            return false;
        }

        // A host is named by its own name ("cnn" of "edition.cnn.com", "bbc" of "www.bbc.co.uk"),
        // with or without its ending; another host of the same domain is the same site.
        var domain = Domain(s);
        var name = domain.Split('.')[0];
        return c == s || c == name || (c.Contains('.', StringComparison.Ordinal) && Domain(c) == domain);
    }

    // Country endings written under a second level ("co.uk", "com.au"), and hosts whose subdomains
    // are different people's sites: their domains take one more label.
    private static readonly HashSet<string> SecondLevels = new(StringComparer.Ordinal) { "co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "gob", "nic" };
    private static readonly HashSet<string> SharedHosts = new(StringComparer.Ordinal) { "blogspot.com", "wordpress.com", "tumblr.com", "substack.com", "medium.com", "github.io", "typepad.com", "livejournal.com", "wixsite.com", "weebly.com" };

    // The registrable part of a host: "edition.cnn.com" is "cnn.com", "www.bbc.co.uk" "bbc.co.uk", "jane.substack.com" itself.
    private static string Domain(string host)
    {
        var labels = host.Split('.');
        var keep = labels.Length >= 3 && ((labels[^1].Length == 2 && SecondLevels.Contains(labels[^2])) || SharedHosts.Contains($"{labels[^2]}.{labels[^1]}")) ? 3 : 2;
        return labels.Length <= keep ? host : string.Join('.', labels[^keep..]);
    }

    private static string Plain(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        foreach (var prefix in (string[])["https://", "http://", "www.", "the "])
        {
            if (t.StartsWith(prefix, StringComparison.Ordinal))
            {
                t = t[prefix.Length..];
            }
        }

        var slash = t.IndexOf('/', StringComparison.Ordinal);
        return (slash >= 0 ? t[..slash] : t).Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('.');
    }
}
