using System.Buffers;
using System.Text.RegularExpressions;

namespace Provenance.Text;

/// <summary>
/// The screens of every expression in a rule set, searched for together: one pass over a block
/// finds which of all the screens' strings it holds, and each expression's screen is then a look
/// at a few flags. Searching each screen separately scanned a block once per expression in scope
/// (14% of a large run).
/// </summary>
internal sealed class ScreenIndex
{
    // Expressions by identity: the rules hold the instances the index was built from.
    private readonly Dictionary<Regex, int> _ids;
    private readonly Entry[] _entries;

    // Every string made only of ASCII, searched ignoring case (a superset of the case-sensitive
    // ones), and the others searched as they are; a hit is then checked string by string.
    private readonly SearchValues<string>? _ascii;
    private readonly SearchValues<string>? _other;
    private readonly Dictionary<char, Literal[]> _asciiByFirst;
    private readonly Dictionary<char, Literal[]> _otherByFirst;

    private ScreenIndex(Dictionary<Regex, int> ids, Entry[] entries, List<Literal> literals)
    {
        _ids = ids;
        _entries = entries;
        Count = literals.Count;
        var ascii = literals.Where(l => System.Text.Ascii.IsValid(l.Text)).ToList();
        var other = literals.Where(l => !System.Text.Ascii.IsValid(l.Text)).ToList();
        _ascii = ascii.Count == 0 ? null : SearchValues.Create([.. ascii.Select(l => l.Text).Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
        _other = other.Count == 0 ? null : SearchValues.Create([.. other.Select(l => l.Text).Distinct(StringComparer.Ordinal)], StringComparison.Ordinal);

        // Keyed as ordinal ignore-case compares ('ſ' is an 'S'), so every hit finds its bucket.
        _asciiByFirst = ascii.GroupBy(l => char.ToUpperInvariant(l.Text[0])).ToDictionary(g => g.Key, g => g.ToArray());
        _otherByFirst = other.GroupBy(l => l.Text[0]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>How many distinct strings the screens search for.</summary>
    public int Count { get; }

    /// <summary>Builds the screens of <paramref name="expressions"/>; those without required strings get none.</summary>
    public static ScreenIndex Build(IEnumerable<Regex> expressions)
    {
        var ids = new Dictionary<Regex, int>(ReferenceEqualityComparer.Instance);
        var entries = new List<Entry>();
        var literalIds = new Dictionary<(string, bool), int>();
        var literals = new List<Literal>();
        foreach (var expression in expressions)
        {
            if (ids.ContainsKey(expression) || RegexScreen.For(expression) is not { } screen)
            {
                continue;
            }

            var mine = new List<int>();
            foreach (var (text, ignoreCase) in screen.Searches)
            {
                if (!literalIds.TryGetValue((text, ignoreCase), out var id))
                {
                    id = literals.Count;
                    literalIds.Add((text, ignoreCase), id);
                    literals.Add(new Literal(text, ignoreCase, id));
                }

                mine.Add(id);
            }

            ids.Add(expression, entries.Count);
            entries.Add(new Entry([.. mine.Distinct()], screen.IgnoreCase));
        }

        return new ScreenIndex(ids, [.. entries], literals);
    }

    /// <summary>The screens of <paramref name="expressions"/> by number, -1 for one without a screen; asked once per rule and article.</summary>
    public int[] IdsOf(IReadOnlyList<Regex> expressions)
    {
        var ids = new int[expressions.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = _ids.GetValueOrDefault(expressions[i], -1);
        }

        return ids;
    }

    /// <summary>Which of the screens' strings <paramref name="text"/> holds, by number.</summary>
    public bool[] Find(string text)
    {
        var found = new bool[Count];
        if (_ascii is not null)
        {
            Scan(text, _ascii, _asciiByFirst, ascii: true, found);
        }

        if (_other is not null)
        {
            Scan(text, _other, _otherByFirst, ascii: false, found);
        }

        return found;
    }

    /// <summary>
    /// Whether <paramref name="text"/>, holding the strings <paramref name="found"/> says, may match
    /// the expression whose screen is <paramref name="id"/>: false only when it certainly cannot.
    /// </summary>
    public bool MayMatch(int id, string text, bool[] found, bool mayHaveCaseOddities)
    {
        if (id < 0)
        {
            return true;
        }

        var entry = _entries[id];
        foreach (var literal in entry.Literals)
        {
            if (found[literal])
            {
                return true;
            }
        }

        return entry.IgnoreCase && mayHaveCaseOddities && RegexScreen.HasCaseOddities(text);
    }

    private static void Scan(string text, SearchValues<string> values, Dictionary<char, Literal[]> byFirst, bool ascii, bool[] found)
    {
        var span = text.AsSpan();
        for (var offset = 0; offset < span.Length;)
        {
            var hit = span[offset..].IndexOfAny(values);
            if (hit < 0)
            {
                return;
            }

            var at = offset + hit;
            if (byFirst.TryGetValue(ascii ? char.ToUpperInvariant(span[at]) : span[at], out var candidates))
            {
                var rest = span[at..];
                foreach (var literal in candidates)
                {
                    if (!found[literal.Id] && rest.StartsWith(literal.Text, literal.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                    {
                        found[literal.Id] = true;
                    }
                }
            }

            offset = at + 1;
        }
    }

    private sealed record Entry(int[] Literals, bool IgnoreCase);

    private sealed record Literal(string Text, bool IgnoreCase, int Id);
}
