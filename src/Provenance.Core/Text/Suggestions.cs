namespace Provenance.Text;

/// <summary>"Did you mean" hints for misspelt keys and values, shared by the rule loader and the service.</summary>
public static class Suggestions
{
    /// <summary>The candidate within two edits of <paramref name="word"/>, or starting with it, for "did you mean" hints; null when none is close.</summary>
    public static string? Closest(string word, IReadOnlyCollection<string> candidates)
    {
        string? best = null;
        var bestDistance = 3;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            // "warn" for "warning", "meta" for "metadata": a prefix is as telling as a typo.
            if (word.Length >= 3 && candidate.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
