using System.Runtime.InteropServices;
using AngleSharp.Dom;

namespace Provenance.Reading.Html;

/// <summary>
/// Finds the article body among a page's navigation, menus, related links and ads, as Mozilla's
/// Readability does: paragraphs score their ancestors by length and commas, candidates are
/// weighted by tag and class names and discounted by link density, the best one grows to the
/// ancestor it shares with other strong candidates and takes its strong siblings, and links,
/// lists and share boxes inside it are cleaned out. A page where that leaves little text is tried
/// again trusting class names less.
/// </summary>
internal static class ContentScorer
{
    /// <summary>How far up the tree a run's text is added; deeper pages are cut, not slowed.</summary>
    public const int MaxAncestorDepth = 64;

    private const int MinParagraphLength = 25;
    private const int CharThreshold = 500;
    private const int TopCandidateCount = 5;
    private const int MinAlternatives = 3;
    private const double RunnerUpShare = 0.5;
    private const double ArticleBodyWeight = 25;

    // Readability's attempts: all heuristics, then without removing unlikely candidates, then
    // without class weights, then without conditional cleaning.
    private static ReadOnlySpan<ExtractionPass> Passes =>
    [
        ExtractionPass.All,
        ExtractionPass.All & ~ExtractionPass.StripUnlikely,
        ExtractionPass.CleanConditionally,
        ExtractionPass.None,
    ];

    /// <summary>The body of the page: its containers and what inside them is not body text.</summary>
    public static MainContent SelectMain(List<TextRun> runs, List<IElement> media, IElement body, ElementNames names)
    {
        MainContent? longest = null;
        foreach (var pass in Passes)
        {
            var content = Select(runs, media, body, names, pass);
            if (content.Characters >= CharThreshold)
            {
                return content;
            }

            if (longest is null || content.Characters > longest.Characters)
            {
                longest = content;
            }
        }

        return longest!;
    }

    /// <summary>One attempt at the body with the heuristics <paramref name="pass"/> allows.</summary>
    internal static MainContent Select(List<TextRun> runs, List<IElement> media, IElement body, ElementNames names, ExtractionPass pass)
    {
        var removed = new RemovedElements(names, pass);
        var stats = ElementStats.Gather(runs, media, removed.IsRemoved, MaxAncestorDepth);
        var scores = Score(runs, stats, removed, names, pass);
        var best = Best(scores);
        if (best.Count == 0 || best[0].Element == body)
        {
            return new MainContent(runs, body, [body], stats, removed, names, pass);
        }

        // A best candidate with almost no text after cleaning (a newsletter form named "content")
        // gives way to the next one nearly as strong before any heuristic is dropped.
        MainContent? first = null;
        foreach (var (candidate, score) in best)
        {
            if (first is not null && score < best[0].Score * RunnerUpShare)
            {
                break;
            }

            var top = Grow(candidate, score, best, scores, body);
            var containers = new HashSet<IElement>(ReferenceEqualityComparer.Instance) { top };

            // The body itself may be a runner-up; it has no siblings worth taking.
            if (top != body)
            {
                AddSiblings(top, scores, stats, removed, containers);
            }

            var content = new MainContent(runs, top, containers, stats, removed, names, pass);
            if (content.Characters >= CharThreshold)
            {
                return content;
            }

            first ??= content;
        }

        return first!;
    }

    internal static Dictionary<IElement, double> Score(List<TextRun> runs, Dictionary<IElement, ElementStats> stats, RemovedElements removed, ElementNames names, ExtractionPass pass)
    {
        // Elements are keys by reference, and each ancestor's entry is updated in place.
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        var weigh = pass.HasFlag(ExtractionPass.WeightClasses);
        foreach (var (element, s) in stats)
        {
            if (s.Characters < MinParagraphLength || !IsScored(element, s))
            {
                continue;
            }

            // A div holding nothing but one paragraph is that paragraph (Readability replaces it).
            var from = element.ParentElement;
            if (element.LocalName == "p" && from is { LocalName: "div", ChildElementCount: 1 } && stats.TryGetValue(from, out var wrapper)
                && wrapper.Characters == s.Characters && LinkDensity(wrapper) < 0.25)
            {
                from = from.ParentElement;
            }

            AddToAncestors(scores, from, ParagraphScore(s.Characters, s.Commas), names, weigh);
        }

        // Loose text of a div that also holds blocks is a paragraph of its own inside the div.
        foreach (var run in runs)
        {
            if (run.Length >= MinParagraphLength && run.Owner.LocalName == "div" && stats.TryGetValue(run.Owner, out var s) && s.HasBlockBelow && !removed.IsRemoved(run.Owner))
            {
                AddToAncestors(scores, run.Owner, ParagraphScore(run.Length, ElementStats.CountCommas(run.Built!.Value.Text)), names, weigh);
            }
        }

        foreach (var (element, raw) in scores)
        {
            scores[element] = raw * (1 - LinkDensity(stats.GetValueOrDefault(element)));
        }

        return scores;
    }

    // Readability's elements to score: paragraphs, cells, pre, sections and headings, and divs with no block inside.
    private static bool IsScored(IElement element, ElementStats stats) => element.LocalName switch
    {
        "p" or "pre" or "td" or "section" or "h2" or "h3" or "h4" or "h5" or "h6" => true,
        "div" => !stats.HasBlockBelow,
        _ => false,
    };

