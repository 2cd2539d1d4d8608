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
    // Under ignore-case .NET expressions let 'k' match the Kelvin sign, 's' the long s, 'å' the
    // Ångström sign and so on, which an ordinal ignore-case search may not: a text with one of these
    // is always let through.
    private static readonly SearchValues<char> CaseOddities = SearchValues.Create("\u212A\u212B\u2126\u1E9E\u0130\u0131\u017F");

    private readonly SearchValues<string> _literals;
    private readonly bool _ignoreCase;

    private RegexScreen(IReadOnlyList<string> literals, bool ignoreCase)
    {
        Literals = literals;
        _ignoreCase = ignoreCase;
        _literals = SearchValues.Create([.. literals], ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
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

    /// <summary>
    /// Screens for <paramref name="expressions"/>, built when a rule first runs: a run whose articles
    /// all come from a cache never pays for them.
    /// </summary>
    public static Lazy<System.Collections.Immutable.ImmutableArray<RegexScreen?>> Lazily(IEnumerable<Regex> expressions) =>
        new(() => [.. expressions.Select(For)]);

    /// <summary>Whether <paramref name="text"/> may hold a match: false only when it certainly cannot.</summary>
    public bool MayMatch(ReadOnlySpan<char> text) =>
        text.IndexOfAny(_literals) >= 0 || (_ignoreCase && text.IndexOfAny(CaseOddities) >= 0);
}
