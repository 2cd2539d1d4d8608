namespace Provenance.Text;

/// <summary>Searches of ascending lists of numbers (line starts, runs of words).</summary>
internal static class OrderedSearch
{
    /// <summary>
    /// The index of the last of <paramref name="ascending"/> at or before <paramref name="value"/>,
    /// or 0 when none is. Searched by hand: the framework's binary search over int is compiled at
    /// run time in every process, a cost a one-file check feels.
    /// </summary>
    public static int LastAtOrBefore(ReadOnlySpan<int> ascending, int value)
    {
        var low = 0;
        var high = ascending.Length - 1;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (ascending[middle] <= value)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}
