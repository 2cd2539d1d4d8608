namespace Provenance.Corpus;

/// <summary>Where a print's shingles are: the lines of their first and last words.</summary>
public sealed partial class TextPrint
{
    // Each word's line, as runs of words on one line: run r starts at word _runWords[r], on line
    // _runLines[r]. A shingle's first and last lines come from its first and fifth word; the
    // runs take a few bytes an article where a start and an end line for every shingle took 8
    // bytes a shingle, a third of a print held for a copy search.
    private readonly int[] _runWords;
    private readonly int[] _runLines;

    /// <summary>The line (1-based) of shingle <paramref name="shingle"/>'s first word.</summary>
    internal int StartLine(int shingle) => LineOfWord(shingle);

    /// <summary>The line (1-based) of shingle <paramref name="shingle"/>'s last word.</summary>
    internal int EndLine(int shingle) => LineOfWord(shingle + ShingleWords - 1);

    /// <summary>The lines some shingle starts or ends on, in order, each once.</summary>
    internal int[] ShingleLines()
    {
        // Every word is a shingle's first or last, but for those of a text of five to seven words
        // that are neither (the middle of fewer than four shingles).
        var count = Shingles.Length;
        var lines = new List<int>(_runLines.Length);
        var ordered = true;
        for (var r = 0; r < _runWords.Length; r++)
        {
            var (from, to) = (_runWords[r], r + 1 < _runWords.Length ? _runWords[r + 1] : count + ShingleWords - 1);
            var used = false;
            for (var w = from; w < to && !used; w++)
            {
                used = w < count || w >= ShingleWords - 1;
            }

            if (used)
            {
                ordered &= lines.Count == 0 || lines[^1] <= _runLines[r];
                lines.Add(_runLines[r]);
            }
        }

        return ordered ? [.. lines.Distinct()] : [.. lines.Distinct().Order()];
    }

    private int LineOfWord(int word)
    {
        // Every caller asks for a shingle's first or last word: a word outside them is a mistake.
        System.Diagnostics.Debug.Assert(word >= 0 && word < Shingles.Length + ShingleWords - 1, "a word of no shingle");
        return _runLines[Text.OrderedSearch.LastAtOrBefore(_runWords, word)];
    }

    // Runs of words on one line, from each word's line.
    private static (int[] Words, int[] Lines) Runs(ReadOnlySpan<int> wordLines)
    {
        var runs = 0;
        for (var w = 0; w < wordLines.Length; w++)
        {
            runs += w == 0 || wordLines[w] != wordLines[w - 1] ? 1 : 0;
        }

        var (words, lines) = (new int[runs], new int[runs]);
        var r = 0;
        for (var w = 0; w < wordLines.Length; w++)
        {
            if (w == 0 || wordLines[w] != wordLines[w - 1])
            {
                (words[r], lines[r]) = (w, wordLines[w]);
                r++;
            }
        }

        return (words, lines);
    }
}
