using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Hosting;

/// <summary>Turns the fixes rules offer into deletions from an article's text, and applies them.</summary>
internal static class Fixes
{
    /// <summary>The spans to delete for the fixable findings of <paramref name="report"/>, merged and in order.</summary>
    public static List<TextSpan> Edits(ArticleReport report, Rules.RuleSet rules)
    {
        var article = report.Article;
        var spans = new List<TextSpan>();
        foreach (var finding in report.Analysis.Findings.Where(f => !f.IsArticleLevel))
        {
            var fix = rules.Find(finding.RuleId)?.Fix;
            if (fix == "remove-match")
            {
                spans.Add(WithTrailingSpace(article.Source.Text, finding.Span));
            }
            else if (fix == "remove-block" && article.Blocks.FirstOrDefault(b => b.SourceSpan.Contains(finding.Span)) is { } block)
            {
                spans.Add(article.Format == ArticleFormat.Html ? block.SourceSpan : WholeLines(article.Source, block.SourceSpan));
            }
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TextSpan>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = TextSpan.FromBounds(merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    /// <summary>The text with the spans removed; blank lines left behind are folded to at most one.</summary>
    public static string Apply(string text, IReadOnlyList<TextSpan> edits)
    {
        var result = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var edit in edits)
        {
            result.Append(text, position, edit.Start - position);
            position = edit.End;
            FoldBlankLines(result, text, ref position);
        }

        result.Append(text, position, text.Length - position);
        return result.ToString();
    }

    private static void FoldBlankLines(System.Text.StringBuilder result, string text, ref int position)
    {
        // Where a removal leaves a run of empty lines, keep a single empty line.
        var trailingBreaks = 0;
        for (var i = result.Length - 1; i >= 0 && result[i] is '\n' or '\r'; i--)
        {
            trailingBreaks += result[i] == '\n' ? 1 : 0;
        }

        while (position < text.Length && text[position] is '\n' or '\r' && trailingBreaks >= 2)
        {
            position += text[position] == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
        }

        if (position >= text.Length)
        {
            while (result.Length > 0 && result[^1] is '\n' or '\r' or ' ')
            {
                result.Length--;
            }

            result.Append('\n');
        }
    }

    private static TextSpan WholeLines(SourceText source, TextSpan span)
    {
        var first = source.GetLinePosition(span.Start).Line;
        var last = source.GetLinePosition(Math.Max(span.Start, span.End - 1)).Line;
        var start = source.GetLineSpan(first).Start;
        var end = last < source.LineCount ? source.GetLineSpan(last + 1).Start : source.Text.Length;
        return TextSpan.FromBounds(start, end);
    }

    // A removed phrase takes its trailing spaces with it, and its leading ones too when it ended the line.
    private static TextSpan WithTrailingSpace(string text, TextSpan span)
    {
        var (start, end) = (span.Start, span.End);
        while (end < text.Length && text[end] == ' ')
        {
            end++;
        }

        if (end == text.Length || text[end] is '\n' or '\r')
        {
            while (start > 0 && text[start - 1] == ' ')
            {
                start--;
            }
        }

        return TextSpan.FromBounds(start, end);
    }
}
