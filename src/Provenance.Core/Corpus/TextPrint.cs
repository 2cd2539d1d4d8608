using Provenance.Articles;

namespace Provenance.Corpus;

/// <summary>
/// The fingerprint of an article's own text, for finding where else it appears: the hashes of its
/// word shingles (five words running) in order, each with the lines it spans in the file, and a
/// sample of them chosen by their hash alone (one in eight), so that two texts sharing a passage
/// share samples of it whatever else they hold. Only the article's main text counts — paragraphs, quotations, list
/// items, headings — not its headline (rewritten first), byline, metadata or the footer zone,
/// where one site's pages share bios and boilerplate. Hashes are the same on every machine and
/// run, so prints can be stored and compared across runs and shards.
/// </summary>
public sealed class TextPrint
{
    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 5;

    // A shingle is sampled when its hash's low bits are zero: one in eight, chosen by content, so
    // every copy of a passage has the same samples (Broder's "mod m" sampling).
    private const ulong SampleMask = 7;

    private TextPrint(string path, ulong[] shingles, int[] startLines, int[] endLines, int words)
    {
        Path = path;
        Shingles = shingles;
        StartLines = startLines;
        EndLines = endLines;
        Words = words;
        Distinct = [.. shingles.Distinct().Order()];
        Samples = [.. Distinct.Where(h => (h & SampleMask) == 0)];
    }

    /// <summary>The article's path, as the host names it.</summary>
    public string Path { get; }

    /// <summary>How many words its main text has.</summary>
    public int Words { get; }

    /// <summary>The sampled shingles, sorted: what the finder indexes to meet texts that share a passage.</summary>
    public ulong[] Samples { get; }

    // The shingles in text order, with the line of each one's first and last word.
    internal ulong[] Shingles { get; }

    internal int[] StartLines { get; }

    internal int[] EndLines { get; }

    // The shingles as a sorted set, for exact shares.
    internal ulong[] Distinct { get; }

    /// <summary>The print of <paramref name="article"/>, or null when its main text is shorter than one shingle.</summary>
    /// <param name="article">The article, with its text and blocks.</param>
    /// <param name="leaveOut">Blocks to leave out besides the headline, byline, metadata and footer zone (the engine leaves out those its rules read as notes about the article or as padding).</param>
    public static TextPrint? Of(Article article, Func<Block, bool>? leaveOut = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        var words = new List<(ulong Hash, int Line)>();
        foreach (var block in article.Blocks)
        {
            if (block.Zone != Zone.Main || block.Kind is not (BlockKind.Paragraph or BlockKind.Quote or BlockKind.ListItem or BlockKind.Heading) || leaveOut?.Invoke(block) == true)
            {
                continue;
            }

            var text = block.Text;
            var i = 0;
            while (i < text.Length)
            {
                if (!char.IsLetterOrDigit(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                var hash = 14695981039346656037UL;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                {
                    // Case and apostrophe style do not make a copy different.
                    var c = text[i] == '’' ? '\'' : char.ToLowerInvariant(text[i]);
                    hash = (hash ^ c) * 1099511628211UL;
                    i++;
                }

                words.Add((hash, article.Source.GetLinePosition(block.Map.ToSource(start)).Line));
            }
        }

        if (words.Count < ShingleWords)
        {
            return null;
        }

        var count = words.Count - ShingleWords + 1;
        var shingles = new ulong[count];
        var startLines = new int[count];
        var endLines = new int[count];
        for (var s = 0; s < count; s++)
        {
            var hash = 0UL;
            for (var w = 0; w < ShingleWords; w++)
            {
                hash = Mix((hash * 31) + words[s + w].Hash);
            }

            (shingles[s], startLines[s], endLines[s]) = (hash, words[s].Line, words[s + ShingleWords - 1].Line);
        }

        return new TextPrint(article.Path, shingles, startLines, endLines, words.Count);
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
