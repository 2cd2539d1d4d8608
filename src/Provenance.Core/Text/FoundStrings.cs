namespace Provenance.Text;

/// <summary>
/// Which of a <see cref="ScreenIndex"/>'s strings a text holds, a bit per string. Every rule asks
/// of every block in its scope whether one of a set of strings is there (a set of forty speech
/// verbs, say): as a flag per string that was a loop over the set, 3% of a large run; as bits it
/// is a few masked words.
/// </summary>
internal readonly struct FoundStrings
{
    private readonly ulong[] _bits;

    public FoundStrings(int count) => _bits = new ulong[(count + 63) >> 6];

    /// <summary>Whether the text holds the string numbered <paramref name="id"/>.</summary>
    public bool this[int id] => (_bits[id >> 6] & (1UL << id)) != 0;

    public void Add(int id) => _bits[id >> 6] |= 1UL << id;

    /// <summary>Whether the text holds one of <paramref name="set"/>'s strings.</summary>
    public bool HoldsOne(StringSet set)
    {
        var words = set.Words;
        var masks = set.Masks;
        for (var i = 0; i < words.Length; i++)
        {
            if ((_bits[words[i]] & masks[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Strings of a <see cref="ScreenIndex"/> by number, as the words of <see cref="FoundStrings"/> they are in and a mask for each.</summary>
internal sealed record StringSet(int[] Words, ulong[] Masks)
{
    public static StringSet Of(IEnumerable<int> ids)
    {
        var byWord = new SortedDictionary<int, ulong>();
        foreach (var id in ids)
        {
            byWord[id >> 6] = byWord.GetValueOrDefault(id >> 6) | (1UL << id);
        }

        return new StringSet([.. byWord.Keys], [.. byWord.Values]);
    }
}
