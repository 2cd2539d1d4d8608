using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Provenance.Articles;

namespace Provenance.Corpus;

/// <summary>
/// The fingerprint of an article's own text, for finding where else it appears: the hashes of its
/// word shingles (five words running) in order, each with the lines it spans in the file, and a
/// sample of them chosen by their hash alone (one in four), so that two texts sharing a passage
/// share samples of it whatever else they hold. Only the article's main text counts — paragraphs, quotations, list
/// items, headings — not its headline (rewritten first), byline, metadata or the footer zone,
/// where one site's pages share bios and boilerplate. Hashes are the same on every machine and
/// run, so prints can be stored and compared across runs and shards.
/// </summary>
public sealed partial class TextPrint
{
    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 5;

    // A shingle is sampled when its hash's low bits are zero: one in four, chosen by content, so
    // every copy of a passage has the same samples (Broder's "mod m" sampling). Twenty-five shared
    // shingles hold fewer than the two samples a candidate needs less than once in a hundred.
    private const ulong SampleMask = 3;

    // The shingles as a sorted set, for exact shares, the count and the key: made when first
    // asked (a pair measured, a group of samples met twice, a short text grouped, an archive
    // written) and kept after, unless the print was made with it (one read back from an archive,
    // to be measured).
    private ulong[]? _distinct;

    private readonly ulong[]? _shingles;

    private TextPrint(string path, ulong[] shingles, (int[] Words, int[] Lines) runs, int words, bool keepSet = false, bool held = false, ulong[]? samples = null)
    {
        Path = path;
        _shingles = shingles;
        (_runWords, _runLines) = runs;
        Words = words;
        if (keepSet)
        {
            _distinct = SortedSet(shingles);
            Samples = SamplesOf(_distinct);
            _samplesKey = Mix(KeyOf(Samples));
            return;
        }

        // Only the samples are sorted here (a quarter of the shingles): most prints made from
        // articles are never measured against another (no copy shares their samples), and their
        // whole sorted set — for the count, the key and exact shares — is made only if asked
        // (Distinct). Sorting every print's shingles was a fifth of making it.
        Samples = samples ?? SampledSet(shingles, held);
        _samplesKey = Mix(KeyOf(Samples));
    }

    /// <summary>The article's path, as the host names it.</summary>
    public string Path { get; }

    /// <summary>How many words its main text has.</summary>
    public int Words { get; }

    // The sampled shingles, sorted: what the finder indexes to meet texts that share a passage.
    internal ulong[] Samples { get; }

    // The shingles in text order; StartLine and EndLine give the line of each one's first and last word.
    // A slim print has none: it must be made whole again (CopyFinder.Remake) before it is measured.
    internal ulong[] Shingles => _shingles ?? throw new InvalidOperationException($"the print of '{Path}' holds its samples alone; it is made whole again before it is measured");

    internal ulong[] Distinct
    {
        get
        {
            if (Volatile.Read(ref _distinct) is { } made)
            {
                return made;
            }

            var set = SortedSet(Shingles);
            return Interlocked.CompareExchange(ref _distinct, set, null) ?? set;
        }
    }

    // How many different shingles the text has.
    internal int DistinctCount => Distinct.Length;

    // A hash of the set of shingles: texts with the same set (the same text, whatever its line
    // breaks) have the same key (an archive stores it to group them).
    internal ulong TextKey => KeyOf(Distinct);

    // A key that texts with the same set of shingles share, for grouping them before any pair is
    // measured: the key of their samples, which the same set gives the same, so no print is
    // sorted whole for it (a slim print has no other); a text with few samples (a short one,
    // never slim) gives its whole set's key, so
    // that short texts do not crowd into one group. Texts with the same samples but different
    // sets share it too: the finder tells them apart by their whole sets.
    internal ulong GroupKey => Samples.Length >= SlimFrom ? _samplesKey : TextKey;

    // The key of the samples, made with the print (on the thread that checked its article): a
    // search of 100,000 prints spent 80 ms making them one after another.
    private readonly ulong _samplesKey;

    // The key of a sorted set of shingles (TextKey), for sets read back without their print.
    internal static ulong KeyOf(ulong[] distinct) => KeyOf(distinct.AsSpan());

    private static ulong KeyOf(ReadOnlySpan<ulong> distinct)
    {
        var key = (ulong)distinct.Length;
        foreach (var hash in distinct)
        {
            key = Mix(key ^ hash);
        }

        return key;
    }

    /// <summary>The print of <paramref name="article"/>, or null when its main text is shorter than one shingle.</summary>
    /// <param name="article">The article, with its text and blocks.</param>
    /// <param name="leaveOut">Blocks to leave out besides the headline, byline, metadata and footer zone (the engine leaves out those its rules read as notes about the article or as padding).</param>
    public static TextPrint? Of(Article article, Func<Block, bool>? leaveOut = null) => Of(article, leaveOut, held: false);

