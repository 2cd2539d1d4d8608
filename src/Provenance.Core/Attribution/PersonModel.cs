namespace Provenance.Attribution;

/// <summary>
/// The people an article names, so that "Eric Reeves", "Mr. Reeves" and "Reeves" are one person:
/// every name of two or more words seen in the article is known by its surname, and a shorter
/// mention resolves to the full name with that surname (the one mentioned last before it, or the
/// commonest when none came before).
/// </summary>
internal sealed class PersonModel
{
    // Surname (lower case) → the full names with it, each with where it was mentioned (block, token order).
    private readonly Dictionary<string, List<(string Name, long Position)>> _bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Name, long Position)>> _byFirstName = new(StringComparer.Ordinal);

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

        Add(_bySurname, name[(last + 1)..].ToLowerInvariant(), name, position);
        Add(_byFirstName, name[..first].ToLowerInvariant(), name, position);
    }

    /// <summary>Whether a one-word name is the surname of someone the article names in full.</summary>
    public bool Knows(string word) => _bySurname.ContainsKey(word.ToLowerInvariant());

    /// <summary>The other full names the article gives with the same surname as <paramref name="name"/> ("Bill Clinton" for "Hillary Clinton").</summary>
    public IEnumerable<string> SameSurname(string name)
    {
        var words = Words(name);
        return words.Length > 0 && _bySurname.TryGetValue(words[^1].ToLowerInvariant(), out var list)
            ? list.Select(n => n.Name).Where(n => !string.Equals(n, name, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)
            : [];
    }

    /// <summary>The fullest name for <paramref name="name"/> as the article gives it.</summary>
    public string Resolve(string name, long position)
    {
        var words = WordsOf(name);
        if (words.Length == 0)
        {
            return name;
        }

        var surname = words[^1].ToLowerInvariant();
        if (_bySurname.TryGetValue(surname, out var candidates))
        {
            // A longer name that ends with this one ("Trump" → "Donald Trump"): the one mentioned
            // last before this place, or else the commonest.
            string? before = null;
            var beforeAt = long.MinValue;
            string? commonest = null;
            var most = 0;
            var counts = candidates.Count > 1 ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
            foreach (var (candidate, at) in candidates)
            {
                if (!EndsWith(WordsOf(candidate), words))
                {
                    continue;
                }

                if (at <= position && at > beforeAt)
                {
                    (before, beforeAt) = (candidate, at);
                }

                var count = counts is null ? 1 : counts[candidate] = counts.GetValueOrDefault(candidate) + 1;
                if (count > most)
                {
                    (commonest, most) = (candidate, count);
                }
            }

            if ((before ?? commonest) is { } chosen)
            {
                return WordsOf(chosen).Length >= words.Length ? chosen : name;
            }
        }

        // A first name alone ("Hillary") names someone only when one person in the article has it.
        if (words.Length == 1 && _byFirstName.TryGetValue(surname, out var firsts))
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

    private static void Add(Dictionary<string, List<(string, long)>> index, string key, string name, long position)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add((name, position));
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

    private static string[] Words(string name) => name.Split([' ', '\n', '\r', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
}
