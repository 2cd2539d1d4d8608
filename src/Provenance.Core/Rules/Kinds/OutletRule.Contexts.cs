using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Analysis;
using Provenance.Outlets;

namespace Provenance.Rules.Kinds;

/// <summary>Where an outlet rule finds a mention cited: the attribution contexts around it.</summary>
public sealed partial class OutletRule
{
    // Names an unknown name may span at most, counted from its last word back.
    private const int MaxUnknownWords = 6;

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

    // Where each unknownAfter context ("reported", "first reported") starts, with where it ends.
    private List<(int Start, int End)>? UnknownAfterStarts(RuleContext context, int[]? screens)
    {
        List<(int Start, int End)>? starts = null;
        for (var i = 0; i < Options.UnknownAfter.Length; i++)
        {
            if (!context.MayMatch(screens, i))
            {
                continue;
            }

            foreach (var found in context.Matches(Options.UnknownAfter[i]))
            {
                (starts ??= []).Add(found);
            }
        }

        return starts;
    }

    // Capitalised names the registry does not know, where a context makes them a source: right
    // after a before-context ("Original Source: Example Gazette", "according to The Trace") and
    // right before an unknownAfter context ("The Trace reported"). With unknownShapes, only names
    // shaped like an outlet's ("The X", "… News", "… Register") count, so "told John Smith" does not.
    private void AddUnknownNames(OutletRegistry registry, string text, List<Candidate> candidates, Dictionary<int, int>? contexts, List<(int Start, int End)>? unknownAfter)
    {
        var known = candidates.Count;
        if (contexts is not null)
        {
            foreach (var (end, start) in contexts)
            {
                // "told the Des Moines Register": a lower-case "the" is not part of the name, a capital one is ("The Trace").
                var at = end + 4 <= text.Length && text.AsSpan(end).StartsWith("the", StringComparison.Ordinal) ? SkipThe(text, end) : end;
                if (UnknownAt(registry, text, at) is { } name && !Overlaps(candidates, known, name))
                {
                    candidates.Add(new Candidate(name, start, name.End, true));
                }
            }
        }

        if (unknownAfter is not null)
        {
            foreach (var (start, end) in unknownAfter)
            {
                if (UnknownBefore(registry, text, start) is { } name && !Overlaps(candidates, known, name))
                {
                    candidates.Add(new Candidate(name, name.Index, end, true));
                }
            }
        }

        if (candidates.Count > known)
        {
            candidates.Sort(static (a, b) => a.Mention.Index != b.Mention.Index ? a.Mention.Index.CompareTo(b.Mention.Index) : b.Mention.Length.CompareTo(a.Mention.Length));

            // Two contexts may find one name (before and after it): keep it once.
            for (var i = candidates.Count - 1; i > 0; i--)
            {
                if (candidates[i].Mention.Index < candidates[i - 1].Mention.End)
                {
                    candidates.RemoveAt(i);
                }
            }
        }
    }

    private static bool Overlaps(List<Candidate> candidates, int count, OutletMention name)
    {
        for (var i = 0; i < count; i++)
        {
            var mention = candidates[i].Mention;
            if (mention.Index < name.End && name.Index < mention.End)
            {
                return true;
            }
        }

        return false;
    }

    // The capitalised name starting at position, up to a possessive ("the Des Moines Register's
    // Jason Noble"), when it has an outlet's shape.
    private OutletMention? UnknownAt(OutletRegistry registry, string text, int position)
    {
        var match = UnknownName().Match(text, position);
        if (!match.Success)
        {
            return null;
        }

        var length = match.Length;
        var possessive = text.AsSpan(position, length).IndexOfAny("'’");
        if (possessive > 0 && possessive + 1 < length && text[position + possessive + 1] == 's')
        {
            length = possessive;
        }

        // "Collingswood Patch and John Smith": a name may hold "and" or "&" (Mail & Guardian), and
        // a list joins names with them, so the name before each is tried too, longest first.
        while (length > 0)
        {
            if (Named(registry, text, position, length) is { } name)
            {
                return name;
            }

            var run = text.AsSpan(position, length);
            var and = Math.Max(run.LastIndexOf(" and ", StringComparison.Ordinal), run.LastIndexOf(" & ", StringComparison.Ordinal));
            length = and > 0 ? run[..and].TrimEnd().Length : 0;
        }

        return null;
    }

    // The capitalised name that ends right before position (white space between), when some run
    // of its last words has an outlet's shape: "Yesterday The Trace reported" is The Trace.
    private OutletMention? UnknownBefore(OutletRegistry registry, string text, int position)
    {
        var end = position;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end == position || end == 0 || !char.IsLetterOrDigit(text[end - 1]))
        {
            return null;
        }

        Span<int> starts = stackalloc int[MaxUnknownWords];
        var words = 0;
        for (var p = end; p > 0 && words < MaxUnknownWords;)
        {
            var start = p;
            while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }

            var word = text.AsSpan(start, p - start);
            var connector = words > 0 && word is "of" or "the" or "and" or "&";
            if (!connector && !char.IsUpper(word[0]))
            {
                break;
            }

            // A word closing a sentence or a clause ends the name: "…said. The Trace reported".
            if (words > 0 && word[^1] is '.' or ',' or ';' or ':' or '!' or '?' or '"' or '”')
            {
                break;
            }

            starts[words++] = start;
            p = start;
            while (p > 0 && char.IsWhiteSpace(text[p - 1]))
            {
                p--;
            }
        }

        // Longest first; a name does not start with a connector.
        for (var i = words - 1; i >= 0; i--)
        {
            if (char.IsUpper(text[starts[i]]) && Named(registry, text, starts[i], end - starts[i]) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    private OutletMention? Named(OutletRegistry registry, string text, int index, int length)
    {
        if (length <= 1)
        {
            return null;
        }

        var name = text.Substring(index, length);
        if (!Options.UnknownShapes.IsEmpty && !Options.UnknownShapes.Any(shape => shape.IsMatch(name)))
        {
            return null;
        }

        // The name may still spell a rated domain ("Conservative Tribune"): then it is that site.
        return new OutletMention(index, length, registry.FindByName(name), false, false);
    }

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}])(?:The\s+)?\p{Lu}[\p{L}\p{N}&'’-]*(?:\s+(?:of\s+|the\s+|and\s+|&\s+)?\p{Lu}[\p{L}\p{N}&'’-]*){0,5}", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownName();
}
