namespace Provenance.Corpus;

/// <summary>Which articles are worth measuring against each other: those sharing samples.</summary>
public sealed partial class CopyFinder
{
    // The top bits of a sample that sort it into a bucket first (Postings).
    private const int BucketBits = 16;
    private const int BucketCount = 1 << BucketBits;

    // The articles of each sample two or more of them have, in ascending order of the samples.
    // Every sample of every article is sorted with its article, and the runs of one sample read
    // off: most samples are in one article only, and a table of a list for every sample (millions
    // of lists of one) was a fifth of a search of a folder without copies, and most of its memory.
    private List<int[]> Postings(List<int> articles)
    {
        // Each article's samples at hand in one array: every chunk below reads them again.
        var sets = new ulong[articles.Count][];
        var total = 0;
        for (var i = 0; i < articles.Count; i++)
        {
            sets[i] = _prints[articles[i]].Samples;
            total += sets[i].Length;
        }

        // Counted and dealt in a few ranges of the articles at once when there are many samples,
        // each range into its own places in every bucket (the same order as one range: the
        // articles in order within each bucket), and the buckets sorted in a few ranges of them.
        const int SortRanges = 16;
        var parallel = total >= ParallelFrom * BucketCount / SortRanges && Jobs > 1;
        var ranges = parallel ? Math.Min(Jobs, articles.Count) : 1;
        var counts = new int[ranges][];
        for (var r = 0; r < ranges; r++)
        {
            counts[r] = new int[BucketCount];
        }

        void Run(int count, Action<int> work) => Each(count, work, parallel);
        (int From, int To) RangeOf(int r) => (articles.Count * r / ranges, articles.Count * (r + 1) / ranges);

        // Sorted by their top bits first, then each bucket by itself: samples are hashes, spread
        // evenly, so the buckets hold a few dozen each, and a sort of millions at once was a third
        // of a search's time. (The articles of one sample are sorted below, whatever their order.)
        // The buckets are taken a chunk of them at a time, a quarter of the samples, each article's
        // of a chunk a run of its sorted samples after those of the chunk before: sorting every
        // sample at once took 12 bytes a sample, 270 MB at the start of a search of 100,000
        // articles, fresh memory the system had to give and the collector to count.
        const int Chunks = 4;
        var (from, ends) = (new int[articles.Count], new int[articles.Count]);
        var (samples, owners) = (Array.Empty<ulong>(), Array.Empty<int>());
        var buckets = new int[BucketCount + 1];
        var postings = new List<int[]>();
        for (var chunk = 0; chunk < Chunks; chunk++)
        {
            var (first, end) = (chunk * (BucketCount / Chunks), (chunk + 1) * (BucketCount / Chunks));
            Run(ranges, r =>
            {
                var count = counts[r];
                for (var (i, to) = RangeOf(r); i < to; i++)
                {
                    var set = sets[i];
                    var k = from[i];
                    for (; k < set.Length && (int)(set[k] >> (64 - BucketBits)) < end; k++)
                    {
                        count[(int)(set[k] >> (64 - BucketBits))]++;
                    }

                    ends[i] = k;
                }
            });

            // Where each bucket starts, and where each range deals into it: counts become places.
            var start = 0;
            for (var b = first; b < end; b++)
            {
                buckets[b] = start;
                for (var r = 0; r < ranges; r++)
                {
                    (counts[r][b], start) = (start, start + counts[r][b]);
                }
            }

            buckets[end] = start;
            if (samples.Length < start)
            {
                (samples, owners) = (GC.AllocateUninitializedArray<ulong>(start + (start / 8)), GC.AllocateUninitializedArray<int>(start + (start / 8)));
            }

            Run(ranges, r =>
            {
                var next = counts[r];
                for (var (i, to) = RangeOf(r); i < to; i++)
                {
                    var (p, set) = (articles[i], sets[i]);
                    for (var k = from[i]; k < ends[i]; k++)
                    {
                        var at = next[(int)(set[k] >> (64 - BucketBits))]++;
                        (samples[at], owners[at]) = (set[k], p);
                    }
                }

                // Dealt: the places are counts again, nothing yet, for the next chunk.
                Array.Clear(next, first, end - first);
            });

            Run(parallel ? SortRanges : 1, r =>
            {
                var per = (end - first) / (parallel ? SortRanges : 1);
                for (var b = first + (r * per); b < first + ((r + 1) * per); b++)
                {
                    var (at, length) = (buckets[b], buckets[b + 1] - buckets[b]);
                    if (length > 1)
                    {
                        samples.AsSpan(at, length).Sort(owners.AsSpan(at, length));
                    }
                }
            });

            for (var i = 0; i < start;)
            {
                var j = i + 1;
                while (j < start && samples[j] == samples[i])
                {
                    j++;
                }

                // An article's samples are a set: a run of two or more is two or more articles.
                if (j - i >= 2)
                {
                    var posting = owners[i..j];
                    Array.Sort(posting);
                    postings.Add(posting);
                }

                i = j;
            }

            (from, ends) = (ends, from);
        }

        return postings;
    }

