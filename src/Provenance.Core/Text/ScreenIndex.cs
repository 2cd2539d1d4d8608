using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    // Each screen's sets as masks over FoundStrings' words, all in one array, each set only over
    // the words from its lowest string's to its highest's: screen i's sets are numbered
    // _setsStart[i].._setsStart[i + 1], and set k's masks are _masks[_setMasks[k]..] for the words
    // from _setFirstWord[k] to _setLastWord[k]. A screen's strings are numbered together, so a set
    // spans a word or two; every set over every word read 12 words a set once the packs had 723
    // strings. A record of sets of (word, mask) pairs to walk had made the look-ups 5% of a run.
    private readonly int[] _setsStart;
    private readonly int[] _setMasks;
    private readonly int[] _setFirstWord;
    private readonly int[] _setLastWord;
    private readonly ulong[] _masks;
    private readonly bool[] _ignoreCase;

    // The sets string l is in are _members[_membersStart[l].._membersStart[l + 1]]; set k is
    // screen _setScreen[k]'s. A bit for each screen whose expression ignores case.
    private readonly int[] _membersStart;
    private readonly int[] _members;
    private readonly int[] _setScreen;
    private readonly ulong[] _ignoreCaseScreens;

    // The strings of four characters or more, by a hash of the folded code of their first four
    // (Prefix): a bit per hash for the scan, small enough to stay in the first-level cache (the
    // exact code's table of a million bits did not, and the scan waited on memory), and each hash's
    // strings together in one array, compared only where the exact code agrees.
    private readonly ulong[] _slotBits;
    private readonly int[] _slotStarts;
    private readonly (int Code, Literal Literal, int Checked)[] _long;

    // Single characters that equal only themselves, all looked for in one vector pass; the other
    // strings of one or two characters (a letter ignoring case, "AP") one by one.
    private readonly char[] _singleChars;
    private readonly int[] _singleIds;
    private readonly Literal[] _short;

    // Strings of three characters by the exact folded code of all three. Each is also among the
    // longer strings once for every code a fourth character can have, so that the scan finds it
    // with no test of its own (a second bit set tested at every character, for the default packs'
    // two such strings); only one that ends the text has no fourth, and is looked for apart.
    // A search ignoring case for "don" on its own had cost as much as the scan for every longer string.
    private readonly Dictionary<int, Literal[]> _triples;

    private ScreenIndex(Dictionary<Regex, int> ids, List<Entry> entries, List<Literal> literals)
    {
        _ids = ids;
        Literals = literals;
        _setsStart = new int[entries.Count + 1];
        _ignoreCase = [.. entries.Select(e => e.IgnoreCase)];
        for (var i = 0; i < entries.Count; i++)
        {
            _setsStart[i + 1] = _setsStart[i] + entries[i].Sets.Length;
        }

        var sets = entries.SelectMany(e => e.Sets).ToArray();
        _setMasks = new int[sets.Length];
        _setFirstWord = new int[sets.Length];
        _setLastWord = new int[sets.Length];
        var masks = new List<ulong>();
        for (var k = 0; k < sets.Length; k++)
        {
            // A set has at least one string: RegexScreen keeps no empty set.
            var (first, last) = (sets[k].Min() >> 6, sets[k].Max() >> 6);
            (_setMasks[k], _setFirstWord[k], _setLastWord[k]) = (masks.Count, first, last);
            var words = new ulong[last - first + 1];
            foreach (var literal in sets[k])
            {
                words[(literal >> 6) - first] |= 1UL << literal;
            }

            masks.AddRange(words);
        }

        _masks = [.. masks];
        ScreenCount = entries.Count;

        // The other way round, for Passing: each string's sets, each set's screen.
        _setScreen = new int[sets.Length];
        for (var i = 0; i < entries.Count; i++)
        {
            _setScreen.AsSpan(_setsStart[i], _setsStart[i + 1] - _setsStart[i]).Fill(i);
        }

        var members = Enumerable.Range(0, literals.Count).Select(_ => new List<int>()).ToArray();
        for (var k = 0; k < sets.Length; k++)
        {
            foreach (var literal in sets[k].Distinct())
            {
                members[literal].Add(k);
            }
        }

        _membersStart = new int[literals.Count + 1];
        for (var l = 0; l < literals.Count; l++)
        {
            _membersStart[l + 1] = _membersStart[l] + members[l].Count;
        }

        _members = [.. members.SelectMany(m => m)];
        _ignoreCaseScreens = new ulong[(entries.Count + 63) >> 6];
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].IgnoreCase)
            {
                _ignoreCaseScreens[i >> 6] |= 1UL << i;
            }
        }

        var singles = literals.Where(l => l.Text.Length == 1 && EqualsOnlyItself(l)).ToList();
        _singleChars = [.. singles.Select(l => l.Text[0])];
        _singleIds = [.. singles.Select(l => l.Id)];
        _short = [.. literals.Where(l => l.Text.Length is > 1 and < PrefixLength - 1 || (l.Text.Length == 1 && !singles.Contains(l)))];
        _triples = literals.Where(l => l.Text.Length == PrefixLength - 1).GroupBy(l => Prefix(l.Text, PrefixLength - 1)).ToDictionary(g => g.Key, g => g.ToArray());
        var triples = literals.Where(l => l.Text.Length == PrefixLength - 1)
            .SelectMany(l => Enumerable.Range(0, 1 << Bits).Select(fourth => ((Prefix(l.Text, PrefixLength - 1) << Bits) | fourth, l)));
        _long = [.. literals.Where(l => l.Text.Length >= PrefixLength).Select(l => (Prefix(l.Text, PrefixLength), l))
            .Concat(triples)
            .Select(e => (e.Item1, e.l, CheckedByCode(e.l)))
            .OrderBy(e => Slot(e.Item1)).ThenBy(e => e.l.Id).ThenBy(e => e.Item1)];
        _slotBits = new ulong[SlotCount / 64];
        _slotStarts = new int[SlotCount + 1];
        foreach (var (code, _, _) in _long)
        {
            var slot = Slot(code);
            _slotBits[slot >> 6] |= 1UL << slot;
            _slotStarts[slot + 1]++;
        }

        for (var slot = 0; slot < SlotCount; slot++)
        {
            _slotStarts[slot + 1] += _slotStarts[slot];
        }
    }

    /// <summary>The strings the screens search for, by number.</summary>
    internal IReadOnlyList<Literal> Literals { get; }

    /// <summary>How many distinct strings the screens search for.</summary>
    public int Count => Literals.Count;

    /// <summary>How many expressions have a screen: their ids run from 0 to one less.</summary>
    public int ScreenCount { get; }

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

            var sets = new int[screen.Sets.Count][];
            for (var s = 0; s < sets.Length; s++)
            {
                var mine = new List<int>();
                foreach (var (text, ignoreCase) in screen.Sets[s].Searches)
                {
                    if (!literalIds.TryGetValue((text, ignoreCase), out var id))
                    {
                        id = literals.Count;
                        literalIds.Add((text, ignoreCase), id);
                        literals.Add(new Literal(text, ignoreCase, id));
                    }

                    mine.Add(id);
                }

                sets[s] = [.. mine];
            }

            ids.Add(expression, entries.Count);
            entries.Add(new Entry(sets, screen.IgnoreCase));
        }

        return new ScreenIndex(ids, entries, literals);
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

    /// <summary>
    /// Which of the screens' strings <paramref name="text"/> holds, by number. One pass over the
    /// text folds each run of four characters to a number and looks it up in a bit set of the
    /// strings' first four (a three-character string's three followed by anything); only where
    /// one starts is a string compared. A multi-string search of
    /// all 270 strings of the default packs (Aho-Corasick, ignoring case) took about 45 µs of a
    /// 4 KB article, a fifth of its analysis.
    /// </summary>
    public FoundStrings Find(string text)
    {
        var found = new FoundStrings(Count);
        var span = text.AsSpan();
        FindCharacters(span, found);

        foreach (var literal in _short)
        {
            if (span.IndexOf(literal.Text, literal.Comparison) >= 0)
            {
                found.Add(literal.Id);
            }
        }

        if (span.Length < PrefixLength - 1)
        {
            return found;
        }

        var bits = _slotBits;
        var code = (((Fold(span[0]) << Bits) | Fold(span[1])) << Bits) | Fold(span[2]);
        var last = span.Length - PrefixLength + 1;
        if (_triples.Count > 0 && _triples.ContainsKey(Prefix(span[last..])))
        {
            CompareTriples(span, last, Prefix(span[last..]), found);
        }

        for (var i = PrefixLength - 1; i < span.Length; i++)
        {
            code = ((code << Bits) | Fold(span[i])) & (PrefixCount - 1);
            var slot = Slot(code);
            if ((bits[slot >> 6] & (1UL << slot)) != 0)
            {
                Compare(span, i - PrefixLength + 1, code, slot, found);
            }
        }

        return found;
    }

    // Which of the single characters the text holds, all in one pass: a block of 160 characters
    // searched once per character cost more than the whole scan for the longer strings.
    private void FindCharacters(ReadOnlySpan<char> span, FoundStrings found)
    {
        var count = _singleChars.Length;
        if (!Vector256.IsHardwareAccelerated || span.Length < Vector256<ushort>.Count || count > MaxVectorCharacters)
        {
            for (var s = 0; s < count; s++)
            {
                if (span.Contains(_singleChars[s]))
                {
                    found.Add(_singleIds[s]);
                }
            }

            return;
        }

        Span<Vector256<ushort>> targets = stackalloc Vector256<ushort>[count];
        Span<Vector256<ushort>> seen = stackalloc Vector256<ushort>[count];
        for (var s = 0; s < count; s++)
        {
            targets[s] = Vector256.Create((ushort)_singleChars[s]);
        }

        var chars = MemoryMarshal.Cast<char, ushort>(span);
        var last = chars.Length - Vector256<ushort>.Count;
        for (var i = 0; ; i += Vector256<ushort>.Count)
        {
            // The last step overlaps the one before it rather than leaving a tail: only presence counts.
            var v = Vector256.Create(chars[Math.Min(i, last)..]);
            for (var s = 0; s < count; s++)
            {
                seen[s] |= Vector256.Equals(v, targets[s]);
            }

            if (i >= last)
            {
                break;
            }
        }

        for (var s = 0; s < count; s++)
        {
            if (seen[s] != Vector256<ushort>.Zero)
            {
                found.Add(_singleIds[s]);
            }
        }
    }

    private void CompareTriples(ReadOnlySpan<char> span, int start, int code, FoundStrings found)
    {
        foreach (var literal in _triples[code])
        {
            if (!found[literal.Id] && span[start..].StartsWith(literal.Text, literal.Comparison))
            {
                found.Add(literal.Id);
            }
        }
    }

    private void Compare(ReadOnlySpan<char> span, int start, int code, int slot, FoundStrings found)
    {
        for (int k = _slotStarts[slot], end = _slotStarts[slot + 1]; k < end; k++)
        {
            var (entryCode, literal, known) = _long[k];
            if (entryCode == code && !found[literal.Id] && span[(start + known)..].StartsWith(literal.Text.AsSpan(known), literal.Comparison))
            {
                found.Add(literal.Id);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/>, holding the strings <paramref name="found"/> says, may match
    /// the expression whose screen is <paramref name="id"/>: false only when it certainly cannot,
    /// lacking every string of one of the screen's sets.
    /// </summary>
    public bool MayMatch(int id, string text, FoundStrings found, bool mayHaveCaseOddities) =>
        id < 0 || HoldsEverySet(id, found.Bits) || (_ignoreCase[id] && mayHaveCaseOddities && RegexScreen.HasCaseOddities(text));

    /// <summary>
    /// Which screens <paramref name="text"/>, holding the strings <paramref name="found"/> says, may
    /// pass, a bit per screen id (<see cref="MayMatch"/> for each): worked out for every screen at
    /// once when a block is first asked about, so that each rule's question about each of its
    /// expressions is one bit. Asked one at a time, the questions (about 2,700 per article with the
    /// default packs, most about blocks that hold none of the strings) were a fifth of the time the
    /// pattern rules took.
    /// </summary>
    public ulong[] Passing(string text, FoundStrings found, bool mayHaveCaseOddities)
    {
        // From the strings the text holds (a dozen of a block's, say) to the sets they are in and
        // the screens those sets belong to: a screen passes when its last set is reached. Testing
        // each of the 151 screens of the default packs in turn took several times as long.
        var passing = new ulong[(ScreenCount + 63) >> 6];
        Span<byte> setsHeld = ScreenCount <= MaxOnStack ? stackalloc byte[ScreenCount] : new byte[ScreenCount];
        Span<bool> setHeld = _setScreen.Length <= MaxOnStack ? stackalloc bool[_setScreen.Length] : new bool[_setScreen.Length];
        var bits = found.Bits;
        for (var w = 0; w < bits.Length; w++)
        {
            for (var word = bits[w]; word != 0; word &= word - 1)
            {
                var literal = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                for (int m = _membersStart[literal], end = _membersStart[literal + 1]; m < end; m++)
                {
                    var set = _members[m];
                    if (setHeld[set])
                    {
                        continue;
                    }

                    setHeld[set] = true;
                    var id = _setScreen[set];
                    if (++setsHeld[id] == _setsStart[id + 1] - _setsStart[id])
                    {
                        passing[id >> 6] |= 1UL << id;
                    }
                }
            }
        }

        if (mayHaveCaseOddities && RegexScreen.HasCaseOddities(text))
        {
            for (var i = 0; i < passing.Length; i++)
            {
                passing[i] |= _ignoreCaseScreens[i];
            }
        }

        return passing;
    }

    // Whether the text holds a string of each of the screen's sets.
    private bool HoldsEverySet(int id, ulong[] bits)
    {
        var masks = _masks;
        for (int set = _setsStart[id], end = _setsStart[id + 1]; set < end; set++)
        {
            var any = 0UL;
            for (int w = _setFirstWord[set], m = _setMasks[set], last = _setLastWord[set]; w <= last; w++, m++)
            {
                any |= bits[w] & masks[m];
            }

            if (any == 0)
            {
                return false;
            }
        }

        return true;
    }

    private const int Bits = 5;
    private const int PrefixLength = 4;
    private const int PrefixCount = 1 << (PrefixLength * Bits);
    // 2^17 slots: a bit set of 16 KB, still within the first-level cache. With the 723 strings the
    // packs screen for since issue 29 (1,264 codes with the three-letter ones' 32 each), 2^15 slots
    // had one in 26 set, and a text's every 26th character was compared for nothing: the scan over
    // the 795 real dev articles took 18.6-19.5 µs an article with 2^15 slots, 16.6-17.5 with 2^17.
    private const int SlotBits = 17;
    private const int MaxVectorCharacters = 32;

    // The most screens or sets whose counts Passing keeps on the stack; a larger rule set's go on the heap.
    private const int MaxOnStack = 2048;
    private const int SlotCount = 1 << SlotBits;

    // Fibonacci hashing of the 20-bit code: strings that share three of their first four
    // characters still land apart.
    private static int Slot(int code) => (int)(((uint)code * 2654435769u) >> (32 - SlotBits));

    // A single character a search ignoring case takes only for itself: punctuation (":", "“", "—")
    // and ASCII that is not a letter have no case. A letter ("k", which the Kelvin sign also
    // matches) is searched for as a string.
    internal static bool IsCaseless(char c) => c < 128 ? !char.IsAsciiLetter(c) : char.IsPunctuation(c);

    // How many of a string's first characters an equal code already shows to be there: all of its
    // first four (three for a string of three) when it ignores case and they are ASCII letters,
    // the only characters whose codes (1-26) are their own up to case; none otherwise.
    private static int CheckedByCode(Literal literal)
    {
        var coded = literal.Text.AsSpan(0, Math.Min(PrefixLength, literal.Text.Length));
        return literal.IgnoreCase && !coded.ContainsAnyExcept(AsciiLetters) ? coded.Length : 0;
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static bool EqualsOnlyItself(Literal literal) => !literal.IgnoreCase || IsCaseless(literal.Text[0]);

    private static int Prefix(string text, int length) => Prefix(text.AsSpan(0, length));

    private static int Prefix(ReadOnlySpan<char> text)
    {
        var code = 0;
        foreach (var c in text)
        {
            code = (code << Bits) | Fold(c);
        }

        return code;
    }

    /// <summary>
    /// A character's code of five bits, the same for every two characters an ordinal ignore-case
    /// comparison takes as equal, which among the strings searched for (ASCII when ignoring case)
    /// are only ASCII letters of either case (a test checks every character): digits, white space
    /// and every other character fall into a few shared codes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Fold(char c) => c < 128 ? FoldTable[c] : 29 + (c % 3);

    // Fold of each ASCII character, looked up rather than branched on: a-z and A-Z 1-26, digits 27,
    // space 28, the rest 29 + c % 3, as for any other character.
    private static ReadOnlySpan<byte> FoldTable =>
    [
        29, 30, 31, 29, 30, 31, 29, 30, 31, 29, 30, 31, 29, 30, 31, 29,
        30, 31, 29, 30, 31, 29, 30, 31, 29, 30, 31, 29, 30, 31, 29, 30,
        28, 29, 30, 31, 29, 30, 31, 29, 30, 31, 29, 30, 31, 29, 30, 31,
        27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 30, 31, 29, 30, 31, 29,
        30, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 30, 31, 29, 30, 31,
        29, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 29, 30, 31, 29, 30,
    ];

    // Sets: a text must hold one string of each, by number.
    private sealed record Entry(int[][] Sets, bool IgnoreCase);

    /// <summary>A string a screen searches for, as it searches.</summary>
    internal sealed record Literal(string Text, bool IgnoreCase, int Id)
    {
        public StringComparison Comparison => IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }
}