    /// <summary>As <see cref="Of(Article, Func{Block, bool}?)"/>; <paramref name="held"/> when the print is kept to the end of a run.</summary>
    /// <remarks>
    /// A held print's arrays are pinned: a search for copies keeps every print until its end, and
    /// each was copied twice on its way through the young generations. A print made to be stored
    /// or looked up and let go is not: pinned memory is freed only by a full collection.
    /// </remarks>
    /// <param name="article">The article, with its text and blocks.</param>
    /// <param name="leaveOut">Blocks to leave out besides the headline, byline, metadata and footer zone.</param>
    /// <param name="held">Whether the print is kept to the end of a run: its arrays are pinned.</param>
    /// <param name="slim">
    /// When given, the print keeps its samples alone (<see cref="IsWhole"/> false) if it has at
    /// least <see cref="SlimFrom"/> and they were not seen before (<see cref="SeenSamples"/>): a
    /// run that looks for copies holds every article's print until its search, and most are
    /// never measured; the few that are, the host makes again from their files
    /// (<see cref="CopyFinder.Remake"/>). The shingles in text order were more than half of what
    /// such a run held. A print whose samples were seen before is likely a copy, to be measured: it
    /// is kept whole.
    /// </param>
    internal static TextPrint? Of(Article article, Func<Block, bool>? leaveOut, bool held, SeenSamples? slim = null)
    {
        ArgumentNullException.ThrowIfNull(article);

        // Each word's hash and line, in buffers from the pool: a list of pairs grown by doubling
        // was most of a print's cost (copies, zeroed memory), in a run that prints every article.
        var hashes = ArrayPool<ulong>.Shared.Rent(256);
        var lines = ArrayPool<int>.Shared.Rent(256);
        var count = 0;
        var line = 1;
        try
        {
            foreach (var block in article.Blocks)
            {
                if (block.Zone != Zone.Main || block.Kind is not (BlockKind.Paragraph or BlockKind.Quote or BlockKind.ListItem or BlockKind.Heading) || leaveOut?.Invoke(block) == true)
                {
                    continue;
                }

                // A block's map has at least one segment (SourceMap refuses none).
                var text = block.Text;
                var segments = block.Map.Segments;
                // Most blocks sit on one line of the file (a paragraph of a text file, an element
                // of a page): then every word is on it, and no word's place is looked up.
                var (low, high) = (int.MaxValue, 0);
                foreach (var piece in segments)
                {
                    (low, high) = (Math.Min(low, piece.SourceStart), Math.Max(high, piece.SourceStart + piece.Length));
                }

                line = article.Source.LineFrom(low, line);
                var oneLine = article.Source.LineFrom(high, line) == line;
                var segment = 0;
                var i = 0;
                while (i < text.Length)
                {
                    var c = text[i];
                    if (c < 128 ? AsciiWord[c] == 0 : !IsWordChar(text, i))
                    {
                        i++;
                        continue;
                    }

                    // Most words are plain ASCII: their hash is made as they are read (the same
                    // hash HashWord makes), and only a word with other characters is hashed again.
                    var start = i;
                    var hash = OffsetBasis;
                    var ascii = true;
                    while (i < text.Length)
                    {
                        c = text[i];
                        if (c < 128 && AsciiWord[c] != 0)
                        {
                            hash = (hash ^ (uint)(c | (AsciiWord[c] & 0x20))) * Prime;
                        }
                        else if (c is '\'' or '\u2019' or '\u2018' ? i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start : c >= 128 && IsWordOrApostrophe(text, i, start))
                        {
                            // A curly apostrophe (most of real text's) is hashed as the straight
                            // one HashWord folds it to; any other character past ASCII sends the
                            // word to HashWord.
                            if (c is '\u2019' or '\u2018')
                            {
                                c = '\'';
                            }

                            ascii &= c < 128;
                            hash = (hash ^ c) * Prime;
                        }
                        else
                        {
                            break;
                        }

                        i++;
                    }

                    if (!oneLine)
                    {
                        // Word offsets only grow, so the segment holding each is found by walking on.
                        while (segment + 1 < segments.Length && segments[segment + 1].BlockStart <= start)
                        {
                            segment++;
                        }

                        // Words come in text order: each one's line is walked to from the last one's.
                        var at = segments[segment].SourceStart + Math.Min(Math.Max(start - segments[segment].BlockStart, 0), segments[segment].Length);
                        line = article.Source.LineFrom(at, line);
                    }

                    if (count == hashes.Length)
                    {
                        Grow(ref hashes, count);
                    }

                    if (count == lines.Length)
                    {
                        Grow(ref lines, count);
                    }

                    (hashes[count], lines[count]) = (ascii ? hash : HashWord(text.AsSpan(start, i - start)), line);
                    count++;
                }
            }

            if (count < ShingleWords)
            {
                return null;
            }

            var shingleCount = count - ShingleWords + 1;
            if (slim is null)
            {
                // Every element is written below.
                var shingles = GC.AllocateUninitializedArray<ulong>(shingleCount, pinned: held);
                MakeShingles(hashes, shingles);
                return new TextPrint(article.Path, shingles, Runs(lines.AsSpan(0, count)), count, held: held);
            }

            // The shingles in a pooled buffer for the samples: a print held slim allocates nothing but them.
            var buffer = ArrayPool<ulong>.Shared.Rent(shingleCount);
            try
            {
                var made = buffer.AsSpan(0, shingleCount);
                MakeShingles(hashes, made);
                var samples = SampledSet(made, held);
                if (!slim.SeenBefore(samples) && samples.Length >= SlimFrom)
                {
                    return new TextPrint(article.Path, samples, count, SumOf(made));
                }

                var shingles = GC.AllocateUninitializedArray<ulong>(shingleCount, pinned: held);
                made.CopyTo(shingles);
                return new TextPrint(article.Path, shingles, Runs(lines.AsSpan(0, count)), count, held: held, samples: samples);
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(buffer);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
            ArrayPool<int>.Shared.Return(lines);
        }
    }

    // Each shingle's hash from its five words' hashes.
    private static void MakeShingles(ulong[] hashes, Span<ulong> shingles)
    {
        var s = ShinglesFourAtATime(hashes, shingles);
        for (; s < shingles.Length; s++)
        {
            var hash = 0UL;
            for (var w = 0; w < ShingleWords; w++)
            {
                hash = Mix((hash * 31) + hashes[s + w]);
            }

            shingles[s] = hash;
        }
    }

    // Shingles' hashes four at a time, the same as one at a time, where the processor multiplies
    // 64-bit lanes (AVX-512DQ): each shingle is five mixes in a row, one waiting on the last, so
    // one at a time the multiplier sat mostly idle. How many it made: the rest are made one by one.
    internal static int ShinglesFourAtATime(ulong[] hashes, Span<ulong> shingles)
    {
        if (!Avx512DQ.VL.IsSupported)
        {
            return 0;
        }

        var s = 0;
        for (; s + 4 <= shingles.Length; s += 4)
        {
            var hash = Vector256<ulong>.Zero;
            for (var w = 0; w < ShingleWords; w++)
            {
                hash = Mix((hash * 31) + Vector256.Create<ulong>(hashes.AsSpan(s + w, 4)));
            }

            hash.CopyTo(shingles.Slice(s, 4));
        }

        return s;
    }

    // Mix, lane by lane.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Mix(Vector256<ulong> x)
    {
        x ^= Vector256.ShiftRightLogical(x, 30);
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= Vector256.ShiftRightLogical(x, 27);
        x *= 0x94D049BB133111EBUL;
        return x ^ Vector256.ShiftRightLogical(x, 31);
    }

    private static void Grow<T>(ref T[] buffer, int count)
    {
        var larger = ArrayPool<T>.Shared.Rent(buffer.Length * 2);
        Array.Copy(buffer, larger, count);
        ArrayPool<T>.Shared.Return(buffer);
        buffer = larger;
    }

    /// <summary>
    /// A print as it was stored (an archive keeps its shingles in text order with each one's
    /// lines): the same print <see cref="Of(Article, Func{Block, bool}?)"/> made, without the article.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays are empty or of different lengths, a line is below 1, or an end line is not the start line stored four shingles on.</exception>
    internal static TextPrint Restore(string path, int words, ulong[] shingles, int[] startLines, int[] endLines)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (shingles.Length == 0 || startLines.Length != shingles.Length || endLines.Length != shingles.Length)
        {
            throw new ArgumentException($"a stored print of '{path}' has {shingles.Length} shingles, {startLines.Length} start lines and {endLines.Length} end lines; it needs at least one shingle and a line pair for each");
        }

        if (words < shingles.Length + ShingleWords - 1 || startLines.Any(l => l < 1) || endLines.Any(l => l < 1))
        {
            throw new ArgumentException($"a stored print of '{path}' is damaged: {words} words for {shingles.Length} shingles, or a line below 1");
        }

        // The words' lines again: shingle s starts on word s and ends on word s + 4, so a stored
        // end line is the start line stored four shingles on, where there is one.
        var count = shingles.Length;
        var wordLines = new int[count + ShingleWords - 1];
        for (var s = 0; s < count; s++)
        {
            wordLines[s] = startLines[s];
            var end = s + ShingleWords - 1;
            if (end < count && startLines[end] != endLines[s])
            {
                throw new ArgumentException($"a stored print of '{path}' is damaged: shingle {s + 1} ends on line {endLines[s]}, where shingle {end + 1} starts on line {startLines[end]}");
            }

            wordLines[end] = endLines[s];
        }

        // A word that is no shingle's first or last (in a text of five to seven words) is never asked for.
        for (var w = count; w < ShingleWords - 1; w++)
        {
            wordLines[w] = wordLines[w - 1];
        }

        // Read back to be measured straight away: its sorted set is kept from the start.
        return new TextPrint(path, shingles, Runs(wordLines), words, keepSet: true);
    }

    // SplitMix64's finaliser: a fast, well-spread 64-bit mix.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
