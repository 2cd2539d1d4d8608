using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Analysis;
using Provenance.Outlets;

namespace Provenance.Rules.Kinds;

/// <summary>Where an outlet rule finds a mention cited: the attribution contexts around it.</summary>
public sealed partial class OutletRule
{
    // Which mentions the text attributes something to: a before-context ending at the mention (or
    // at a "the" or an opening quote right before it), an after-context starting where it ends, a
    // link from the name to the outlet's own site, a written-out page address; then, with lists,
    // every mention listed with a cited one.
    private void MarkCited(RuleContext context, Articles.Block block, string text, List<Candidate> candidates, Dictionary<int, int>? contexts)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            if (candidate.Cited)
            {
                continue;
            }

            var mention = candidate.Mention;
            if (contexts is not null && ContextStart(text, mention.Index, contexts) is { } start)
            {
                candidates[i] = candidate with { Start = start, Cited = true };
                continue;
            }

            if (AfterContextEnd(text, mention.End) is { } end)
            {
                candidates[i] = candidate with { End = end, Cited = true };
                continue;
            }

            if ((Options.PageAddresses && mention.IsDomain && HasPath(text.AsSpan(mention.Index, mention.Length)))
                || (Options.SiteLinks && LinksToOwnSite(context, block, mention)))
            {
                candidates[i] = candidate with { Cited = true };
            }
        }

        if (Options.Lists)
        {
            ExtendToLists(context.Registry, text, candidates);
        }
    }

    private int? AfterContextEnd(string text, int end)
    {
        // Anchored at the mention (\G), so at most one match each; enumerated to allocate none.
        foreach (var after in Options.After)
        {
            foreach (var match in after.EnumerateMatches(text, end))
            {
                return match.Index + match.Length;
            }
        }

        return null;
    }

    // Where a before-context that ends at the mention starts. Contexts end after their white
    // space, so "according to the Associated Press" and "said on “Fox News Sunday”" end at the
    // "the" and the quote: those are stepped over.
    private static int? ContextStart(string text, int index, Dictionary<int, int> contexts)
    {
        if (contexts.TryGetValue(index, out var start))
        {
            return start;
        }

        var position = index;
        while (position > 0 && text[position - 1] is '"' or '“' or '‘' or '\'' or '(')
        {
            position--;
        }

        if (position != index && contexts.TryGetValue(position, out start))
        {
            return start;
        }

        var word = position;
        while (word > 0 && char.IsWhiteSpace(text[word - 1]))
        {
            word--;
        }

        return word != position && word >= 3 && text.AsSpan(word - 3, 3).Equals("the", StringComparison.OrdinalIgnoreCase)
            && (word == 3 || !char.IsLetterOrDigit(text[word - 4])) && contexts.TryGetValue(word - 3, out start)
            ? start
            : null;
    }

    // A name linked to its outlet's own site ("<a href=https://www.reuters.com/…>Reuters</a>"):
    // a link elsewhere (to a copy, to a story about the outlet) is not enough.
    private static bool LinksToOwnSite(RuleContext context, Articles.Block block, OutletMention mention)
    {
        var links = context.Article.Links;
        if (links.IsEmpty || mention.IsDomain)
        {
            return false;
        }

        var span = block.Map.ToSource(Text.TextSpan.FromBounds(mention.Index, mention.End));
        foreach (var link in links)
        {
            if (link.Domain is null || !link.Span.OverlapsWith(span))
            {
                continue;
            }

            var target = context.Registry.FindByHost(link.Domain);
            if (mention.Lookup.Outlet is { } outlet ? ReferenceEquals(target.Outlet, outlet) : mention.Lookup.Host is { } host && OutletRegistry.SiteOf(host) == OutletRegistry.SiteOf(link.Domain))
            {
                return true;
            }
        }

        return false;
    }

    // "Sources: Reuters, Associated Press and the BBC", "a Fox News and CBS/New York Times poll":
    // names joined by list separators share a context, both ways. After a cited name, an unknown
    // name of an outlet's shape listed next to it is cited too.
    private void ExtendToLists(OutletRegistry registry, string text, List<Candidate> candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates[i].Cited)
            {
                continue;
            }

            var next = NextListItem(text, candidates[i].Mention.End);
            if (next < 0)
            {
                continue;
            }

            if (i + 1 < candidates.Count && IsAt(text, candidates[i + 1].Mention.Index, next))
            {
                candidates[i + 1] = candidates[i + 1] with { Cited = true };
            }
            else if (Options.IncludeUnknown && (i + 1 == candidates.Count || candidates[i + 1].Mention.Index > next)
                && UnknownAt(registry, text, SkipThe(text, next)) is { } unknown
                && (i + 1 == candidates.Count || candidates[i + 1].Mention.Index >= unknown.End))
            {
                candidates.Insert(i + 1, new Candidate(unknown, unknown.Index, unknown.End, true));
            }
        }

        for (var i = candidates.Count - 2; i >= 0; i--)
        {
            if (!candidates[i].Cited && candidates[i + 1].Cited && NextListItem(text, candidates[i].Mention.End) is var next and >= 0
                && IsAt(text, candidates[i + 1].Mention.Index, next))
            {
                candidates[i] = candidates[i] with { Cited = true };
            }
        }
    }

    // Whether a mention at index starts at a list item that starts at position, with or without its "the".
    private static bool IsAt(string text, int index, int position) => index == position || index == SkipThe(text, position);

    // Where the next item starts after a list separator (",", ";", "/", "&", "and", "or", ", and")
    // following position, or -1 when none follows.
    private static int NextListItem(string text, int position)
    {
        var p = SkipSpaces(text, position);
        var separated = false;
        if (p < text.Length && text[p] is ',' or ';' or '/' or '&')
        {
            separated = true;
            p = SkipSpaces(text, p + 1);
        }

        foreach (var word in (ReadOnlySpan<string>)["and", "or"])
        {
            if (IsWordAt(text, p, word))
            {
                separated = true;
                p = SkipSpaces(text, p + word.Length);
                break;
            }
        }

        return separated && p < text.Length ? p : -1;
    }

    private static int SkipThe(string text, int position) =>
        IsWordAt(text, position, "the") ? SkipSpaces(text, position + 3) : position;

    private static bool IsWordAt(string text, int position, string word) =>
        position + word.Length < text.Length && text.AsSpan(position, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
        && char.IsWhiteSpace(text[position + word.Length]);

    private static int SkipSpaces(string text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    // Whether an address goes past its host to a page ("cnn.com/2016/…", not "cnn.com" or "cnn.com/").
    private static bool HasPath(ReadOnlySpan<char> address)
    {
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme >= 0 ? address[(scheme + 3)..] : address;
        var slash = rest.IndexOf('/');
        return slash >= 0 && slash + 1 < rest.Length;
    }

    // Where each before-context ends in the block (its trailing white space included), with the
    // earliest start of a context ending there: one pass per context and block, shared by the
    // outlet rules that write it, not one per mention. Null when none does, as in most blocks: a
    // dictionary per block and outlet rule was the largest allocation of an analysis (8 of 49 KB
    // per article).
    private static Dictionary<int, int>? ContextEnds(RuleContext context, ImmutableArray<Regex> expressions, int[]? screens)
    {
        Dictionary<int, int>? ends = null;
        for (var i = 0; i < expressions.Length; i++)
        {
            if (!context.MayMatch(screens, i))
            {
                continue;
            }

            foreach (var (start, end) in context.Matches(expressions[i]))
            {
                ends ??= [];
                ends[end] = ends.TryGetValue(end, out var earlier) ? Math.Min(earlier, start) : start;
            }
        }

        return ends;
    }
}
