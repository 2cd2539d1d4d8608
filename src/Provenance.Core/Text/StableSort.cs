namespace Provenance.Text;

/// <summary>
/// An in-place stable sort for the short lists loading builds (packs, rules, grade bands). A LINQ
/// ordering does the same, but its machinery starts up cold in every process: a few milliseconds
/// of a one-file check on the path every check waits on.
/// </summary>
internal static class StableSort
{
    /// <summary>Sorts <paramref name="items"/> by <paramref name="comparison"/>, equal items keeping their order.</summary>
    public static void Sort<T>(IList<T> items, Comparison<T> comparison)
        where T : class
    {
        for (var i = 1; i < items.Count; i++)
        {
            var item = items[i];
            var j = i - 1;
            for (; j >= 0 && comparison(items[j], item) > 0; j--)
            {
                items[j + 1] = items[j];
            }

            items[j + 1] = item;
        }
    }
}
