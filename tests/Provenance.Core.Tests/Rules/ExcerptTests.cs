namespace Provenance.Core.Tests.Rules;

/// <summary>
/// Excerpts and quoted words cut short in findings: a cut never falls between the two UTF-16
/// units of one character (an emoji), which would leave half of it, shown as a replacement mark and
/// written differently by each output (JSON escapes it; text held in UTF-8 has the mark itself).
/// </summary>
public sealed class ExcerptTests
{
    private static readonly ProvenanceChecker Checker = ProvenanceChecker.CreateDefault();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    public void A_long_line_of_emoji_is_cut_around_its_characters_not_through_them(int before, int after)
    {
        // As on social posts quoted in real articles: a line of emoji around a quote, long enough
        // to be cut on both sides of the finding. The padding between the emoji and the quote on
        // each side moves that side's cut by one unit against the emoji.
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 100));
        var line = emoji + new string('y', before) + " \"We will not stand for this,\" said Jane Roe, a spokeswoman for the agency, on Tuesday. " + new string('z', after) + emoji;
        var report = Checker.CheckText($"Title of the story\n\nBy Jane Doe\n\n{line}\n\nAnother paragraph about the story.\n", cancellationToken: TestContext.Current.CancellationToken);

        report.Analysis.Findings.ShouldContain(f => f.Excerpt.StartsWith('…') && f.Excerpt.EndsWith('…'));
        report.Analysis.Findings.ShouldAllBe(f => IsWhole(f.Excerpt) && IsWhole(f.Message));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Quoted_words_cut_for_a_message_keep_their_last_emoji_whole(int shift)
    {
        // Quoted words with no space near the cut are cut at its length; with one shift or the
        // other, that length falls inside a character.
        var quoted = "We will not stand for this at all " + new string('x', shift) + string.Concat(Enumerable.Repeat("\U0001F600", 60));
        var report = Checker.CheckText($"Title of the story\n\nBy Jane Doe\n\n\u201c{quoted},\u201d said Jane Roe, a spokeswoman for the agency.\n\nAnother paragraph about the story.\n", cancellationToken: TestContext.Current.CancellationToken);

        report.Analysis.Findings.ShouldContain(f => f.Message.Contains("We will not stand", StringComparison.Ordinal) && f.Message.Contains('…', StringComparison.Ordinal));
        report.Analysis.Findings.ShouldAllBe(f => IsWhole(f.Excerpt) && IsWhole(f.Message) && f.Arguments.All(IsWhole));
    }

    // No unit of a pair without its other half.
    private static bool IsWhole(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Provenance.Text.Utf16Text.IsLoneSurrogate(text, i))
            {
                return false;
            }
        }

        return true;
    }
}
