namespace Provenance.Corpus;

/// <summary>When two texts count as copies of each other.</summary>
/// <param name="MinShare">The least share of either text's shingles found in the other (0.5: half of one text is in the other).</param>
/// <param name="MinShingles">The least number of shingles shared, so that two short texts with a sentence in common are not copies.</param>
public sealed record CopyOptions(double MinShare = 0.5, int MinShingles = 25);

/// <summary>Lines of a file, first to last, 1-based.</summary>
/// <param name="First">The first line.</param>
/// <param name="Last">The last line.</param>
public readonly record struct LineRange(int First, int Last)
{
    /// <inheritdoc/>
    public override string ToString() => First == Last ? $"line {First}" : $"lines {First}–{Last}";
}

/// <summary>Two articles that share text.</summary>
/// <param name="First">One article's path (the earlier of the two in the order they were added).</param>
/// <param name="Second">The other's.</param>
/// <param name="FirstShare">The share of the first article's text also in the second (0–1).</param>
/// <param name="SecondShare">The share of the second article's text also in the first.</param>
/// <param name="Shared">How many shingles (five-word runs) they share.</param>
/// <param name="FirstLines">Where the shared text is in the first article, first to last line.</param>
/// <param name="SecondLines">Where it is in the second.</param>
public sealed record CopyPair(string First, string Second, double FirstShare, double SecondShare, int Shared, LineRange FirstLines, LineRange SecondLines)
{
    /// <summary>Whether both texts are wholly in each other: the same text.</summary>
    public bool SameText => FirstShare >= 1 && SecondShare >= 1;

    /// <summary>Whether the pair is of these two articles, in either order.</summary>
    public bool Joins(string one, string other) => (First == one && Second == other) || (First == other && Second == one);

    /// <summary>The pair as seen from one of its articles: that article's share and lines, then the other's.</summary>
    public CopySide From(string path) =>
        path == First ? new CopySide(Second, FirstShare, FirstLines, SecondShare, SecondLines)
        : path == Second ? new CopySide(First, SecondShare, SecondLines, FirstShare, FirstLines)
        : throw new ArgumentException($"'{path}' is not one of the pair", nameof(path));
}

/// <summary>A <see cref="CopyPair"/> from one article's side.</summary>
/// <param name="Other">The other article's path.</param>
/// <param name="Share">The share of this article's text also in the other.</param>
/// <param name="Lines">Where the shared text is in this article.</param>
/// <param name="OtherShare">The share of the other's text also in this one.</param>
/// <param name="OtherLines">Where it is in the other.</param>
public readonly record struct CopySide(string Other, double Share, LineRange Lines, double OtherShare, LineRange OtherLines);

/// <summary>A group of articles joined by shared text, with the pairs that join them.</summary>
/// <param name="Paths">The articles, in the order they were added.</param>
/// <param name="Pairs">Every pair found among them.</param>
public sealed record CopyCluster(IReadOnlyList<string> Paths, IReadOnlyList<CopyPair> Pairs);

/// <summary>
/// Finds articles that share text among many without comparing every pair: each print's sampled
/// shingles go into an index, and only articles with at least two samples in common are compared
/// (a shared passage of 25 shingles holds six samples on average, whatever the lengths of the two
/// texts, so an excerpt meets its long original as surely as a whole copy does; MinHash banding
/// misses an excerpt that is a small share of its original). Each such pair is then measured
/// exactly: the share of each text's shingles found in the other, and where those shingles are.
/// A large search measures its candidates apart on up to <see cref="Jobs"/> threads. A host adds
/// the prints; one that adds slim prints gives the way to make them whole (<see cref="Remake"/>),
/// which is the only way the finder reaches outside itself.
/// </summary>
public sealed partial class CopyFinder
{
    // Past this many articles sharing a sample, comparing all their pairs would be quadratic.
    internal const int MaxPosting = 500;

    // Below this many candidates (or samples to sort) the search stays on the calling thread:
    // starting the thread pool costs a small run more than the work.
    private const int ParallelFrom = 256;

    private readonly List<TextPrint> _prints = [];
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private readonly CopyOptions _options;

