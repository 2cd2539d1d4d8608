using System.Text.RegularExpressions;

namespace Provenance.Outlets;

/// <summary>A place in a text that names an outlet or a domain.</summary>
/// <param name="Index">Offset in the text.</param>
/// <param name="Length">Length of the mention.</param>
/// <param name="Lookup">What the registry knows of it.</param>
/// <param name="Weak">Whether it matched by a weak alias (an ordinary phrase too).</param>
/// <param name="IsDomain">Whether it is a domain or URL rather than a name.</param>
internal sealed record OutletMention(int Index, int Length, OutletLookup Lookup, bool Weak, bool IsDomain)
{
    public int End => Index + Length;
}

/// <summary>
/// Finds outlet names and domains in text. All aliases go into one case-sensitive multi-string
/// search (longest first at a position); domains are found by shape and looked up.
/// </summary>
internal sealed partial class OutletMatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly OutletRegistry _registry;

    // Built on first use: a run that analyses nothing (every article cached) never pays for them.
    private readonly Lazy<AliasSearch?> _strong;
    private readonly Lazy<AliasSearch?> _weak;

    public OutletMatcher(OutletRegistry registry)
    {
        _registry = registry;
        _strong = new(() => AliasSearch.Create(registry.Outlets.SelectMany(o => o.Aliases)));
        _weak = new(() => AliasSearch.Create(registry.Outlets.SelectMany(o => o.WeakAliases)));
    }

    /// <summary>Builds the name searches now rather than for the first text searched.</summary>
    public void Prepare()
    {
        _ = _strong.Value;
        _ = _weak.Value;
    }

    /// <summary>Whether the name searches are built.</summary>
    public bool IsPrepared => _strong.IsValueCreated && _weak.IsValueCreated;

    /// <summary>
    /// Mentions of the kinds asked for, in order, without overlaps (the earliest, then longest,
    /// wins), from a text's parts: rules that ask for different mixes of names, weak names and
    /// domains share one search of each.
    /// </summary>
    public static List<OutletMention> Find(MentionParts parts, bool names, bool domains, bool includeWeak)
    {
        // Each part is in order without overlaps already; most blocks have at most one part with
        // anything in it, which is then the answer as it stands (callers copy before they add).
        var strong = names ? parts.Strong : null;
        var weak = names && includeWeak ? parts.Weak : null;
        var hosts = domains ? parts.Domains : null;
        var filled = (strong is { Count: > 0 } ? 1 : 0) + (weak is { Count: > 0 } ? 1 : 0) + (hosts is { Count: > 0 } ? 1 : 0);
        if (filled == 0)
        {
            return strong ?? weak ?? hosts ?? [];
        }

        if (filled == 1)
        {
            return strong is { Count: > 0 } ? strong : weak is { Count: > 0 } ? weak : hosts!;
        }

        var found = new List<OutletMention>();
        if (names)
        {
            found.AddRange(parts.Strong);
        }

        if (names && includeWeak)
        {
            found.AddRange(parts.Weak);
        }

        if (domains)
        {
            found.AddRange(parts.Domains);
        }

        // The same order of parts as always, so that the (unstable) sort gives the same result.
        found.Sort((a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : b.Length.CompareTo(a.Length));
        var result = new List<OutletMention>(found.Count);
        var end = -1;
        foreach (var mention in found)
        {
            if (mention.Index >= end)
            {
                result.Add(mention);
                end = mention.End;
            }
        }

        return result;
    }

    internal List<OutletMention> Strong(string text) => Names(_strong.Value, text, weak: false);

    internal List<OutletMention> Weak(string text) => Names(_weak.Value, text, weak: true);

    internal List<OutletMention> Domains(string text)
    {
        // A domain's top-level part follows a dot, and a match holds no white space: it lies in
        // the run of other characters around such a dot, and its look-arounds see only that run
        // and the white space bounding it. So the expression runs on those runs alone; run over a
        // whole paragraph with an abbreviation in it ("U.S.") it tried every position.
        var found = new List<OutletMention>();
        var span = text.AsSpan();
        for (var position = 0; DomainDot(span, position) is var dot and >= 0;)
        {
            var start = dot;
            while (start > 0 && !char.IsWhiteSpace(span[start - 1]))
            {
                start--;
            }

            var end = dot + 1;
            while (end < span.Length && !char.IsWhiteSpace(span[end]))
            {
                end++;
            }

            foreach (var match in DomainPattern().EnumerateMatches(span[start..end]))
            {
                found.Add(new OutletMention(start + match.Index, match.Length, _registry.FindByHost(text.Substring(start + match.Index, match.Length)), false, true));
            }

            position = end;
        }

        return found;
    }

    private List<OutletMention> Names(AliasSearch? search, string text, bool weak)
    {
        var found = new List<OutletMention>();
        search?.Find(text, (found, weak, _registry), static (state, index, alias) =>
        {
            if (state._registry.FindByAlias(alias) is { } outlet)
            {
                state.found.Add(new OutletMention(index, alias.Length, new OutletLookup(outlet, null, null), state.weak, false));
            }
        });

        return found;
    }

    // The next dot from position that a top-level domain may follow, or -1. Under ignore-case
    // 'k' and 's' also match the Kelvin sign and the long s.
    private static int DomainDot(ReadOnlySpan<char> span, int position)
    {
        for (var dot = span[position..].IndexOf('.'); dot >= 0; dot = span[position..].IndexOf('.'))
        {
            dot += position;
            if (dot + 1 < span.Length && (char.IsAsciiLetter(span[dot + 1]) || span[dot + 1] is '\u212A' or '\u017F'))
            {
                return dot;
            }

            position = dot + 1;
        }

        return -1;
    }

    // A URL or bare domain ("www.cnn.com", "https://apnews.com/article/x", "BanxChange.com"), not an e-mail address.
    [GeneratedRegex(@"(?<![\w@.-])(?:https?://)?(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|org|net|edu|gov|int|info|news|io|co|uk|us|ca|au|de|fr|it|es|nl|in|jp|cn|ru|il|ie|nz|za|tv|me|ly|eu|ch|at|be|se|no|dk|fi|pl|pt|br|mx|ar|kr|sg|hk|tw|tr|ae|qa|sa|eg|pk|ng|ke|ua|lb)(?:/[^\s""'<>)\]]*[\w/])?(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex DomainPattern();
}

/// <summary>A text's outlet names, weak names and domains, each searched for when first asked.</summary>
internal sealed class MentionParts(OutletMatcher matcher, string text)
{
    private List<OutletMention>? _strong;
    private List<OutletMention>? _weak;
    private List<OutletMention>? _domains;

    public List<OutletMention> Strong => _strong ??= matcher.Strong(text);

    public List<OutletMention> Weak => _weak ??= matcher.Weak(text);

    public List<OutletMention> Domains => _domains ??= matcher.Domains(text);
}
