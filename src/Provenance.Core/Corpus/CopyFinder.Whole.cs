namespace Provenance.Corpus;

/// <summary>Slim prints made whole for the search, and the search's work on the run's cores.</summary>
public sealed partial class CopyFinder
{
    /// <summary>
    /// The paths of the slim prints the last search had to make whole and could not (<see cref="Remake"/>
    /// gave null: the file changed or went since it was printed), in the order they were added:
    /// they took no part in it. A changed file whose print the search never had to measure is not
    /// among them.
    /// </summary>
    internal IReadOnlyList<string> Unread { get; private set; } = [];

    // Runs work over 0..count-1 on every core when there is enough to be worth it (when told, or
    // for many items): the search is the tail of a run, after every article is checked, where the
    // other cores are idle.
    private void Each(int count, Action<int> work, bool? parallel = null)
    {
        if ((parallel ?? count >= ParallelFrom) && Jobs > 1)
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Jobs }, work);
            return;
        }

        for (var k = 0; k < count; k++)
        {
            work(k);
        }
    }

    // The prints whose group key another print has too, in order.
    private static int[] GroupedAgain(ulong[] keys)
    {
        var seen = new Dictionary<ulong, int>(keys.Length);
        foreach (var key in keys)
        {
            seen[key] = seen.GetValueOrDefault(key) + 1;
        }

        return [.. Enumerable.Range(0, keys.Length).Where(p => seen[keys[p]] > 1)];
    }

    // Makes the slim prints among these whole again (Remake), on every core; gives which prints
    // could not be made whole (and those already lost), by number.
    private bool[] MakeWhole(IEnumerable<int> prints, bool[]? lost = null)
    {
        lost ??= new bool[_prints.Count];
        var slim = prints.Where(p => !_prints[p].IsWhole && !lost[p]).Distinct().ToArray();
        if (slim.Length == 0)
        {
            return lost;
        }

        if (Remake is null)
        {
            throw new InvalidOperationException($"the print of '{_prints[slim[0]].Path}' holds its samples alone, and the finder was given no way to make it whole");
        }

        // Reading and parsing files again: on every core from a few.
        Each(slim.Length, parallel: slim.Length >= 4, work: k =>
        {
            var p = slim[k];
            if (_prints[p].Whole(Remake(_prints[p])) is { } whole)
            {
                _prints[p] = whole;
            }
            else
            {
                lost[p] = true;
            }
        });
        return lost;
    }
}
