namespace Provenance.Corpus;

/// <summary>
/// Slim prints: their samples alone, as a run that looks for copies holds most of them until its
/// search, made whole again from their articles read anew when they are measured.
/// </summary>
public sealed partial class TextPrint
{
    // A print is made slim, its samples alone, only when it has at least this many: a shorter
    // text's group key is its whole set's (GroupKey), and it takes little room whole.
    internal const int SlimFrom = 8;

    // Whether the print holds its shingles (every print but a slim one).
    internal bool IsWhole => _shingles is not null;

    // A print of its samples alone (slim), its shingles in text order and their lines let go but
    // for their sum, which tells the same text read again (Whole).
    private TextPrint(string path, ulong[] samples, int words, ulong sum)
    {
        Path = path;
        Samples = samples;
        Words = words;
        (_runWords, _runLines) = ([], []);
        _samplesKey = Mix(KeyOf(Samples));
        _sum = sum;
    }

    // The sum of a slim print's shingles (wrapping): a changed word changes five shingles, and
    // the samples alone missed that about a quarter of the time (none of the five sampled).
    private readonly ulong _sum;

    private static ulong SumOf(ReadOnlySpan<ulong> shingles)
    {
        var sum = 0UL;
        foreach (var shingle in shingles)
        {
            sum += shingle;
        }

        return sum;
    }

    /// <summary>
    /// This slim print made whole again from its article read anew (<paramref name="again"/>,
    /// made with the same blocks left out), or null when that is not the text printed: its file
    /// changed since. Checked by its count of words, its samples and the sum of its shingles.
    /// </summary>
    internal TextPrint? Whole(TextPrint? again) =>
        again is { IsWhole: true } && again.Path == Path && again.Words == Words && again.Samples.AsSpan().SequenceEqual(Samples) && SumOf(again.Shingles) == _sum ? again : null;
}
