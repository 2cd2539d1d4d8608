using System.Buffers;
using System.Text.RegularExpressions;

namespace Provenance.Text;

/// <summary>
/// A cheap test that a text cannot match an expression: it holds none of the strings every match
/// contains (<see cref="RequiredLiterals"/>). One vectorised multi-string search replaces a run of
/// the expression over text where it would find nothing, which is most text.
/// </summary>
internal sealed class RegexScreen
{
    private readonly SearchValues<string> _literals;
    private readonly SearchValues<string>? _caseless;
    private readonly bool _ignoreCase;

    private RegexScreen(IReadOnlyList<string> literals, bool ignoreCase)
    {
        Literals = literals;
        _ignoreCase = ignoreCase;
        if (!ignoreCase)
        {
            _literals = SearchValues.Create([.. literals], StringComparison.Ordinal);
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

        _literals = SearchValues.Create([.. ascii.Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
        _caseless = caseless.Count == 0 ? null : SearchValues.Create([.. caseless.Distinct(StringComparer.Ordinal)], StringComparison.Ordinal);
    }

    /// <summary>The strings, one of which every match contains.</summary>
    public IReadOnlyList<string> Literals { get; }

    /// <summary>A screen for <paramref name="regex"/>, or <see langword="null"/> when no required strings are known.</summary>
    public static RegexScreen? For(Regex regex)
    {
        if (RequiredLiterals.Extract(regex.ToString(), regex.Options) is not { } found)
        {
            return null;
        }

        // Non-ASCII letters have case rules of their own in expressions; those screens are not built.
        if (found.IgnoreCase && found.Literals.Any(l => l.Any(c => !char.IsAscii(c) && (char.ToUpperInvariant(c) != c || char.ToLowerInvariant(c) != c))))
        {
            return null;
        }

        return new RegexScreen(found.Literals, found.IgnoreCase);
    }

    /// <summary>Screens for <paramref name="expressions"/>, built once a rule has run on enough blocks to repay them.</summary>
    public static LazyScreens Lazily(IEnumerable<Regex> expressions) => new(expressions);

    /// <summary>Whether <paramref name="text"/> may hold a match: false only when it certainly cannot.</summary>
    /// <param name="text">The text.</param>
    /// <param name="mayHaveCaseOddities">False when the caller knows the text has none of the letters that fold oddly (<see cref="HasCaseOddities"/>).</param>
    public bool MayMatch(ReadOnlySpan<char> text, bool mayHaveCaseOddities = true) =>
        text.IndexOfAny(_literals) >= 0 || (_caseless is not null && text.IndexOfAny(_caseless) >= 0) || (_ignoreCase && mayHaveCaseOddities && HasCaseOddities(text));

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

/// <summary>
/// A rule's screens, built once it has run on enough blocks to repay them. Reading an expression's
/// syntax for its required strings costs more than running it over a few blocks: a check of one
/// article, or of articles that all come from a cache, never builds them. Screens never change what
/// is found, only how fast, so when they start to apply does not matter.
/// </summary>
internal sealed class LazyScreens(IEnumerable<Regex> expressions)
{
    private const int BuildAfterBlocks = 64;
    private readonly Lazy<System.Collections.Immutable.ImmutableArray<RegexScreen?>> _screens = new(() => [.. expressions.Select(RegexScreen.For)]);
    private int _blocks;

    /// <summary>The screens, one per expression, or the default (empty) array while none apply yet; counts the block.</summary>
    public System.Collections.Immutable.ImmutableArray<RegexScreen?> ForBlock() =>
        _blocks >= BuildAfterBlocks || ++_blocks >= BuildAfterBlocks ? _screens.Value : default;

    /// <summary>Whether <paramref name="text"/> may hold a match of expression <paramref name="index"/>, screens being <paramref name="screens"/>.</summary>
    public static bool MayMatch(System.Collections.Immutable.ImmutableArray<RegexScreen?> screens, int index, string text, bool mayHaveCaseOddities = true) =>
        screens.IsDefault || screens[index] is not { } screen || screen.MayMatch(text, mayHaveCaseOddities);
}
