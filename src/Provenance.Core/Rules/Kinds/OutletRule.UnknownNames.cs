using System.Text.RegularExpressions;
using Provenance.Analysis;
using Provenance.Outlets;

namespace Provenance.Rules.Kinds;

/// <summary>Names the registry does not know that an outlet rule takes for outlets where they are cited.</summary>
public sealed partial class OutletRule
{
    // Names an unknown name may span at most, counted from its last word back.
    private const int MaxUnknownWords = 6;

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
        if (!Options.UnknownShapes.IsEmpty && !Options.UnknownShapes.Any(shape => shape.IsMatch(name)) && !DescribedAsOutlet(text, index))
        {
            return null;
        }

        // The name may still spell a rated domain ("Conservative Tribune"): then it is that site.
        return new OutletMention(index, length, registry.FindByName(name), false, false);
    }

    // Whether the words right before the name call it an outlet ("the Kurdish news source
    // BasNews", "the conservative blog WeaselZippers"): then it needs no outlet's shape.
    private bool DescribedAsOutlet(string text, int index)
    {
        if (Options.UnknownDescribedBy.IsEmpty)
        {
            return false;
        }

        var from = Math.Max(0, index - 48);
        var before = text.AsSpan(from, index - from);
        foreach (var described in Options.UnknownDescribedBy)
        {
            if (described.IsMatch(before))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}])(?:The\s+)?\p{Lu}[\p{L}\p{N}&'’-]*(?:\s+(?:of\s+|the\s+|and\s+|&\s+)?\p{Lu}[\p{L}\p{N}&'’-]*){0,5}", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownName();
}