    /// <summary>Creates a finder with the given thresholds.</summary>
    public CopyFinder(CopyOptions? options = null)
    {
        _options = options ?? new CopyOptions();
        if (!(_options.MinShare > 0 && _options.MinShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MinShare, "MinShare is a share above 0 and at most 1.");
        }

        if (_options.MinShingles < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MinShingles, "MinShingles is at least 1.");
        }
    }

    /// <summary>How many threads a large search may use (the run's <c>--jobs</c>); every core unless set.</summary>
    internal int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Makes a slim print (its samples alone, <see cref="TextPrint.IsWhole"/> false) whole again,
    /// from its article read anew, or gives null when it cannot; a host that adds slim prints sets
    /// it. Only prints a candidate pair or a group of like samples names are made whole, on up to
    /// <see cref="Jobs"/> threads; one that is not the text printed (its file changed since, or
    /// is gone) takes no further part.
    /// </summary>
    internal Func<TextPrint, TextPrint?>? Remake { get; init; }

    /// <summary>How many prints were added.</summary>
    public int Count => _prints.Count;

    /// <summary>Adds an article's print.</summary>
    public void Add(TextPrint print)
    {
        ArgumentNullException.ThrowIfNull(print);
        if (!_paths.Add(print.Path))
        {
            throw new ArgumentException($"an article with the path '{print.Path}' was added already; paths name the articles in the pairs", nameof(print));
        }

        _prints.Add(print);
    }

    /// <summary>
    /// The pairs of articles that share text by the options' thresholds, in the order they were
    /// added. Articles with the very same text (a wire story run unchanged by many sites) are one
    /// group: each is paired with the group's first, and only the first is compared with the
    /// rest, so a story run a hundred times costs ninety-nine pairs, not five thousand.
    /// </summary>
    public IReadOnlyList<CopyPair> FindPairs()
    {
        var pairs = new List<CopyPair>();
        var representatives = new List<int>();
        // Texts with the same set have the same samples: a print alone in its group of samples
        // (most are) has no identical text before it, and is not sorted whole for a key. Where a
        // group is met again, its prints are told apart by their whole sets' keys, each key's
        // texts in the order they came, so that templates differing only in unsampled shingles do
        // not make one long list compared print by print.
        // Each print's group key and count of samples are at hand in arrays (the candidates' count
        // reads the counts of millions of pairs, a print apiece away in memory), and the whole
        // sets' keys of those whose group is met again are made first on every core, slim prints
        // made whole for them: where a story is run unchanged many times, sorting their sets one
        // after another was most of a search.
        var (keys, sampleCounts) = (new ulong[_prints.Count], new int[_prints.Count]);
        for (var p = 0; p < _prints.Count; p++)
        {
            (keys[p], sampleCounts[p]) = (_prints[p].GroupKey, _prints[p].Samples.Length);
        }

        var grouped = GroupedAgain(keys);
        var lost = MakeWhole(grouped);
        var textKeys = new ulong[_prints.Count];
        Each(grouped.Length, k => textKeys[grouped[k]] = lost[grouped[k]] ? 0 : _prints[grouped[k]].TextKey);

        var lone = new Dictionary<ulong, int>();
        var identical = new Dictionary<ulong, List<int>>();
        for (var p = 0; p < _prints.Count; p++)
        {
            if (lost[p])
            {
                continue;
            }

            var group = keys[p];
            if (!lone.TryGetValue(group, out var first))
            {
                lone[group] = p;
                representatives.Add(p);
                continue;
            }

            if (first >= 0)
            {
                FirstsOf(identical, textKeys[first]).Add(first);
                lone[group] = -1;
            }

            // Identical but too short to count (a one-line stub) is no copy either.
            var firsts = FirstsOf(identical, textKeys[p]);
            var same = firsts.FindIndex(f => _prints[f].Distinct.AsSpan().SequenceEqual(_prints[p].Distinct));
            if (same >= 0 && _prints[p].DistinctCount >= _options.MinShingles)
            {
                pairs.Add(Same(_prints[firsts[same]], _prints[p]));
                continue;
            }

            firsts.Add(p);
            representatives.Add(p);
        }

        // The candidates worth measuring are picked by their samples, the prints they name made
        // whole where slim, and each measured on its own (a print's sorted set is made once,
        // whichever thread asks first).
        var candidates = Candidates(_prints.Count, Postings(representatives), (a, b) => SamplesNeeded(sampleCounts[a], sampleCounts[b]));
        var worth = new bool[candidates.Count];
        Each(candidates.Count, k => worth[k] = WorthMeasuring(candidates[k]));

        // The prints of the pairs to measure, made whole where they are slim.
        lost = MakeWhole(candidates.Where((c, k) => worth[k]).SelectMany(c => (int[])[c.First, c.Second]), lost);
        var measured = new CopyPair?[candidates.Count];
        Each(candidates.Count, k => measured[k] = worth[k] && !lost[candidates[k].First] && !lost[candidates[k].Second] ? Measure(_prints[candidates[k].First], _prints[candidates[k].Second]) : null);
        pairs.AddRange(measured.OfType<CopyPair>());

        Unread = [.. _prints.Where((_, p) => lost[p]).Select(print => print.Path)];

        // In the order the articles were added, whichever way they were found.
        var order = _prints.Select((p, i) => (p.Path, i)).ToDictionary(x => x.Path, x => x.i, StringComparer.Ordinal);
        return [.. pairs.OrderBy(p => order[p.First]).ThenBy(p => order[p.Second])];
    }

    private static List<int> FirstsOf(Dictionary<ulong, List<int>> identical, ulong key)
    {
        if (!identical.TryGetValue(key, out var firsts))
        {
            identical[key] = firsts = [];
        }

        return firsts;
    }

    /// <summary>The articles joined by shared text, each group once, largest first.</summary>
    public IReadOnlyList<CopyCluster> FindClusters() => Cluster([.. _prints.Select(p => p.Path)], FindPairs());

    /// <summary>
    /// The groups <paramref name="pairs"/> join among articles in the order of <paramref name="paths"/>,
    /// each group once, largest first: what <see cref="FindClusters"/> and an archive's search share.
    /// </summary>
    internal static IReadOnlyList<CopyCluster> Cluster(IReadOnlyList<string> paths, IReadOnlyList<CopyPair> pairs)
    {
        var index = paths.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var parent = Enumerable.Range(0, paths.Count).ToArray();
        int Root(int x) => parent[x] == x ? x : parent[x] = Root(parent[x]);
        foreach (var pair in pairs)
        {
            var (a, b) = (Root(index[pair.First]), Root(index[pair.Second]));
            parent[Math.Max(a, b)] = Math.Min(a, b);
        }

        return [.. pairs.GroupBy(p => Root(index[p.First]))
            .Select(g => new CopyCluster([.. g.SelectMany(p => (string[])[p.First, p.Second]).Distinct().OrderBy(p => index[p])], [.. g]))
            .OrderByDescending(c => c.Paths.Count).ThenBy(c => index[c.Paths[0]])];
    }

    // A candidate is measured only when the samples the two share could come from a pair that
    // passes. A passing pair shares at least MinShare of the smaller text's shingles (and
    // MinShingles), so, the samples being chosen by hash alone, about that share of the smaller
    // text's samples or more; a candidate sharing under a quarter of that (a stock phrase, a run
    // of numbers) is measured no further. At the default half, that is an eighth of the smaller
    // text's samples: a passing pair of 24 samples or more (some 100 shingles) falls that short
    // less than once in ten thousand, a longer one far less often still (the two samples every
    // candidate needs already miss a shared passage of 25 shingles about once in a hundred);
    // below that the two suffice. Measuring means sorting both texts whole and merging them;
    // where articles share stock phrases and nothing more, nearly every candidate is such a pair,
    // and measuring them was most of the search. Most such candidates are left out as they are
    // counted (Candidates, given SamplesNeeded: those it keeps are settled); only those a capped
    // sample may have left short are counted again here.
    private bool WorthMeasuring((int First, int Second, bool Settled) candidate)
    {
        var (first, second) = (_prints[candidate.First], _prints[candidate.Second]);
        return candidate.Settled || SharedSamplesReach(first.Samples, second.Samples, SamplesNeeded(first.Samples.Length, second.Samples.Length));
    }

    // How many samples two texts with these many must share to be measured: a quarter of what a passing pair holds.
    private int SamplesNeeded(int first, int second)
    {
        var expected = Math.Max(_options.MinShingles / 4.0, _options.MinShare * Math.Min(first, second));
        return Math.Max(2, (int)(expected / 4));
    }

    // Whether two sorted sets of samples have at least this many in common.
    private static bool SharedSamplesReach(ulong[] first, ulong[] second, int needed)
    {
        var shared = 0;
        for (int i = 0, j = 0; i < first.Length && j < second.Length;)
        {
            if (first[i] == second[j])
            {
                if (++shared >= needed)
                {
                    return true;
                }

                i++;
                j++;
            }
            else if (first[i] < second[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }

    /// <summary>The exact shares of two prints, or null when they are not copies by the thresholds.</summary>
    public CopyPair? Measure(TextPrint first, TextPrint second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (Shared(first.Distinct, second.Distinct) is not { } shared)
        {
            return null;
        }

        return new CopyPair(first.Path, second.Path, (double)shared / first.DistinctCount, (double)shared / second.DistinctCount, shared, Where(first, second), Where(second, first));
    }

    /// <summary>
    /// How many shingles two sorted sets share, or null when that does not pass the thresholds:
    /// the test <see cref="Measure"/> makes before it locates the passages.
    /// </summary>
    internal int? Shared(ulong[] first, ulong[] second)
    {
        var shared = 0;
        for (int i = 0, j = 0, step = 0; i < first.Length && j < second.Length; step++)
        {
            // Most candidates share a stock phrase or two: once even every shingle left in the
            // shorter remainder could not make the pair pass, it does not (on text built from
            // templates, candidates are many and this merge was two thirds of a search).
            if ((step & 63) == 63 && !Passes(shared + Math.Min(first.Length - i, second.Length - j), first.Length, second.Length))
            {
                return null;
            }

            // Without branches: which side moves on is a coin toss the processor cannot foresee.
            var (a, b) = (first[i], second[j]);
            shared += a == b ? 1 : 0;
            i += a <= b ? 1 : 0;
            j += a >= b ? 1 : 0;
        }

        return Passes(shared, first.Length, second.Length) ? shared : null;
    }

    // Whether two sets of these sizes sharing this many shingles are copies; it can only turn true as the number grows.
    private bool Passes(int shared, int first, int second) =>
        shared >= _options.MinShingles && Math.Max((double)shared / first, (double)shared / second) >= _options.MinShare;

    /// <summary>
    /// Whether <paramref name="print"/> and a stored text could be copies by the thresholds, from
    /// the stored text's shingles in text order and its number of distinct ones alone: the same
    /// shares <see cref="Measure"/> computes, without sorting the stored text's shingles (an
    /// archive search reads many texts that share a stock phrase or two and nothing more).
    /// </summary>
    internal bool Passes(TextPrint print, ReadOnlySpan<ulong> otherShingles, int otherDistinct)
    {
        var found = new List<ulong>();
        foreach (var shingle in otherShingles)
        {
            if (Array.BinarySearch(print.Distinct, shingle) >= 0)
            {
                found.Add(shingle);
            }
        }

        found.Sort();
        var shared = found.Count == 0 ? 0 : 1;
        for (var i = 1; i < found.Count; i++)
        {
            shared += found[i] != found[i - 1] ? 1 : 0;
        }

        return shared >= _options.MinShingles && otherDistinct > 0
            && Math.Max((double)shared / print.DistinctCount, (double)shared / otherDistinct) >= _options.MinShare;
    }

    /// <summary>The pair two texts with the same set of shingles make: all of each is in the other.</summary>
    internal static CopyPair Same(TextPrint first, TextPrint second) => new(first.Path, second.Path, 1, 1, first.DistinctCount, Whole(first), Whole(second));

    private static LineRange Whole(TextPrint print) => new(print.StartLine(0), print.EndLine(print.Shingles.Length - 1));

    // The lines from the first to the last passage of one print also in the other: runs of at
    // least eight shingles (a dozen words running), so that a phrase the text repeats, or a stock
    // one, met again elsewhere does not stretch the range; any shared shingle when there is no run.
    private static LineRange Where(TextPrint print, TextPrint other)
    {
        const int Passage = 8;
        var (first, last, anyFirst, anyLast, run) = (-1, -1, -1, -1, 0);
        for (var s = 0; s <= print.Shingles.Length; s++)
        {
            if (s < print.Shingles.Length && Array.BinarySearch(other.Distinct, print.Shingles[s]) >= 0)
            {
                anyFirst = anyFirst < 0 ? s : anyFirst;
                anyLast = s;
                run++;
                continue;
            }

            if (run >= Passage)
            {
                first = first < 0 ? s - run : first;
                last = s - 1;
            }

            run = 0;
        }

        return first < 0
            ? new LineRange(print.StartLine(anyFirst), print.EndLine(anyLast))
            : new LineRange(print.StartLine(first), print.EndLine(last));
    }
}
