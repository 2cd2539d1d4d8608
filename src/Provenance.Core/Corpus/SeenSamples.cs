using System.Numerics;

namespace Provenance.Corpus;

/// <summary>
/// Which samples the prints of a run have shown so far, roughly: one bit for each of many slots,
/// a sample's slot chosen by its hash, so that a print can tell whether it likely shares a passage
/// with one made before it. A run that holds its prints slim keeps such a print whole: it is
/// likely to be measured, and a slim print that is measured has its file read again. The
/// original of a family of copies is printed before any of them and held slim; its copies, which
/// find their samples already seen, are kept whole. A guess either way costs time or memory,
/// not a pair, where files are not changed during the run: a print held slim and measured is
/// made whole again from its file.
/// </summary>
/// <remarks>Shared by the threads that make a run's prints (see <see cref="SeenBefore"/> on why its bits are not set atomically).</remarks>
internal sealed class SeenSamples
{
    // Bits a print's samples have to themselves, about: half of some two hundred samples an
    // article are marked (those with their third bit clear: each a miss of the processor's caches,
    // and half tell a copy as well), so that a run's slots fill to a few percent, and chance hits
    // stay few.
    private const long BitsPerArticle = 1024;
    private const int FewestBits = 1 << 20;
    private const long MostBits = 1L << 31;

    private readonly long[] _words;
    private readonly int _shift;
    private long _set;

    /// <summary>Slots for a run of about <paramref name="articles"/> articles (an eighth of a kilobyte each, 256 MB at most).</summary>
    public SeenSamples(int articles)
    {
        var bits = Math.Clamp((long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, articles) * BitsPerArticle), FewestBits, MostBits);
        _words = new long[bits / 64];
        _shift = 64 - BitOperations.Log2((ulong)bits);
    }

    /// <summary>
    /// Marks a print's samples as seen, and tells whether more of them were seen already than
    /// chance explains: that it shares a passage with a print made before it.
    /// </summary>
    /// <param name="samples">The print's samples, each once.</param>
    public bool SeenBefore(ReadOnlySpan<ulong> samples)
    {
        var (hits, fresh, marked) = (0, 0L, 0);
        foreach (var sample in samples)
        {
            if ((sample & 4) != 0)
            {
                continue;
            }

            marked++;

            // The top bits choose the slot: a sample's low bits are those that made it one and
            // chose it to be marked.
            // Read and written plainly, not atomically: the slots are far apart, each a miss of
            // the processor's caches, and plain reads wait on those misses together (an atomic
            // one waits on each alone: half again the time). Two threads setting bits of one word
            // at once may lose one, which makes a print seem a little less seen, nothing more.
            var slot = sample >> _shift;
            var (word, bit) = ((int)(slot >> 6), 1L << (int)(slot & 63));
            var before = _words[word];
            if ((before & bit) != 0)
            {
                hits++;
            }
            else
            {
                _words[word] = before | bit;
                fresh++;
            }
        }

        // What chance gives at the slots' fill before this print, and a margin of four deviations.
        var fill = (double)(Interlocked.Add(ref _set, fresh) - fresh) / (_words.Length * 64L);
        var chance = marked * fill;
        return hits > chance + (4 * Math.Sqrt(chance)) + 2;
    }
}
