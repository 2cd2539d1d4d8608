using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Hosting;

/// <summary>A fixable finding <see cref="Fixes"/> left in place, and why.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Reason">Why it was not removed.</param>
internal sealed record LeftInPlace(Analysis.Finding Finding, string Reason);

/// <summary>Turns the fixes rules offer into deletions from an article's text, and applies them.</summary>
internal static partial class Fixes
{
    /// <summary>
    /// The spans to delete for the fixable findings of <paramref name="report"/>, merged and in
    /// order. A block of debris goes whole; debris that shares its paragraph with prose goes alone
    /// when a sentence boundary separates the two, and is otherwise left, in <paramref name="left"/>:
    /// a fix never takes an editor's sentence with it.
    /// </summary>
    public static List<TextSpan> Edits(ArticleReport report, Rules.RuleSet rules, List<LeftInPlace>? left = null)
    {
        var article = report.Article;
        var text = article.Source.Text;
        var spans = new List<TextSpan>();
        foreach (var finding in report.Analysis.Findings.Where(f => !f.IsArticleLevel))
        {
            var fix = rules.Find(finding.RuleId)?.Fix;
            if (fix == "remove-match")
            {
                spans.Add(WithTrailingSpace(text, finding.Span));
            }
            else if (fix == "remove-block" && article.Blocks.FirstOrDefault(b => b.SourceSpan.Contains(finding.Span)) is { } block)
            {
                var whole = article.Format == ArticleFormat.Html ? block.SourceSpan : WholeLines(article.Source, block.SourceSpan);
                var before = Prose(text[whole.Start..finding.Span.Start]);
                var after = Prose(text[finding.Span.End..whole.End]);
                if (Quoted(text, finding.Span))
                {
                    // A "Share on Facebook" in quotation marks is the article talking about the button.
                    left?.Add(new LeftInPlace(finding, "it is quoted in the article's text"));
                }
                else if (before.Length == 0 && after.Length == 0)
                {
                    spans.Add(whole);
                }
                else if (after.Length == 0 && EndsSentence(before))
                {
                    // "…the plan was dead. Leave a Reply": the sentence stays, the debris and the space before it go.
                    spans.Add(WithLeadingSpace(text, finding.Span));
                }
                else if ((before.Length == 0 || EndsSentence(before)) && after.Length > 0 && StartsSentence(after))
                {
                    // "Leave a Reply The council met…", or debris between two sentences: the sentences stay.
                    spans.Add(WithTrailingSpace(text, finding.Span));
                }
                else if (!SentenceEnd().IsMatch(before) && !SentenceEnd().IsMatch(after)
                    && (before.Length == 0 || !EndsSentence(before)) && (after.Length == 0 || !StartsSentence(after)))
                {
                    // One sentence with the debris in it is a line of debris ("Get your daily dose of
                    // Eagle Rising by entering your email address below."): it goes whole.
                    spans.Add(whole);
                }
                else
                {
                    left?.Add(new LeftInPlace(finding, "it shares a paragraph with the article's sentences and is not a sentence of its own; remove it by hand"));
                }
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

    // What is left of a stretch of the block once markup, white space and the punctuation debris
    // sits between (separators, bullets) are taken away.
    // Entities are decoded first: a sentence ending ".&rdquo;" ends with a quotation mark, not ";".
    private static string Prose(string stretch) =>
        System.Net.WebUtility.HtmlDecode(Markup().Replace(stretch, " ")).Trim().Trim('|', '·', '•', '-', '–', '—', ':', '»', '«').Trim();

    private static bool EndsSentence(string prose) => prose[^1] is '.' or '!' or '?' or '"' or '”' or '’' or ')';

    private static bool StartsSentence(string prose) => char.IsUpper(prose[0]) || prose[0] is '"' or '“' or '‘';

    // The phrase takes the spaces before it when it ends its line.
    private static TextSpan WithLeadingSpace(string text, TextSpan span)
    {
        var start = span.Start;
        while (start > 0 && text[start - 1] is ' ' or '\t')
        {
            start--;
        }

        return TextSpan.FromBounds(start, span.End);
    }

    private static bool Quoted(string text, TextSpan span) =>
        span.Start > 0 && span.End < text.Length && text[span.Start - 1] is '"' or '“' or '\'' or '‘' && text[span.End] is '"' or '”' or '\'' or '’';

    // A sentence ends inside the stretch: its punctuation, closing quotes, then white space and more.
    [System.Text.RegularExpressions.GeneratedRegex("""[.!?]["”’)]*\s+\S""")]
    private static partial System.Text.RegularExpressions.Regex SentenceEnd();

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex Markup();

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