    // A point for the paragraph, one for each piece its commas cut it into, and one per 100
    // letters up to three.
    private static double ParagraphScore(int length, int commas) => 1 + (commas + 1) + Math.Min(length / 100, 3);

    // The parent takes the whole score, the grandparent half, and the three above it the score
    // divided by three times their level; the root element never scores.
    private static void AddToAncestors(Dictionary<IElement, double> scores, IElement? first, double score, ElementNames names, bool weigh)
    {
        var e = first;
        for (var level = 0; level < 5 && e?.ParentElement is not null; level++, e = e.ParentElement)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(scores, e, out var seen);
            if (!seen)
            {
                entry = InitialScore(e, names, weigh);
            }

            entry += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
        }
    }

    internal static double InitialScore(IElement element, ElementNames names, bool weigh) =>
        TagWeight(element) + (weigh ? names.Weight(element) + (IsMarkedArticleBody(element) ? ArticleBodyWeight : 0) : 0);

    // schema.org's articleBody: the page says where its article's text is.
    private static bool IsMarkedArticleBody(IElement element) =>
        element.GetAttribute("itemprop") is { } itemprop && itemprop.Contains("articleBody", StringComparison.Ordinal);

    internal static double LinkDensity(ElementStats stats) => stats.Characters == 0 ? 0 : stats.LinkCharacters / stats.Characters;

    /// <summary>The five best candidates, best first, the first found first among equals.</summary>
    internal static List<(IElement Element, double Score)> Best(Dictionary<IElement, double> scores)
    {
        var best = new List<(IElement Element, double Score)>(TopCandidateCount + 1);
        foreach (var (element, score) in scores)
        {
            var at = best.FindIndex(b => score > b.Score);
            if (at < 0 && best.Count < TopCandidateCount)
            {
                best.Add((element, score));
            }
            else if (at >= 0)
            {
                best.Insert(at, (element, score));
                if (best.Count > TopCandidateCount)
                {
                    best.RemoveAt(TopCandidateCount);
                }
            }
        }

        return best;
    }

    /// <summary>Where the body found at <paramref name="top"/> really starts: an ancestor it shares with other strong candidates, a parent that scores higher, or the parent of an only child.</summary>
    private static IElement Grow(IElement top, double topScore, List<(IElement Element, double Score)> best, Dictionary<IElement, double> scores, IElement body)
    {
        // Several candidates nearly as strong as the best one: the body is split across them, and
        // the nearest ancestor holding three of them holds it all.
        var alternatives = best.Where(b => topScore > 0 && b.Element != top && b.Score <= topScore && b.Score / topScore >= 0.75).Select(b => b.Element).ToList();
        if (alternatives.Count >= MinAlternatives)
        {
            for (var parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
            {
                if (alternatives.Count(a => IsAncestor(parent, a)) >= MinAlternatives)
                {
                    top = parent;
                    break;
                }
            }
        }

        // A parent scoring higher than the way up to it gathers more of the article.
        var last = scores.GetValueOrDefault(top);
        var threshold = last / 3;
        for (var parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
        {
            if (!scores.TryGetValue(parent, out var parentScore))
            {
                continue;
            }

            if (parentScore < threshold)
            {
                break;
            }

            if (parentScore > last)
            {
                top = parent;
                break;
            }

            last = parentScore;
        }

        // An only child stands for its parent, so the sibling search below looks one level up.
        while (top.ParentElement is { } only && only != body && only.ChildElementCount == 1)
        {
            top = only;
        }

        return top;
    }

    private static void AddSiblings(IElement top, Dictionary<IElement, double> scores, Dictionary<IElement, ElementStats> stats, RemovedElements removed, HashSet<IElement> containers)
    {
        if (top.ParentElement is not { } parent)
        {
            return;
        }

        var topScore = scores.TryGetValue(top, out var scored) ? scored : 0;
        var threshold = Math.Max(10, topScore * 0.2);
        var className = top.ClassName;
        foreach (var sibling in parent.Children)
        {
            if (sibling == top || removed.IsRemoved(sibling))
            {
                continue;
            }

            // A sibling of the same class as the best candidate is likely more of the same.
            var bonus = !string.IsNullOrEmpty(className) && sibling.ClassName == className ? topScore * 0.2 : 0;
            if (scores.TryGetValue(sibling, out var score) && score + bonus >= threshold)
            {
                containers.Add(sibling);
            }
            else if (sibling.LocalName == "p" && stats.TryGetValue(sibling, out var s))
            {
                var density = LinkDensity(s);
                if ((s.Characters > 80 && density < 0.25) || (s.Characters is > 0 and < 80 && density == 0 && HasSentenceEnd(sibling.TextContent)))
                {
                    containers.Add(sibling);
                }
            }
        }
    }

    // Readability's test for a short paragraph that is still prose: a full stop before a space or at the end.
    private static bool HasSentenceEnd(string text)
    {
        var trimmed = text.AsSpan().Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (trimmed[i] == '.' && (i == trimmed.Length - 1 || char.IsWhiteSpace(trimmed[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAncestor(IElement ancestor, IElement element)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static double TagWeight(IElement element) => element.LocalName switch
    {
        "div" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };
}
