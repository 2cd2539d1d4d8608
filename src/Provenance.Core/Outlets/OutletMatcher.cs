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

    /// <summary>
    /// Mentions of the kinds asked for, in order, without overlaps (the earliest, then longest,
    /// wins), from a text's parts: rules that ask for different mixes of names, weak names and
    /// domains share one search of each.
    /// </summary>
    public static List<OutletMention> Find(MentionParts parts, bool names, bool domains, bool includeWeak)
    {
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
        var found = new List<OutletMention>();
        if (MayHoldDomain(text))
        {
            foreach (Match match in DomainPattern().Matches(text))
            {
                found.Add(new OutletMention(match.Index, match.Length, _registry.FindByHost(match.Value), false, true));
            }
        }

        return found;
    }

    private List<OutletMention> Names(AliasSearch? search, string text, bool weak)
    {
        var found = new List<OutletMention>();
        if (search is not null)
        {
            AddNames(found, search, text, weak);
        }

        return found;
    }

    private void AddNames(List<OutletMention> found, AliasSearch search, string text, bool weak) =>
        search.Find(text, (found, weak, _registry), static (state, index, alias) =>
        {
            if (state._registry.FindByAlias(alias) is { } outlet)
            {
                state.found.Add(new OutletMention(index, alias.Length, new OutletLookup(outlet, null, null), state.weak, false));
            }
        });

    // Every domain has a dot followed by its top-level domain; most paragraphs have none, and the
    // domain expression, which has no literal to look for first, tries every position. Under
    // ignore-case 'k' and 's' also match the Kelvin sign and the long s.
    private static bool MayHoldDomain(string text)
    {
        var span = text.AsSpan();
        for (var dot = span.IndexOf('.'); dot >= 0 && dot + 1 < span.Length; dot = span.IndexOf('.'))
        {
            var next = span[dot + 1];
            if (char.IsAsciiLetter(next) || next is '\u212A' or '\u017F')
            {
                return true;
            }

            span = span[(dot + 1)..];
        }

        return false;
    }

    // A URL or bare domain ("www.cnn.com", "https://apnews.com/article/x", "BanxChange.com"), not an e-mail address.
    [GeneratedRegex(@"(?<![\w@.-])(?:https?://)?(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|org|net|edu|gov|int|info|news|io|co|uk|us|ca|au|de|fr|it|es|nl|in|jp|cn|ru|il|ie|nz|za|tv|me|ly|eu|ch|at|be|se|no|dk|fi|pl|pt|br|mx|ar|kr|sg|hk|tw|tr|ae|qa|sa|eg|pk|ng|ke|ua|lb)(?:/[^\s""'<>)\]]*[\w/])?(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
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