    /// <summary>
    /// The pairs of articles (the lower number first, in ascending order) with at least two samples
    /// in common: one is often a stock phrase. A sample in more than <see cref="MaxPosting"/>
    /// articles (a story run by hundreds of sites with a line of their own each) pairs each with
    /// its first article only, so the work stays linear and the groups still join.
    /// </summary>
    /// <param name="articles">How many articles there are, numbered from 0.</param>
    /// <param name="postings">Each sample's articles, in ascending order.</param>
    /// <param name="needed">
    /// When given, how many samples a pair must share to be a candidate at all (two or more): a
    /// pair whose count is exact (no sample of its lower article is past the cap) and falls short
    /// is left out here, where its count is already at hand, rather than merged again to learn it,
    /// and one that reaches it is <c>Settled</c>. A pair a capped sample may have left short is
    /// kept unsettled, for the caller to count.
    /// </param>
    /// <remarks>
    /// Counted article by article in an array, not pair by pair in a table: on text built from a few
    /// templates, samples shared by hundreds of articles make a hundred million or more counts, and
    /// a dictionary keyed by pairs took 95% of a search and 1.5 GB for 20,000 articles.
    /// </remarks>
    internal static List<(int First, int Second, bool Settled)> Candidates(int articles, IReadOnlyList<int[]> postings, Func<int, int, int>? needed = null)
    {
        // Each article's samples, as indexes into the postings: offsets and entries in two arrays.
        var starts = new int[articles + 1];
        foreach (var posting in postings)
        {
            foreach (var article in posting)
            {
                starts[article + 1]++;
            }
        }

        for (var a = 0; a < articles; a++)
        {
            starts[a + 1] += starts[a];
        }

        var entries = new int[starts[articles]];
        var next = (int[])starts.Clone();
        for (var k = 0; k < postings.Count; k++)
        {
            foreach (var article in postings[k])
            {
                entries[next[article]++] = k;
            }
        }

        var candidates = new List<(int, int, bool)>();
        var counts = new int[articles];
        var touched = new List<int>();
        for (var a = 0; a < articles; a++)
        {
            // Whether a's counts are exact: every sample it shares, in a posting within the cap.
            var exact = true;
            for (var e = starts[a]; e < starts[a + 1]; e++)
            {
                var posting = postings[entries[e]];

                // Each pair is counted from its lower article: past the cap, only the first's pairs.
                exact &= posting.Length <= MaxPosting;
                var from = posting.Length > MaxPosting ? (posting[0] == a ? 1 : posting.Length) : Array.BinarySearch(posting, a) + 1;
                for (var j = from; j < posting.Length; j++)
                {
                    if (counts[posting[j]]++ == 0)
                    {
                        touched.Add(posting[j]);
                    }
                }
            }

            touched.Sort();
            foreach (var b in touched)
            {
                var settled = exact && needed is not null;
                if (counts[b] >= 2 && (!settled || counts[b] >= needed!(a, b)))
                {
                    candidates.Add((a, b, settled));
                }

                counts[b] = 0;
            }

            touched.Clear();
        }

        return candidates;
    }
}
