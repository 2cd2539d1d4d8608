using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Analysis;

/// <summary>A fixable finding <see cref="ArticleFixes"/> left in place, and why.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Reason">Why it was not removed.</param>
public sealed record LeftInPlace(Finding Finding, string Reason);

/// <summary>
/// Turns the fixes rules offer (<c>remove-block</c>, <c>remove-match</c>) into deletions from an
/// article's text, and applies them: what <c>provenance fix</c> writes and the build's code fixes offer.
/// </summary>
public static partial class ArticleFixes
{
    /// <summary>
    /// The spans to delete for the fixable findings of <paramref name="report"/>, merged and in
    /// order. A block of debris goes whole; debris that shares its paragraph with prose goes alone
    /// when a sentence boundary separates the two, and is otherwise left, in <paramref name="left"/>:
    /// a fix never takes an editor's sentence with it.
    /// </summary>
    /// <param name="report">A checked article.</param>
    /// <param name="rules">The rules that checked it, which say what each finding's fix is.</param>
    /// <param name="left">Receives the fixable findings that are left, with the reason; may be null.</param>
    /// <returns>The deletions, merged where they touch, in text order.</returns>
    public static IReadOnlyList<TextSpan> Edits(ArticleReport report, Rules.RuleSet rules, ICollection<LeftInPlace>? left = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(rules);
        var spans = new List<TextSpan>();
        foreach (var finding in report.Analysis.Findings)
        {
            if (EditFor(report.Article, finding, rules, left) is { } span)
            {
                spans.Add(span);
            }
        }

        return Merge(spans);
    }

    /// <summary>Deletions (each finding's, from <see cref="EditFor"/>) in text order, merged where they touch or overlap.</summary>
    /// <param name="spans">The deletions, in any order.</param>
    /// <returns>What <see cref="Apply"/> takes.</returns>
    public static IReadOnlyList<TextSpan> Merge(IEnumerable<TextSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var sorted = spans.ToList();
        sorted.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TextSpan>();
        foreach (var span in sorted)
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

    /// <summary>
    /// The span one finding's fix deletes, or null when its rule offers no fix, the finding is about
    /// the whole article, or the fix would take prose with it (then it is added to <paramref name="left"/>).
    /// </summary>
    /// <param name="article">The article the finding is in.</param>
    /// <param name="finding">One of its findings.</param>
    /// <param name="rules">The rules that checked it.</param>
    /// <param name="left">Receives the finding when its fix is not made, with the reason; may be null.</param>
    /// <returns>The span to delete, or null.</returns>
    public static TextSpan? EditFor(Article article, Finding finding, Rules.RuleSet rules, ICollection<LeftInPlace>? left = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(rules);
        if (finding.IsArticleLevel)
        {
            return null;
        }

        var text = article.Source.Text;
        var fix = rules.Find(finding.RuleId)?.Fix;
        if (fix == "remove-match")
        {
            return WithTrailingSpace(text, finding.Span);
        }

        if (fix != "remove-block" || article.Blocks.FirstOrDefault(b => b.SourceSpan.Contains(finding.Span)) is not { } block)
        {
            return null;
        }

        var whole = article.Format == ArticleFormat.Html ? block.SourceSpan : WholeLines(article.Source, block.SourceSpan);
        var before = Prose(text[whole.Start..finding.Span.Start]);
        var after = Prose(text[finding.Span.End..whole.End]);
        if (Quoted(text, finding.Span))
        {
            // A "Share on Facebook" in quotation marks is the article talking about the button.
            left?.Add(new LeftInPlace(finding, "it is quoted in the article's text"));
            return null;
        }

        if (before.Length == 0 && after.Length == 0)
        {
            return whole;
        }

        if (after.Length == 0 && EndsSentence(before))
        {
            // "…the plan was dead. Leave a Reply": the sentence stays, the debris and the space before it go.
            return WithLeadingSpace(text, finding.Span);
        }

        if ((before.Length == 0 || EndsSentence(before)) && after.Length > 0 && StartsSentence(after))
        {
            // "Leave a Reply The council met…", or debris between two sentences: the sentences stay.
            return WithTrailingSpace(text, finding.Span);
        }

        if (!SentenceEnd().IsMatch(before) && !SentenceEnd().IsMatch(after)
            && (before.Length == 0 || !EndsSentence(before)) && (after.Length == 0 || !StartsSentence(after)))
        {
            // One sentence with the debris in it is a line of debris ("Get your daily dose of
            // Eagle Rising by entering your email address below."): it goes whole.
            return whole;
        }

        left?.Add(new LeftInPlace(finding, "it shares a paragraph with the article's sentences and is not a sentence of its own; remove it by hand"));
        return null;
    }

    /// <summary>The text with the spans removed; blank lines left behind are folded to at most one.</summary>
    /// <param name="text">The article's text, as checked.</param>
    /// <param name="edits">Deletions in text order that do not overlap, as <see cref="Edits"/> gives them.</param>
    /// <returns>The fixed text.</returns>
    public static string Apply(string text, IReadOnlyList<TextSpan> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
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
