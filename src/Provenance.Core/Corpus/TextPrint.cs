using System.Buffers;
using System.Text;
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

    // The shingles as a sorted set, for exact shares: made when a pair is first measured and kept
    // after, unless the print was made with it (one read back from an archive, to be measured).
    private ulong[]? _distinct;

    private TextPrint(string path, ulong[] shingles, (int[] Words, int[] Lines) runs, int words, bool keepSet = false)
    {
        Path = path;
        Shingles = shingles;
        (_runWords, _runLines) = runs;
        Words = words;
        if (keepSet)
        {
            _distinct = SortedSet(shingles);
            (DistinctCount, TextKey, Samples) = (_distinct.Length, KeyOf(_distinct), SamplesOf(_distinct));
            return;
        }

        // The sorted set gives the key, the count and the samples, and is let go: most prints
        // made from articles are never measured against another (no copy shares their samples),
        // and for those that are it is made again (Distinct), which costs less than keeping it
        // for every print.
        var sorted = ArrayPool<ulong>.Shared.Rent(shingles.Length);
        try
        {
            var set = SortInto(shingles, sorted);
            (DistinctCount, TextKey, Samples) = (set.Length, KeyOf(set), SamplesOf(set));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(sorted);
        }
    }

    /// <summary>The article's path, as the host names it.</summary>
    public string Path { get; }

    /// <summary>How many words its main text has.</summary>
    public int Words { get; }

    // The sampled shingles, sorted: what the finder indexes to meet texts that share a passage.
    internal ulong[] Samples { get; }

    // The shingles in text order; StartLine and EndLine give the line of each one's first and last word.
    internal ulong[] Shingles { get; }

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
    internal int DistinctCount { get; }

    // A hash of the set of shingles: texts with the same set (the same text, whatever its line
    // breaks) have the same key, so they are grouped before any pair is measured.
    internal ulong TextKey { get; }

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
    public static TextPrint? Of(Article article, Func<Block, bool>? leaveOut = null)
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

                var text = block.Text;
                var segments = block.Map.Segments;
                var segment = 0;
                var i = 0;
                while (i < text.Length)
                {
                    if (!IsWordChar(text, i))
                    {
                        i++;
                        continue;
                    }

                    var start = i;
                    while (i < text.Length && (IsWordChar(text, i) || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)))
                    {
                        i++;
                    }

                    // Word offsets only grow, so the segment holding each is found by walking on.
                    while (segment + 1 < segments.Length && segments[segment + 1].BlockStart <= start)
                    {
                        segment++;
                    }

                    var at = segments[segment].SourceStart + Math.Min(Math.Max(start - segments[segment].BlockStart, 0), segments[segment].Length);
                    if (count == hashes.Length)
                    {
                        Grow(ref hashes, count);
                    }

                    if (count == lines.Length)
                    {
                        Grow(ref lines, count);
                    }

                    // Words come in text order: each one's line is walked to from the last one's.
                    line = article.Source.LineFrom(at, line);
                    (hashes[count], lines[count]) = (HashWord(text.AsSpan(start, i - start)), line);
                    count++;
                }
            }

            if (count < ShingleWords)
            {
                return null;
            }

            var shingleCount = count - ShingleWords + 1;
            var shingles = new ulong[shingleCount];
            for (var s = 0; s < shingleCount; s++)
            {
                var hash = 0UL;
                for (var w = 0; w < ShingleWords; w++)
                {
                    hash = Mix((hash * 31) + hashes[s + w]);
                }

                shingles[s] = hash;
            }

            return new TextPrint(article.Path, shingles, Runs(lines.AsSpan(0, count)), count);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
            ArrayPool<int>.Shared.Return(lines);
        }
    }

    private static void Grow<T>(ref T[] buffer, int count)
    {
        var larger = ArrayPool<T>.Shared.Rent(buffer.Length * 2);
        Array.Copy(buffer, larger, count);
        ArrayPool<T>.Shared.Return(buffer);
        buffer = larger;
    }

    // Letters and digits, marks that belong to them (a combining accent), invisible format
    // characters (a soft hyphen, a joiner) and letters beyond the basic plane all stay in a word.
    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
        {
            return true;
        }

        return char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.Format
            && i > 0 && !char.IsWhiteSpace(text[i - 1]);
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    // Case, apostrophe style, composed or decomposed accents and invisible format characters do
    // not make a copy different.
    private static ulong HashWord(ReadOnlySpan<char> word)
    {
        var plain = Ascii.IsValid(word) ? word : Fold(word);
        var hash = 14695981039346656037UL;
        foreach (var c in plain)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        }

        return hash;
    }

    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> word)
    {
        var composed = word.ToString().Normalize(System.Text.NormalizationForm.FormC);
        var kept = new System.Text.StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }

            kept.Append(IsApostrophe(c) ? '\'' : c);
        }

        return kept.ToString();
    }

    // The sampled shingles of a sorted set, in its order (counted first: no list grown for them).
    private static ulong[] SamplesOf(ReadOnlySpan<ulong> distinct)
    {
        var count = 0;
        foreach (var hash in distinct)
        {
            count += (hash & SampleMask) == 0 ? 1 : 0;
        }

        var samples = new ulong[count];
        var k = 0;
        foreach (var hash in distinct)
        {
            if ((hash & SampleMask) == 0)
            {
                samples[k++] = hash;
            }
        }

        return samples;
    }

    // The shingles sorted with repeats dropped: a sort of a copy, not a hash set, since every
    // print made or read back from an archive pays for it (a third of an archive search's time).
    internal static ulong[] SortedSet(ulong[] shingles)
    {
        var sorted = new ulong[shingles.Length];
        var set = SortInto(shingles, sorted);
        return set.Length == sorted.Length ? sorted : set.ToArray();
    }

    // The shingles sorted into the buffer with repeats dropped: the set, at its start.
    private static Span<ulong> SortInto(ulong[] shingles, ulong[] buffer)
    {
        var sorted = buffer.AsSpan(0, shingles.Length);
        shingles.CopyTo(sorted);
        sorted.Sort();
        var kept = sorted.Length == 0 ? 0 : 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[kept - 1])
            {
                sorted[kept++] = sorted[i];
            }
        }

        return sorted[..kept];
    }

    /// <summary>
    /// A print as it was stored (an archive keeps its shingles in text order with each one's
    /// lines): the same print <see cref="Of"/> made, without the article.
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
    internal static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
