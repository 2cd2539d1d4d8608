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

    /// <summary>Records a full name mentioned at <paramref name="position"/>.</summary>
    public void Add(string name, long position)
    {
        var words = Words(name);
        if (words.Length < 2)
        {
            return;
        }

        Add(_bySurname, words[^1].ToLowerInvariant(), name, position);
        Add(_byFirstName, words[0].ToLowerInvariant(), name, position);
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
        var words = Words(name);
        if (words.Length == 0)
        {
            return name;
        }

        var surname = words[^1].ToLowerInvariant();
        if (_bySurname.TryGetValue(surname, out var candidates))
        {
            // A longer name that ends with this one: "Trump" → "Donald Trump", "Donald Trump" → "Donald J. Trump" only when shorter.
            var matching = candidates.Where(c => EndsWith(Words(c.Name), words)).ToList();
            if (matching.Count > 0)
            {
                var before = matching.Where(c => c.Position <= position).ToList();
                var chosen = before.Count > 0
                    ? before.MaxBy(c => c.Position).Name
                    : matching.GroupBy(c => c.Name, StringComparer.Ordinal).MaxBy(g => g.Count())!.Key;
                return Words(chosen).Length >= words.Length ? chosen : name;
            }
        }

        // A first name alone ("Hillary") names someone only when one person in the article has it.
        if (words.Length == 1 && _byFirstName.TryGetValue(surname, out var firsts))
        {
            var names = firsts.Select(f => f.Name).Distinct(StringComparer.Ordinal).ToList();
            if (names.Count == 1)
            {
                return names[0];
            }
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

    private static string Bare(string word) => word.TrimEnd('.');

    private static string[] Words(string name) => name.Split([' ', '\n', '\r', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
}
