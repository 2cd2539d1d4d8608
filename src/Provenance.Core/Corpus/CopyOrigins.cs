namespace Provenance.Corpus;

/// <summary>What is known of one article of a group for telling the original from its copies.</summary>
/// <param name="Path">The article's path.</param>
/// <param name="Site">Where it is published — a host such as <c>www.cnn.com</c> or a site name — when the file says.</param>
/// <param name="Published">When it was published, when it says.</param>
/// <param name="Credits">The sources it credits for its text (an original-source line, a wire credit, a "republished from", a lifted-text credit).</param>
/// <param name="Words">How many words its own text has.</param>
public sealed record CopyFacts(string Path, string? Site, DateOnly? Published, IReadOnlyList<string> Credits, int Words);

/// <summary>How one article of a group stands to the group's likely original.</summary>
/// <param name="Path">The article's path.</param>
/// <param name="Credit">The source it credits for its text, if any.</param>
/// <param name="CreditsOriginal">Whether that credit names the original's site.</param>
/// <param name="SameText">Whether its text is the original's, word for word (a reprint, or the same article at another address).</param>
public sealed record CopyStanding(string Path, string? Credit, bool CreditsOriginal, bool SameText = false)
{
    /// <summary>Whether the copy says where its text came from: syndication done right.</summary>
    public bool Credited => Credit is not null;
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
        var (original, reason) = Credited(members) ?? Earliest(members) ?? Fullest(members);
        var copies = members.Where(m => m.Path != original.Path).Select(m =>
        {
            var credit = m.Credits.FirstOrDefault(c => Names(c, original.Site)) ?? m.Credits.FirstOrDefault();
            var same = cluster.Pairs.Any(p => p.Joins(m.Path, original.Path) && p.SameText);
            return new CopyStanding(m.Path, credit, credit is not null && Names(credit, original.Site), same);
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

        // A host is named by its own name ("cnn" of "edition.cnn.com"), with or without its ending.
        var labels = s.Split('.');
        var name = labels.Length >= 2 ? labels[^2] : s;
        return c == s || c == name || c.Split('.') is var parts && parts.Length >= 2 && parts[^2] == name && parts[^1] == labels[^1];
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
