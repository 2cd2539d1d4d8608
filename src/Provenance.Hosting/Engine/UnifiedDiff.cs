using System.Text;

namespace Provenance.Hosting;

/// <summary>A unified diff of two versions of a file, for <c>fix --dry-run</c>.</summary>
internal static class UnifiedDiff
{
    private const int Context = 2;

    public static string Create(string path, string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var ops = Diff(a, b);
        var text = new StringBuilder($"--- a/{path}\n+++ b/{path}\n");
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ')
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = i;
            while (end < ops.Count && (ops[end].Kind != ' ' || Enumerable.Range(end, Math.Min(Context * 2, ops.Count - end)).Any(k => ops[k].Kind != ' ')))
            {
                end++;
            }

            end = Math.Min(ops.Count, end + Context);
            var hunk = ops.GetRange(start, end - start);
            var oldStart = ops.Take(start).Count(o => o.Kind != '+') + 1;
            var newStart = ops.Take(start).Count(o => o.Kind != '-') + 1;
            text.Append($"@@ -{oldStart},{hunk.Count(o => o.Kind != '+')} +{newStart},{hunk.Count(o => o.Kind != '-')} @@\n");
            foreach (var (kind, line) in hunk)
            {
                text.Append(kind).Append(line.TrimEnd('\r')).Append('\n');
            }

            i = end;
        }

        return text.ToString();
    }

    // Longest common subsequence of lines; articles are small enough for the quadratic table.
    private static List<(char Kind, string Line)> Diff(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var x = a.Length - 1; x >= 0; x--)
        {
            for (var y = b.Length - 1; y >= 0; y--)
            {
                lcs[x, y] = a[x] == b[y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
            }
        }

        var ops = new List<(char, string)>();
        var (i, j) = (0, 0);
        while (i < a.Length || j < b.Length)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j])
            {
                ops.Add((' ', a[i++]));
                j++;
            }
            else if (j < b.Length && (i == a.Length || lcs[i, j + 1] >= lcs[i + 1, j]))
            {
                ops.Add(('+', b[j++]));
            }
            else
            {
                ops.Add(('-', a[i++]));
            }
        }

        return ops;
    }
}
