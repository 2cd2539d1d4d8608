using System.Security.Cryptography;
using Provenance.Analysis;
using Provenance.Reading;
using Provenance.Reporting;

namespace Provenance.Hosting;

/// <summary>What fixing a file did or, in a dry run, would do.</summary>
public enum FixOutcome
{
    /// <summary>The fixed text was written over the file, atomically and in the file's own encoding.</summary>
    Written,

    /// <summary>Nothing was written: a dry run (<see cref="FileFix.Diff"/> shows what would be), or every fix was left in place (<see cref="FileFix.Left"/>).</summary>
    NotWritten,

    /// <summary>The file changed (or went) while it was being checked, so the fixes were found for other text; nothing was written.</summary>
    ChangedWhileChecked,

    /// <summary>The file changed between reading it for the fix and writing it; nothing was written.</summary>
    ChangedBeforeWriting,
}

/// <summary>One file the fixes rules offer apply to: how many places, its text before and after, and what was done.</summary>
/// <param name="Path">The file as the run shows it.</param>
/// <param name="Places">How many places the fixes remove (merged where they touch).</param>
/// <param name="Before">The file's text as checked.</param>
/// <param name="After">The text with the fixes applied.</param>
/// <param name="Outcome">What was done.</param>
public sealed record FileFix(string Path, int Places, string Before, string After, FixOutcome Outcome)
{
    /// <summary>
    /// Fixable findings left in place, each as <c>path(line,col): PRV1234 "text": why</c>: debris
    /// inside a sentence of the article, which a fix would not cut without cutting the sentence.
    /// </summary>
    public IReadOnlyList<string> Left { get; init; } = [];

    /// <summary>The change as a unified diff (<c>--- a/path</c>, <c>+++ b/path</c>) that <c>patch -p1</c> applies.</summary>
    public string Diff() => UnifiedDiff.Create(Path, Before, After);
}

/// <summary>
/// Applies the fixes a checked article's findings offer to its file. Files are written atomically,
/// in their own encoding, and never when they changed after they were read; documents that are not
/// text (Word) are never rewritten, since fix would write their text back as text.
/// </summary>
internal static class FileFixes
{
    /// <summary>The fix of one checked item, or null when there is nothing to fix in it.</summary>
    public static FileFix? Apply(RunItem item, ReportContext context, string baseDirectory, bool write)
    {
        if (item.Report is not { } report || item.Path == ContentFiles.StandardInput || !ArticleReaders.For(report.Article.Format).Fixable)
        {
            return null;
        }

        var left = new List<LeftInPlace>();
        var edits = ArticleFixes.Edits(report, context.Rules, left);
        if (edits.Count == 0 && left.Count == 0)
        {
            return null;
        }

        var notes = left.ConvertAll(l => $"{item.Path}({l.Finding.Location.Start.Line},{l.Finding.Location.Start.Column}): {l.Finding.RuleId} \"{l.Finding.MatchedText}\" left in place: {l.Reason}");

        var checkedText = report.Article.Source.Text;
        var changed = new FileFix(item.Path, edits.Count, checkedText, checkedText, FixOutcome.ChangedWhileChecked) { Left = notes };
        var full = System.IO.Path.GetFullPath(item.Path, baseDirectory);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone or locked since it was checked: the other files are still fixed.
            return changed;
        }

        var (text, encoding) = TextDecoder.DecodeForRewrite(bytes);
        if (text != checkedText)
        {
            return changed;
        }

        var fix = new FileFix(item.Path, edits.Count, text, ArticleFixes.Apply(text, edits), write && edits.Count > 0 ? FixOutcome.Written : FixOutcome.NotWritten) { Left = notes };
        if (fix.Outcome == FixOutcome.NotWritten)
        {
            return fix;
        }

        // Written only if the bytes on disk are still those the fixes were computed from.
        if (!SHA256.HashData(File.ReadAllBytes(full)).AsSpan().SequenceEqual(SHA256.HashData(bytes)))
        {
            return fix with { Outcome = FixOutcome.ChangedBeforeWriting };
        }

        AtomicFile.WriteAllBytes(full, [.. encoding.GetPreamble(), .. encoding.GetBytes(fix.After)]);
        return fix;
    }
}
