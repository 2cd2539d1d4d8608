using System.Text.RegularExpressions;

namespace Provenance.Text;

/// <summary>
/// What screens an expression: sets of strings every match contains one of each
/// (<see cref="RequiredLiterals"/>), as they are searched for; the most selective set first, and a
/// second where the expression needs two things ("said" and a quote mark). A text lacking any one
/// set cannot match, and most text lacks one; <see cref="ScreenIndex"/> searches a block for the
/// strings of every screen at once.
/// </summary>
internal sealed class RegexScreen
{
    // Two sets are what the default packs' costly expressions need (a speech verb and a quote
    // mark); a third, measured over 3,000 articles, gained nothing beyond the machine's noise.
    private const int MostSets = 2;

    private RegexScreen(IReadOnlyList<Needed> sets, bool ignoreCase)
    {
        Sets = sets;
        IgnoreCase = ignoreCase;
    }

    /// <summary>The most selective set of strings, one of which every match contains.</summary>
    public IReadOnlyList<string> Literals => Sets[0].Literals;

    /// <summary>The first set's strings as they are searched for, each ignoring case or not.</summary>
    public IReadOnlyList<(string Text, bool IgnoreCase)> Searches => Sets[0].Searches;

    /// <summary>Every set the screen checks: a text must hold one string of each.</summary>
    public IReadOnlyList<Needed> Sets { get; }

    /// <summary>Whether the expression ignores case, so that letters which fold oddly (<see cref="HasCaseOddities"/>) let any text through.</summary>
    public bool IgnoreCase { get; }

    /// <summary>A screen for <paramref name="regex"/>, or <see langword="null"/> when no required strings are known.</summary>
    public static RegexScreen? For(Regex regex)
    {
        if (RequiredLiterals.Extract(regex.ToString(), regex.Options, MostSets) is not { } found)
        {
            return null;
        }

        // Non-ASCII letters have case rules of their own in expressions; such a set is not searched.
        var sets = new List<Needed>();
        foreach (var literals in found.Sets)
        {
            if ((!found.IgnoreCase || !literals.Any(HasOwnCaseRules))
                && (sets.Count == 0 || WorthSearching(literals)))
            {
                sets.Add(new Needed(literals, found.IgnoreCase));
            }
        }

        return sets.Count == 0 ? null : new RegexScreen(sets, found.IgnoreCase);
    }

    /// <summary>
    /// Whether the text has a non-ASCII letter with case: there, what an ignore-case expression
    /// equates and what an ordinal ignore-case search equates differ, so it is not searched for.
    /// </summary>
    internal static bool HasOwnCaseRules(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAscii(c) && (char.ToUpperInvariant(c) != c || char.ToLowerInvariant(c) != c))
            {
                return true;
            }
        }

        return false;
    }

    // A set beyond the first is searched for only where that costs little: strings of four
    // characters or more join the one pass over the block, and single characters are one
    // vectorised search each. Short words ("it", "of", "are") would each be a search of their own
    // through every block, and are in most blocks anyway: with them the screens' search took
    // twice as long (12.8 -> 24.3 µs per article) and turned away next to nothing more.
    private static bool WorthSearching(string[] literals) =>
        literals.All(l => l.Length >= 4) || literals.All(l => l.Length == 1);

    /// <summary>One set of strings a match contains one of, and how each is searched for.</summary>
    internal sealed class Needed
    {
        public Needed(IReadOnlyList<string> literals, bool ignoreCase)
        {
            Literals = literals;
            if (!ignoreCase)
            {
                Searches = [.. literals.Distinct(StringComparer.Ordinal).Select(l => (l, false))];
                return;
            }

            // One non-ASCII string ("“", "don’t") sends an ignore-case search down a path many times
            // slower than the ASCII one. Such a string is screened by its longest ASCII run instead
            // (any text holding it holds that run), or, with no ASCII at all, searched as it is: For
            // lets through only non-ASCII characters without case.
            var ascii = new List<string>();
            var caseless = new List<string>();
            foreach (var literal in literals)
            {
                if (System.Text.Ascii.IsValid(literal))
                {
                    ascii.Add(literal);
                }
                else if (LongestAsciiRun(literal) is { Length: > 0 } run)
                {
                    ascii.Add(run);
                }
                else
                {
                    caseless.Add(literal);
                }
            }

            Searches = [.. ascii.Distinct(StringComparer.OrdinalIgnoreCase).Select(l => (l, true)), .. caseless.Distinct(StringComparer.Ordinal).Select(l => (l, false))];
        }

        /// <summary>The strings, one of which every match contains.</summary>
        public IReadOnlyList<string> Literals { get; }

        /// <summary>The strings as they are searched for, each ignoring case or not.</summary>
        public IReadOnlyList<(string Text, bool IgnoreCase)> Searches { get; }
    }

    /// <summary>
    /// Whether the text holds a letter that folds oddly. Under ignore-case .NET expressions let 'k'
    /// match the Kelvin sign, 's' the long s, 'å' the Ångström sign and so on, which an ordinal
    /// ignore-case search may not: a text with one of these is always let through. Two searches of
    /// at most five characters are vectorised; one of all seven would be a probabilistic search,
    /// several times slower. An analysis asks once per article (<c>ArticleLayout</c>) rather than
    /// once per screen and block, which was 5% of a large run.
    /// </summary>
    internal static bool HasCaseOddities(ReadOnlySpan<char> text) =>
        text.IndexOfAny("\u212A\u212B\u2126\u1E9E\u0130") >= 0 || text.IndexOfAny('\u0131', '\u017F') >= 0;

    private static string LongestAsciiRun(string literal)
    {
        var (best, bestStart, start) = (0, 0, 0);
        for (var i = 0; i <= literal.Length; i++)
        {
            if (i < literal.Length && char.IsAscii(literal[i]))
            {
                continue;
            }

            if (i - start > best)
            {
                (best, bestStart) = (i - start, start);
            }

            start = i + 1;
        }

        return literal.Substring(bestStart, best);
    }
}
