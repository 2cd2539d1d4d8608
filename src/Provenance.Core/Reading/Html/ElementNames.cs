using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Provenance.Reading.Html;

/// <summary>What an element's class, id and role say of it.</summary>
[Flags]
internal enum NameTraits
{
    None = 0,

    /// <summary>Page furniture to drop wherever it is: menus, share bars, ads, related links.</summary>
    Furniture = 1,

    /// <summary>Provenance material (comments, author boxes, credits, notes), kept as footer outside the body.</summary>
    Provenance = 2,

    /// <summary>A byline or an author's name.</summary>
    Byline = 4,

    /// <summary>Readability's "unlikely candidate": no article body sits inside it (headers, comments, sidebars…).</summary>
    Unlikely = 8,

    /// <summary>A share box, dropped from the body when it holds little text.</summary>
    Share = 16,

    /// <summary>A figure's caption or credit box.</summary>
    Caption = 32,
}

/// <summary>
/// The class, id and role patterns of one page, each tested once per distinct name: fewer than
/// half of a page's class and id names are distinct (45,282 named elements, 19,385 names, over
/// the test pages), and each name is tested against several patterns.
/// </summary>
internal sealed partial class ElementNames
{
    private readonly Dictionary<string, NameTraits> _byNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _weights = new(StringComparer.Ordinal);
    private readonly Dictionary<IElement, NameTraits> _byElement = new(ReferenceEqualityComparer.Instance);

    /// <summary>The traits of <paramref name="element"/>'s names, tag and role.</summary>
    public NameTraits Traits(IElement element)
    {
        ref var traits = ref CollectionsMarshal.GetValueRefOrAddDefault(_byElement, element, out var seen);
        if (!seen)
        {
            traits = Compute(element);
        }

        return traits;
    }

    /// <summary>
    /// Readability's class weight: 25 for a content-like class (article, body, entry, post…), -25
    /// for a furniture-like one (comment, sidebar, share…), the class and the id weighed apart.
    /// </summary>
    public int Weight(IElement element) => Weight(element.ClassName) + Weight(element.Id);

    private NameTraits Compute(IElement element)
    {
        // Most elements have neither class nor id, and no pattern matches the names of one that has none.
        var names = element.ClassName is null && element.Id is null ? null : $"{element.ClassName} {element.Id}";
        var named = NameTraits.None;
        if (names is { Length: > 1 })
        {
            ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(_byNames, names, out var seen);
            if (!seen)
            {
                known = (Furniture().IsMatch(names) ? NameTraits.Furniture : 0)
                    | (ProvenanceZone().IsMatch(names) ? NameTraits.Provenance : 0)
                    | (Byline().IsMatch(names) ? NameTraits.Byline : 0)
                    | (Unlikely().IsMatch(names) && !MaybeCandidate().IsMatch(names) ? NameTraits.Unlikely : 0)
                    | (Share().IsMatch(names) ? NameTraits.Share : 0)
                    | (Caption().IsMatch(names) ? NameTraits.Caption : 0);
            }

            named = known;
        }

        var tag = element.LocalName;
        var role = element.GetAttribute("role");
        if (tag is "nav" or "menu" || role is "navigation" or "banner" or "complementary" or "search")
        {
            named |= NameTraits.Furniture;
        }

        if (role is "menu" or "menubar" or "complementary" or "navigation" or "alert" or "alertdialog" or "dialog")
        {
            named |= NameTraits.Unlikely;
        }

        if (tag is "body" or "a")
        {
            named &= ~NameTraits.Unlikely;
        }

        if (tag == "figcaption")
        {
            named |= NameTraits.Caption;
        }

        if (tag is "footer" or "address")
        {
            named |= NameTraits.Provenance;
        }

        if (element.GetAttribute("rel") == "author" || (element.GetAttribute("itemprop") ?? string.Empty).Contains("author", StringComparison.OrdinalIgnoreCase))
        {
            named |= NameTraits.Byline;
        }

        return named;
    }

    private int Weight(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return 0;
        }

        ref var weight = ref CollectionsMarshal.GetValueRefOrAddDefault(_weights, name, out var seen);
        if (!seen)
        {
            weight = (Positive().IsMatch(name) ? 25 : 0) - (Negative().IsMatch(name) ? 25 : 0);
        }

        return weight;
    }

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Positive();

    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negative();

    [GeneratedRegex(@"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unlikely();

    [GeneratedRegex(@"and|article|body|column|content|main|shadow", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaybeCandidate();

    // "no_caption" marks a figure without one.
    [GeneratedRegex(@"(?<!no[-_]?)caption", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Caption();

    [GeneratedRegex(@"(?:\b|_)(?:share|sharedaddy)(?:\b|_)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Share();

    [GeneratedRegex(@"\b(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|related|recommend\w*|promo\w*|newsletter|subscribe|subscription|advert\w*|ads?|ad-\w+|dfp|sponsor(?!ed-?content)\w*|cookie\w*|consent|gdpr|banner|popup|modal|sidebar|widget|masthead|toolbar|skip-?link|paywall|outbrain|taboola|trending|most-?popular|more-?stories|site-?header|site-?footer|global-?footer|header)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Furniture();

    [GeneratedRegex(@"comment|respond|reply|disqus|discussion|author|bio\b|biography|byline|contributor|credit|source|origin|syndicat|copyright|disclaimer|disclosure|editor-?s?-?note|correction|footnote|\btags?\b|post-?meta|entry-?meta|entry-?footer|article-?footer", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProvenanceZone();

    [GeneratedRegex(@"byline|by-line|\bauthor\b|author-?name|writer|\bdateline\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Byline();
}
