namespace Provenance.Text;

/// <summary>
/// Which of a <see cref="ScreenIndex"/>'s strings a text holds, a bit per string. Every rule asks
/// of every block in its scope whether one of a set of strings is there (a set of forty speech
/// verbs, say): as a flag per string that was a loop over the set, 3% of a large run; as bits it
/// is a few masked words (<see cref="ScreenIndex.MayMatch"/>).
/// </summary>
internal readonly struct FoundStrings
{
    public FoundStrings(int count) => Bits = new ulong[WordsFor(count)];

    /// <summary>The bits, string <c>i</c> at bit <c>i % 64</c> of word <c>i / 64</c>.</summary>
    public ulong[] Bits { get; }

    /// <summary>Whether the text holds the string numbered <paramref name="id"/>.</summary>
    public bool this[int id] => (Bits[id >> 6] & (1UL << id)) != 0;

    public static int WordsFor(int count) => (count + 63) >> 6;

    public void Add(int id) => Bits[id >> 6] |= 1UL << id;
}
