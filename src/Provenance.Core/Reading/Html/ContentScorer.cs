using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Provenance.Reading.Html;

/// <summary>
/// Finds the article body among a page's navigation, menus, related links and ads, in the manner
/// of Readability: paragraphs score their parent and grandparent by length and commas, containers
/// are weighted by tag and class names and discounted by link density, and the best container with
/// its strong siblings is the main content.
/// </summary>
internal static partial class ContentScorer
{
    private const int MinParagraphLength = 25;
    private const int MaxAncestorDepth = 64;

    public static HashSet<IElement> SelectMain(List<TextRun> runs, IElement body)
    {
        // Elements are keys by reference, and each ancestor's entry is updated in place: a run adds
        // to every one of its ancestors, the scorer's most frequent step.
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        var text = new Dictionary<IElement, (int Characters, int LinkCharacters)>(ReferenceEqualityComparer.Instance);
        foreach (var run in runs)
        {
            var depth = 0;
            for (var e = run.Owner; e is not null && depth < MaxAncestorDepth; e = e.ParentElement, depth++)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(text, e, out _);
                entry = (entry.Characters + run.Length, entry.LinkCharacters + run.LinkCharacters);
            }

            if (run.Kind is Articles.BlockKind.Title or Articles.BlockKind.Heading || run.Length < MinParagraphLength)
            {
                continue;
            }

            var content = run.Built!.Value.Text;
            var score = 1 + content.AsSpan().Count(',') + Math.Min(content.Length / 100, 3);
            AddScore(scores, run.Owner.ParentElement, score);
            AddScore(scores, run.Owner.ParentElement?.ParentElement, score / 2.0);
            if (run.Owner.LocalName is "div" or "td" or "section" or "article")
            {
                AddScore(scores, run.Owner, score);
            }
        }

        IElement? top = null;
        var best = double.MinValue;
        foreach (var (element, raw) in scores)
        {
            var (characters, links) = text.GetValueOrDefault(element);
            var density = characters == 0 ? 0 : (double)links / characters;
            var score = (raw + TagWeight(element) + ClassWeight(element)) * (1 - density);
            scores[element] = score;
            if (score > best)
            {
                best = score;
                top = element;
            }
        }

        var main = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        if (top is null)
        {
            main.Add(body);
            return main;
        }

        main.Add(top);
        var threshold = Math.Max(10, best * 0.2);
        if (top.ParentElement is { } parent)
        {
            foreach (var sibling in parent.Children)
            {
                if (sibling == top)
                {
                    continue;
                }

                var (characters, links) = text.GetValueOrDefault(sibling);
                var density = characters == 0 ? 1 : (double)links / characters;
                if (scores.GetValueOrDefault(sibling) >= threshold || (sibling.LocalName == "p" && characters > 80 && density < 0.25))
                {
                    main.Add(sibling);
                }
            }
        }

        return main;
    }

    /// <summary>
    /// Whether an element's class, id or role marks it as page furniture to drop; whether it holds
    /// provenance material outside the body (comments, author boxes, credits); whether it is a
    /// byline or author name.
    /// </summary>
    /// <param name="element">The element.</param>
    /// <param name="byNames">What the class and id patterns said of names seen before on this page:
    /// fewer than half of a page's class and id names are distinct (45,282 named elements, 19,385
    /// names, over the test pages), and each was tested against three patterns.</param>
    public static (bool Furniture, bool Provenance, bool Byline) Traits(IElement element, Dictionary<string, (bool Furniture, bool Provenance, bool Byline)> byNames)
    {
        // Most elements have neither class nor id, and no pattern matches the names of one that has none.
        var names = Names(element);
        var named = (Furniture: false, Provenance: false, Byline: false);
        if (names.Length > 1)
        {
            ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(byNames, names, out var seen);
            if (!seen)
            {
                known = (Furniture().IsMatch(names), ProvenanceZone().IsMatch(names), Byline().IsMatch(names));
            }

            named = known;
        }

        var furniture = element.LocalName is "nav" or "menu" || named.Furniture || element.GetAttribute("role") is "navigation" or "banner" or "complementary" or "search";
        var provenance = element.LocalName is "footer" or "address" || named.Provenance;
        var byline = named.Byline || element.GetAttribute("rel") == "author" || (element.GetAttribute("itemprop") ?? string.Empty).Contains("author", StringComparison.OrdinalIgnoreCase);
        return (furniture, provenance, byline);
    }

    private static void AddScore(Dictionary<IElement, double> scores, IElement? element, double score)
    {
        if (element is not null && element.LocalName is not ("body" or "html"))
        {
            CollectionsMarshal.GetValueRefOrAddDefault(scores, element, out _) += score;
        }
    }

    private static double TagWeight(IElement element) => element.LocalName switch
    {
        "article" or "main" => 15,
        "div" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };

    private static double ClassWeight(IElement element)
    {
        var names = Names(element);
        var weight = 0.0;
        if (names.Length == 1)
        {
            return weight;
        }

        if (Positive().IsMatch(names))
        {
            weight += 25;
        }

        if (Negative().IsMatch(names))
        {
            weight -= 25;
        }

        return weight;
    }

    private static string Names(IElement element) => element.ClassName is null && element.Id is null ? " " : $"{element.ClassName} {element.Id}";

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Positive();

    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negative();

    [GeneratedRegex(@"\b(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|related|recommend\w*|promo\w*|newsletter|subscribe|subscription|advert\w*|ads?|ad-\w+|dfp|sponsor(?!ed-?content)\w*|cookie\w*|consent|gdpr|banner|popup|modal|sidebar|widget|masthead|toolbar|skip-?link|paywall|outbrain|taboola|trending|most-?popular|more-?stories|site-?header|site-?footer|global-?footer|header)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Furniture();

    [GeneratedRegex(@"comment|respond|reply|disqus|discussion|author|bio\b|biography|byline|contributor|credit|source|origin|syndicat|copyright|disclaimer|disclosure|editor-?s?-?note|correction|footnote|\btags?\b|post-?meta|entry-?meta|entry-?footer|article-?footer", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProvenanceZone();

    [GeneratedRegex(@"byline|by-line|\bauthor\b|author-?name|writer|\bdateline\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Byline();
}
