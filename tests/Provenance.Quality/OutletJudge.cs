using System.Collections.Frozen;
using Provenance.Analysis;
using Provenance.Outlets;
using Provenance.Rules;

namespace Provenance.Quality;

/// <summary>
/// The benchmark's own judgement of outlet findings, kept apart from the rules it measures: which
/// findings say an outlet is cited, whether that outlet is the article's own publisher, and whether
/// it is a social platform rather than an outlet.
/// </summary>
public sealed class OutletJudge(RuleSet rules)
{
    private static readonly FrozenSet<string> OutletSignals = FrozenSet.Create(
        StringComparer.Ordinal, "outlet-cited", "outlet-linked", "unreliable-outlet", "original-source", "original-source-unreliable", "unrated-outlet");

    // User-generated platforms: a post on one is credited to its author, not to the platform.
    private static readonly FrozenSet<string> Platforms = FrozenSet.Create(
        StringComparer.Ordinal,
        "facebook", "twitter", "x", "youtube", "instagram", "reddit", "tiktok", "medium", "tumblr", "linkedin", "snapchat",
        "whatsapp", "pinterest", "telegram", "wordpress", "blogger", "blogspot", "substack", "vimeo", "flickr", "periscope",
        "vine", "imgur", "quora", "wikipedia", "change", "gofundme", "patreon", "soundcloud", "twitch");

    /// <summary>Whether the finding says an outlet is cited or credited.</summary>
    public bool IsOutletFinding(Finding finding) =>
        rules.Find(finding.RuleId) is { } rule && (rule.Kind == "outlet" || (rule.Signal is { } s && OutletSignals.Contains(s)));

    /// <summary>The outlet's plain name as the finding gives it.</summary>
    public static string NameOf(Finding finding) =>
        finding.Arguments.Length > 3 ? finding.Arguments[3] : finding.Arguments.IsEmpty ? finding.MatchedText : finding.Arguments[0];

    /// <summary>Whether the named outlet is the publisher, known by its host and, when given, its site name.</summary>
    public bool IsPublisher(string name, string? host, string? siteName)
    {
        var outlet = Resolve(name);
        if (host is not null)
        {
            var domain = Registrable(host);
            if (outlet is not null && outlet.Domains.Any(d => Registrable(d) == domain))
            {
                return true;
            }

            if (rules.Registry.FindByHost(domain).Outlet is { } publisher && outlet is not null && publisher.Name == outlet.Name)
            {
                return true;
            }

            if (LooksLikeHost(name) && Registrable(name) == domain)
            {
                return true;
            }

            if (Squash(name).Length >= 3 && Squash(name) == Squash(domain.Split('.')[0]))
            {
                return true;
            }
        }

        if (siteName is not null)
        {
            var site = Resolve(siteName);
            if (site is not null && outlet is not null && site.Name == outlet.Name)
            {
                return true;
            }

            if (Squash(siteName).Length >= 3 && (Squash(siteName) == Squash(name) || Squash(siteName).StartsWith(Squash(name), StringComparison.Ordinal) && Squash(name).Length >= 3))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the named outlet is a social or user-generated platform.</summary>
    public bool IsPlatform(string name)
    {
        var outlet = Resolve(name);
        if (outlet is not null && Platforms.Contains(Squash(outlet.Name)))
        {
            return true;
        }

        if (outlet is not null && outlet.Domains.Any(d => Platforms.Contains(Registrable(d).Split('.')[0])))
        {
            return true;
        }

        var squashed = Squash(name.Replace("(Twitter)", string.Empty, StringComparison.Ordinal));
        return Platforms.Contains(squashed) || (LooksLikeHost(name) && Platforms.Contains(Registrable(name).Split('.')[0]));
    }

    private Outlet? Resolve(string name)
    {
        var bare = name.Trim();
        var paren = bare.IndexOf(" (", StringComparison.Ordinal);
        var head = paren > 0 ? bare[..paren] : bare;
        return rules.Registry.FindByAlias(head)
            ?? rules.Registry.FindByAlias(bare)
            ?? (LooksLikeHost(head) ? rules.Registry.FindByHost(Registrable(head)).Outlet : null);
    }

    private static bool LooksLikeHost(string name) =>
        !name.Contains(' ', StringComparison.Ordinal) && name.Contains('.', StringComparison.Ordinal);

    /// <summary>The registrable part of a host or address: edition.cnn.com and https://www.cnn.com/x give cnn.com.</summary>
    public static string Registrable(string hostOrUrl)
    {
        var host = hostOrUrl.Trim().ToLowerInvariant();
        if (Uri.TryCreate(host.Contains("://", StringComparison.Ordinal) ? host : "http://" + host, UriKind.Absolute, out var uri))
        {
            host = uri.Host;
        }

        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length <= 2)
        {
            return string.Join('.', labels);
        }

        // co.uk, com.au and the like keep a third label.
        var keep = labels[^2].Length <= 3 && labels[^1].Length == 2 ? 3 : 2;
        return string.Join('.', labels[^keep..]);
    }

    private static string Squash(string text) =>
        new([.. text.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
}
