using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Provenance.Attribution;

/// <summary>
/// The people an article names, so that "Eric Reeves", "Mr. Reeves" and "Reeves" are one person:
/// every name of two or more words seen in the article is known by its surname, and a shorter
/// mention resolves to the full name with that surname (the one mentioned last before it, or the
/// commonest when none came before). Where several people share the surname, a bare surname is
/// the one named in the last paragraph or two, else the one named in full most often so far: a
/// story about Hillary Clinton that once names "Bill Clinton" goes on calling her "Clinton".
/// </summary>
/// <param name="nearby">How far back, in positions, a full name counts as just given (the last paragraph or two).</param>
internal sealed class PersonModel(long nearby)
{
    // Surname (lower case) → the full names with it, each with where it was mentioned (block, token order).
    private readonly Dictionary<string, List<(string Name, long Position)>> _bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Name, long Position)>> _byFirstName = new(StringComparer.Ordinal);

    // How often each candidate is given, counted anew by each resolution with several.
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    // Each known name's words, split once.
    private readonly Dictionary<string, string[]> _words = new(StringComparer.Ordinal);

    /// <summary>Records a full name mentioned at <paramref name="position"/>.</summary>
    public void Add(string name, long position)
    {
        var first = name.IndexOf(' ', StringComparison.Ordinal);
        var last = name.LastIndexOf(' ');
        if (first <= 0 || last >= name.Length - 1)
        {
            return;
        }

        Add(_bySurname, name.AsSpan(last + 1), name, position);
        Add(_byFirstName, name.AsSpan(0, first), name, position);
    }

    /// <summary>Whether a one-word name is the surname of someone the article names in full.</summary>
    public bool Knows(string word) => TryGet(_bySurname, word, out _);

    /// <summary>
    /// The person the article names in full most often before <paramref name="position"/> with the
    /// surname of <paramref name="name"/> (the earliest of equals), or null: whom a bare surname
    /// means when the name it was read as cannot be meant ("he" after "Trump" read as Ivana Trump).
    /// </summary>
    public string? Principal(string name, long position)
    {
        var words = WordsOf(name);
        if (words.Length == 0 || !TryGet(_bySurname, words[^1], out var list))
        {
            return null;
        }

        string? principal = null;
        var most = 0;
        _counts.Clear();
        foreach (var (candidate, at) in list)
        {
            if (at <= position && (_counts[candidate] = _counts.GetValueOrDefault(candidate) + 1) > most)
            {
                (principal, most) = (candidate, _counts[candidate]);
            }
        }

        return principal;
    }

    /// <summary>The fullest name for <paramref name="name"/> as the article gives it.</summary>
    public string Resolve(string name, long position)
    {
        var words = WordsOf(name);
        if (words.Length == 0)
        {
            return name;
        }

        var surname = words[^1];
        if (TryGet(_bySurname, surname, out var candidates))
        {
            // A longer name that ends with this one ("Trump" → "Donald Trump"): the one mentioned
            // last before this place, or else the commonest.
            string? before = null;
            var beforeAt = long.MinValue;
            string? commonest = null;
            var most = 0;
            string? principal = null;
            var mostBefore = 0;
            var several = false;
            var counts = candidates.Count > 1 ? _counts : null;
            counts?.Clear();
            foreach (var (candidate, at) in candidates)
            {
                if (!EndsWith(WordsOf(candidate), words))
                {
                    continue;
                }

                several |= commonest is not null && !string.Equals(commonest, candidate, StringComparison.Ordinal);
                if (at <= position && at > beforeAt)
                {
                    (before, beforeAt) = (candidate, at);
                }

                // Mentions before this place are counted in the high bits, all mentions in the low.
                var count = counts is null ? 1 : counts[candidate] = counts.GetValueOrDefault(candidate) + (at <= position ? 0x10000 + 1 : 1);
                if ((count & 0xFFFF) > most)
                {
                    (commonest, most) = (candidate, count & 0xFFFF);
                }

                if (count >> 16 > mostBefore)
                {
                    (principal, mostBefore) = (candidate, count >> 16);
                }
            }

            if (several && before is not null && position - beforeAt > nearby)
            {
                before = principal;
            }

            // With no full name before it, a surname is the name given in full soon after (a
            // headline's or a lede's "Trump"); one given only much later is someone else, met
            // after the reader already knew who the surname meant.
            if (before is null && commonest is not null && FirstAt(candidates, commonest) - position > 4 * nearby)
            {
                commonest = null;
            }

            if ((before ?? commonest) is { } chosen)
            {
                return WordsOf(chosen).Length >= words.Length ? chosen : name;
            }
        }

        // A first name alone ("Hillary") names someone only when one person in the article has it.
        if (words.Length == 1 && TryGet(_byFirstName, surname, out var firsts))
        {
            var only = firsts[0].Name;
            foreach (var (candidate, _) in firsts)
            {
                if (!string.Equals(candidate, only, StringComparison.Ordinal))
                {
                    return name;
                }
            }

            return only;
        }

        return name;
    }

    private static long FirstAt(List<(string Name, long Position)> candidates, string name)
    {
        foreach (var (candidate, at) in candidates)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                return at;
            }
        }

        return long.MaxValue;
    }

    // Keyed by the word in lower case, as ToLowerInvariant gives it: looked up without making the
    // key's string where the word is ASCII (as nearly every name is), made once when first added.
    private static void Add(Dictionary<string, List<(string, long)>> index, ReadOnlySpan<char> word, string name, long position)
    {
        if (!TryGet(index, word, out var list))
        {
            index[word.ToString().ToLowerInvariant()] = list = [];
        }

        list.Add((name, position));
    }

    private static bool TryGet(Dictionary<string, List<(string Name, long Position)>> index, ReadOnlySpan<char> word, [MaybeNullWhen(false)] out List<(string Name, long Position)> list)
    {
        Span<char> lower = stackalloc char[64];
        if (word.Length <= lower.Length && Ascii.ToLower(word, lower, out var written) == OperationStatus.Done)
        {
            return index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lower[..written], out list);
        }

        return index.TryGetValue(word.ToString().ToLowerInvariant(), out list);
    }

    private static bool EndsWith(string[] full, string[] tail)
    {
        if (tail.Length > full.Length)
        {
            return false;
        }

        for (var i = 1; i <= tail.Length; i++)
        {
            if (!string.Equals(Bare(full[^i]), Bare(tail[^i]), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private string[] WordsOf(string name)
    {
        if (!_words.TryGetValue(name, out var words))
        {
            _words[name] = words = Words(name);
        }

        return words;
    }

    private static string Bare(string word) => word.TrimEnd('.');

    // The words between spaces, line breaks, tabs and no-break spaces, as string.Split would give
    // them without empty entries; split by span, as a separator array made per call was 5% of the analysis.
    private static string[] Words(string name)
    {
        var span = name.AsSpan();
        var count = 0;
        foreach (var range in span.SplitAny(" \n\r\t\u00a0"))
        {
            count += range.End.Value > range.Start.Value ? 1 : 0;
        }

        if (count == 1 && name.AsSpan().IndexOfAny(" \n\r\t\u00a0") < 0)
        {
            return [name];
        }

        var words = new string[count];
        var i = 0;
        foreach (var range in span.SplitAny(" \n\r\t\u00a0"))
        {
            if (range.End.Value > range.Start.Value)
            {
                words[i++] = name[range];
            }
        }

        return words;
    }
}
