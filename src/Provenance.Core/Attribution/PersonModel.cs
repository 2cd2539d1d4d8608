using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Provenance.Attribution;

/// <summary>
/// The people an article names, so that "Eric Reeves", "Mr. Reeves" and "Reeves" are one person:
/// every name of two or more words seen in the article is known by its surname, and a shorter
/// mention resolves to the full name with that surname. Where several people share the surname, a
/// bare surname is the one named in full in this paragraph or the one before, else the one named in
/// full most often so far, the first named of equals (the story's subject: a story about Hillary
/// Clinton that once names "Bill Clinton" goes on calling her "Clinton"); before anyone with it is
/// named in full, it is the one named within the next few paragraphs (a headline's or a lede's
/// "Trump"), or no one.
/// </summary>
/// <param name="stride">How far apart in positions two paragraphs' first tokens are.</param>
internal sealed class PersonModel(long stride)
{
    // How many paragraphs back a full name counts as just given ("Former President Bill Clinton
    // spoke. // “…,” Clinton said."), and how many ahead one named after a bare surname may still be
    // what the surname meant.
    private const int NearbyParagraphs = 1;
    private const int SoonParagraphs = 8;

    // Surname (lower case) → the full names with it, each with where it was mentioned (block,
    // token order), in the order they were added: document order.
    private readonly Dictionary<string, List<(string Name, long Position)>> _bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Name, long Position)>> _byFirstName = new(StringComparer.Ordinal);

    // Mentions counted per name by MostNamed, cleared on each use (the model serves one article on one thread).
    private readonly Dictionary<string, int> _tally = new(StringComparer.Ordinal);

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
    /// The person with the surname of <paramref name="name"/> the article named in full most often
    /// before <paramref name="position"/> (the first named of equals), or null: whom a bare surname
    /// means when the name it was read as cannot be meant ("he" after "Trump" read as Ivana Trump is
    /// Donald Trump).
    /// </summary>
    public string? Principal(string name, long position)
    {
        var words = WordsOf(name);
        return words.Length > 0 && TryGet(_bySurname, words[^1], out var list) ? MostNamed(list, [words[^1]], position) : null;
    }

    // Of the full names ending with the words given, the one named most often before the position,
    // the first named of equals. Read on the dev articles, the story's subject is named most ("Barack
    // Obama" over the "Michelle Obama" of the lede), though a namesake may be named in full each time.
    private string? MostNamed(List<(string Name, long Position)> candidates, string[] words, long position)
    {
        _tally.Clear();
        var top = 0;
        foreach (var (candidate, at) in candidates)
        {
            if (at > position)
            {
                break;
            }

            if (EndsWith(WordsOf(candidate), words))
            {
                top = Math.Max(top, _tally[candidate] = _tally.GetValueOrDefault(candidate) + 1);
            }
        }

        // The candidates are in the order they were named: the first at the top count is the
        // first named of equals.
        foreach (var (candidate, at) in candidates)
        {
            if (at > position)
            {
                break;
            }

            if (top > 0 && _tally.GetValueOrDefault(candidate) == top)
            {
                return candidate;
            }
        }

        return null;
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
            // A longer name that ends with this one ("Trump" → "Donald Trump"): the one named last
            // before this place, or the one named most so far when several share it and the last
            // is not near; with none before, the one named next.
            string? before = null;
            var beforeAt = long.MinValue;
            string? next = null;
            var nextAt = long.MaxValue;
            var several = false;
            foreach (var (candidate, at) in candidates)
            {
                if (!EndsWith(WordsOf(candidate), words))
                {
                    continue;
                }

                several |= (before ?? next) is { } seen && !string.Equals(seen, candidate, StringComparison.Ordinal);
                if (at <= position)
                {
                    (before, beforeAt) = at > beforeAt ? (candidate, at) : (before, beforeAt);
                }
                else if (at < nextAt)
                {
                    (next, nextAt) = (candidate, at);
                }
            }

            if (several && before is not null && Paragraphs(beforeAt, position) > NearbyParagraphs)
            {
                before = MostNamed(candidates, words, position);
            }

            // None named in full yet: one named much later is someone the reader meets after already
            // knowing whom the surname meant, and the surname is left as written (a column's "Trump"
            // may be the Donald Trump named ten paragraphs down, or Hillary Clinton's "Clinton" the
            // "former President Bill Clinton" who greets her at the end: "Trump" is never wrong).
            var after = before is null && Paragraphs(position, nextAt) > SoonParagraphs ? null : next;
            if ((before ?? after) is { } chosen)
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

    // How many paragraphs lie between two positions.
    private long Paragraphs(long from, long to) => (to / stride) - (from / stride);

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
