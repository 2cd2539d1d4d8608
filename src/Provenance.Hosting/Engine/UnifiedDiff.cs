using System.Text;
using DiffPlex;

namespace Provenance.Hosting;

/// <summary>A unified diff of two versions of a file, for <c>fix --dry-run</c>, as <c>diff -u</c> and <c>patch</c> read it.</summary>
internal static class UnifiedDiff
{
    private const int Context = 2;
    private const string NoNewline = "\\ No newline at end of file\n";

    public static string Create(string path, string before, string after)
    {
        var (a, aEnds) = Lines(before);
        var (b, bEnds) = Lines(after);
        var ops = Diff(a, b, aEnds, bEnds);
        var text = new StringBuilder($"--- a/{path}\n+++ b/{path}\n");
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk runs from the change's context to the context after the last change that
            // follows within twice the context, so that hunks never overlap.
            var start = Math.Max(0, i - Context);
            var last = i;
            for (var k = i; k < ops.Count && k <= last + (2 * Context); k++)
            {
                if (ops[k].Kind != ' ')
                {
                    last = k;
                }
            }

            var end = Math.Min(ops.Count, last + Context + 1);
            var hunk = ops.GetRange(start, end - start);
            var oldCount = hunk.Count(o => o.Kind != '+');
            var newCount = hunk.Count(o => o.Kind != '-');
            var oldStart = oldCount == 0 ? hunk[0].A : hunk.First(o => o.Kind != '+').A + 1;
            var newStart = newCount == 0 ? hunk[0].B : hunk.First(o => o.Kind != '-').B + 1;
            text.Append($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n");
            foreach (var (kind, line, ai, bi) in hunk)
            {
                text.Append(kind).Append(line.TrimEnd('\r')).Append('\n');

                // The last line of a file that does not end in a newline says so, as diff -u does.
                var lastOfA = kind != '+' && ai == a.Length - 1 && !aEnds;
                var lastOfB = kind != '-' && bi == b.Length - 1 && !bEnds;
                if (lastOfA || lastOfB)
                {
                    text.Append(NoNewline);
                }
            }

            i = end;
        }

        return text.ToString();
    }

    // The file's lines, and whether it ends with a newline: "a\nb\n" is two lines, not three.
    private static (string[] Lines, bool EndsWithNewline) Lines(string text)
    {
        if (text.Length == 0)
        {
            return ([], true);
        }

        var lines = text.Split('\n');
        return text[^1] == '\n' ? (lines[..^1], true) : (lines, false);
    }

    // DiffPlex's line diff (Myers' algorithm, O(ND)): a long page with few changes costs little,
    // where a table of every pair of lines grew with the square of the page. Each operation keeps
    // its line's index in the old (A) and new (B) file.
    private static List<(char Kind, string Line, int A, int B)> Diff(string[] a, string[] b, bool aEnds, bool bEnds)
    {
        // Each line is given with its newline, and cut at those alone, so the blocks' indexes are
        // these lines' (an empty line included). A last line without one is marked, so that a
        // line that only gained or lost its newline is a change, as diff -u shows it.
        var result = Differ.Instance.CreateCustomDiffs(Joined(a, aEnds), Joined(b, bEnds), ignoreWhiteSpace: false, ignoreCase: false, text => text.Length == 0 ? [] : text[..^1].Split('\n'));
        var ops = new List<(char, string, int, int)>(a.Length + b.Length);
        var (i, j) = (0, 0);
        foreach (var block in result.DiffBlocks)
        {
            while (i < block.DeleteStartA)
            {
                ops.Add((' ', a[i], i++, j++));
            }

            for (var k = 0; k < block.DeleteCountA; k++)
            {
                ops.Add(('-', a[i], i++, j));
            }

            for (var k = 0; k < block.InsertCountB; k++)
            {
                ops.Add(('+', b[j], i, j++));
            }
        }

        while (i < a.Length)
        {
            ops.Add((' ', a[i], i++, j++));
        }

        return ops;
    }

    private static string Joined(string[] lines, bool endsWithNewline)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            text.Append(lines[i]);
            if (i == lines.Length - 1 && !endsWithNewline)
            {
                text.Append('\0');
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
