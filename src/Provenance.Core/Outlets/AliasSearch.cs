using System.Buffers;

namespace Provenance.Outlets;

/// <summary>
/// Finds outlet aliases in text as whole names: a vectorised search
/// (<see cref="SearchValues{T}"/>) for the characters an alias may start with, then, where one
/// starts a name, the aliases that start with that character, longest first. It finds what the alternation
/// <c>(?&lt;![\p{L}\p{N}_@.])(?:longest|…|shortest)(?![\p{L}\p{N}_]|\.[\p{L}\p{N}])</c> finds, an
/// order of magnitude faster: a compiled regular expression with hundreds of alternatives tries
/// each at every position.
/// </summary>
internal sealed class AliasSearch
{
    // Where an alias may start, in two searches. Aliases starting with a capital: the capitals
    // themselves, each candidate checked in place (a multi-string search of 500 aliases walked an
    // automaton character by character). The rest ("the BBC", "dpa", "112 Ukraine"): a search for
    // those aliases, as their first letters are everywhere in prose.
    private readonly SearchValues<char>? _capitals;
    private readonly SearchValues<string>? _others;

    // The aliases grouped by first character (_firsts, sorted), then by second: _seconds[i] the
    // second characters of the aliases starting with _firsts[i], _byPair[i][j] those aliases with
    // _seconds[i][j] second, longest first, followed by the one-character alias _firsts[i] if
    // there is one, which is also _singles[i]. Arrays rather than dictionaries keyed by char, whose
    // code is compiled at start-up, which a one-file check feels.
    private readonly char[] _firsts;
    private readonly char[][] _seconds;
    private readonly string[][][] _byPair;
    private readonly string[][] _singles;

    // _firsts' index of each ASCII character, -1 for none: looked up for every capital in the
    // text, where a scan of _firsts was 0.8% of a large run. Null when _firsts is too long for sbyte.
    private readonly sbyte[]? _asciiFirsts;

    private AliasSearch(SearchValues<char>? capitals, SearchValues<string>? others, string[][] byFirst)
    {
        _capitals = capitals;
        _others = others;
        _firsts = [.. byFirst.Select(g => g[0][0])];
        _singles = [.. byFirst.Select(g => g.Where(a => a.Length == 1).ToArray())];
        _seconds = [.. byFirst.Select(g => g.Where(a => a.Length > 1).Select(a => a[1]).Distinct().ToArray())];
        _byPair = [.. byFirst.Select((g, i) => _seconds[i].Select(second => g.Where(a => a.Length == 1 || a[1] == second).ToArray()).ToArray())];
        if (_firsts.Length <= sbyte.MaxValue + 1)
        {
            _asciiFirsts = new sbyte[128];
            Array.Fill(_asciiFirsts, (sbyte)-1);
            for (var i = 0; i < _firsts.Length; i++)
            {
                if (_firsts[i] < 128)
                {
                    _asciiFirsts[_firsts[i]] = (sbyte)i;
                }
            }
        }
    }

    /// <summary>A search for these aliases (case-sensitive), or <see langword="null"/> when there are none.</summary>
    public static AliasSearch? Create(IEnumerable<string> aliases)
    {
        var distinct = aliases.Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            return null;
        }

        // Longest first, then ordinal: at one position the first alias that fits wins, as in the alternation.
        Array.Sort(distinct, (a, b) => a[0] != b[0] ? a[0].CompareTo(b[0]) : a.Length != b.Length ? b.Length.CompareTo(a.Length) : string.CompareOrdinal(a, b));
        var firsts = new char[distinct.Length];
        var byFirst = new string[distinct.Length][];
        var groups = 0;
        for (var start = 0; start < distinct.Length; groups++)
        {
            var end = start + 1;
            while (end < distinct.Length && distinct[end][0] == distinct[start][0])
            {
                end++;
            }

            firsts[groups] = distinct[start][0];
            byFirst[groups] = distinct[start..end];
            start = end;
        }

        var capitals = firsts.AsSpan(0, groups).ToArray().Where(char.IsAsciiLetterUpper).ToArray();
        var others = distinct.Where(a => !char.IsAsciiLetterUpper(a[0])).ToArray();
        return new AliasSearch(
            capitals.Length == 0 ? null : SearchValues.Create(capitals),
            others.Length == 0 ? null : SearchValues.Create(others, StringComparison.Ordinal),
            byFirst[..groups]);
    }

    /// <summary>Calls <paramref name="found"/> for each whole-name alias in <paramref name="text"/>, left to right, without overlaps.</summary>
    public void Find<TState>(string text, TState state, Action<TState, int, string> found)
    {
        // Every place either search finds is tried, in order; each search's next place is kept
        // until the walk passes it (-2: not searched yet, -1: no more).
        var position = 0;
        var (capital, other) = (-2, -2);
        while (position < text.Length)
        {
            if (capital != -1 && capital < position)
            {
                capital = _capitals is null ? -1 : Next(text.AsSpan(position).IndexOfAny(_capitals), position);
            }

            if (other != -1 && other < position)
            {
                other = _others is null ? -1 : Next(text.AsSpan(position).IndexOfAny(_others), position);
            }

            if (capital < 0 && other < 0)
            {
                return;
            }

            position = capital < 0 ? other : other < 0 ? capital : Math.Min(capital, other);
            var alias = AliasAt(text, position);
            if (alias is null)
            {
                position++;
                continue;
            }

            found(state, position, alias);
            position += alias.Length;
        }
    }

    private static int Next(int found, int from) => found < 0 ? -1 : from + found;

    private string? AliasAt(string text, int position)
    {
        if (position > 0 && IsNameCharOrJoin(text[position - 1]))
        {
            return null;
        }

        var rest = text.AsSpan(position);
        foreach (var alias in AliasesStartingWith(rest))
        {
            // The last character first: "The" starts sentences and sixty aliases.
            if (alias.Length <= rest.Length && alias[^1] == rest[alias.Length - 1]
                && rest.StartsWith(alias, StringComparison.Ordinal) && EndsWholeName(text, position + alias.Length))
            {
                return alias;
            }
        }

        return null;
    }

    // The aliases that may start the text: those sharing its first two characters. The first by
    // table when ASCII; otherwise, and for the second, a vectorised scan of a few dozen characters,
    // as quick as a binary search and precompiled, where Array.BinarySearch over char is compiled
    // at run time in every process.
    private string[] AliasesStartingWith(ReadOnlySpan<char> text)
    {
        var c = text[0];
        var first = c < 128 && _asciiFirsts is { } table ? table[c] : new ReadOnlySpan<char>(_firsts).IndexOf(c);
        if (first < 0)
        {
            return [];
        }

        var second = text.Length > 1 ? new ReadOnlySpan<char>(_seconds[first]).IndexOf(text[1]) : -1;
        return second < 0 ? _singles[first] : _byPair[first][second];
    }

    // Not inside a longer word, a handle (@cnn) or a domain (edition.cnn).
    private static bool IsNameCharOrJoin(char c) => IsNameChar(c) || c is '@' or '.';

    private static bool EndsWholeName(string text, int end) =>
        end >= text.Length ||
        !(IsNameChar(text[end]) || (text[end] == '.' && end + 1 < text.Length && IsLetterOrNumber(text[end + 1])));

    private static bool IsNameChar(char c) => IsLetterOrNumber(c) || c == '_';

    // \p{L} and \p{N}: letters of every case and kind, and digits, letter numbers and other numbers.
    private static bool IsLetterOrNumber(char c) => char.IsLetter(c) || char.IsNumber(c);
}
