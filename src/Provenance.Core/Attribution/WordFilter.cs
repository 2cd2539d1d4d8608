namespace Provenance.Attribution;

/// <summary>
/// A quick test that a word is none of a list's: by its length and its first two and last
/// characters, hashed into a table of bits. The attribution parser looks up most words of an article in the
/// lexicon's lists, and a frozen dictionary's lookup, which hashes the whole word, was a quarter
/// of its time; most words fail this test and are not looked up. Immutable once made.
/// </summary>
internal sealed class WordFilter
{
    private const int Log2Bits = 14;
    private const int Bits = 1 << Log2Bits;

    private readonly ulong[] _bits = new ulong[Bits / 64];
    private readonly bool _ignoreCase;

    // With ignore-case, a list with a word outside ASCII is not filtered: ignoring case, such a
    // character may equal an ASCII one ("ſ" and "s"), which the table, folding ASCII only, would miss.
    private readonly bool _passAll;

    private WordFilter(bool ignoreCase, bool passAll)
    {
        _ignoreCase = ignoreCase;
        _passAll = passAll;
    }

    /// <summary>A filter for <paramref name="words"/>, compared ordinally or ignoring case.</summary>
    public static WordFilter Create(IEnumerable<string> words, bool ignoreCase)
    {
        var list = words.ToList();
        var filter = new WordFilter(ignoreCase, ignoreCase && list.Any(w => !System.Text.Ascii.IsValid(w)));
        foreach (var word in list)
        {
            if (word.Length > 0)
            {
                var bit = filter.Bit(word);
                filter._bits[bit >> 6] |= 1UL << bit;
            }
        }

        return filter;
    }

    /// <summary>False only when <paramref name="word"/> is certainly none of the list's words.</summary>
    public bool MayContain(ReadOnlySpan<char> word)
    {
        if (_passAll || word.IsEmpty)
        {
            return true;
        }

        // Ignoring case, a character outside ASCII may equal one inside: such words are looked up.
        if (_ignoreCase && (word[0] > 0x7F || word[^1] > 0x7F || (word.Length > 1 && word[1] > 0x7F)))
        {
            return true;
        }

        var bit = Bit(word);
        return (_bits[bit >> 6] & (1UL << bit)) != 0;
    }

    private int Bit(ReadOnlySpan<char> word)
    {
        var (first, second, last) = (word[0], word.Length > 1 ? word[1] : '\0', word[^1]);
        if (_ignoreCase)
        {
            (first, second, last) = (Fold(first), Fold(second), Fold(last));
        }

        var hash = ((uint)word.Length * 0x9E3779B1u) ^ ((uint)first * 0x85EBCA6Bu) ^ ((uint)second * 0x27D4EB2Fu) ^ ((uint)last * 0xC2B2AE35u);
        return (int)((hash * 0x9E3779B1u) >> (32 - Log2Bits));
    }

    private static char Fold(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
}
