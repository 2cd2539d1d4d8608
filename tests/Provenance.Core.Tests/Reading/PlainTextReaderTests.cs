using Provenance.Articles;
using Provenance.Reading;
using Provenance.Tests;

namespace Provenance.Core.Tests.Reading;

public sealed class PlainTextReaderTests
{
    [Fact]
    public void Blog_post_structure_is_recognised()
    {
        var article = Read("gaza-second-phase-blog.txt");
        KindAt(article, 1).ShouldBe(BlockKind.Title);
        KindAt(article, 2).ShouldBe(BlockKind.Standfirst);
        KindAt(article, 4).ShouldBe(BlockKind.Paragraph);
        KindAt(article, 6).ShouldBe(BlockKind.Heading);
        KindAt(article, 8).ShouldBe(BlockKind.Paragraph);
        KindAt(article, 9).ShouldBe(BlockKind.ListItem);
        KindAt(article, 12).ShouldBe(BlockKind.ListItem);
        KindAt(article, 13).ShouldBe(BlockKind.Paragraph);
        KindAt(article, 32).ShouldBe(BlockKind.Heading);
        article.Metadata.Title!.Value.ShouldBe("U.S. Announces Launch of Second Phase of Gaza Peace Plan");
    }

    [Theory]
    [InlineData("gaza-second-phase-blog.txt", 35)]
    [InlineData("hezbollah-original-source-cnn.txt", 11)]
    [InlineData("ceasefire-banxchange.txt", 9)]
    public void Footer_zone_starts_after_the_last_body_paragraph(string sample, int firstFooterLine)
    {
        var article = Read(sample);
        foreach (var block in article.Blocks)
        {
            var line = article.Source.GetLinePosition(block.SourceSpan.Start).Line;
            block.Zone.ShouldBe(line >= firstFooterLine ? Zone.Footer : Zone.Main, $"line {line}: {block.Text}");
        }
    }

    [Theory]
    [InlineData("gaza-blinken-dated.txt")]
    [InlineData("miami-restraint-spun.txt")]
    public void An_article_that_ends_on_a_paragraph_has_no_footer(string sample)
    {
        Read(sample).Blocks.ShouldAllBe(b => b.Zone == Zone.Main);
    }

    [Fact]
    public void Author_bio_name_becomes_the_byline()
    {
        var article = Read("gaza-second-phase-blog.txt");
        article.Metadata.Authors.Select(a => a.Value).ShouldBe(["Asad Ali"]);
        article.Source.GetLinePosition(article.Metadata.Authors[0].Span!.Value.Start).Line.ShouldBe(36);
    }

    [Fact]
    public void A_date_stamp_glued_to_the_first_paragraph_becomes_metadata()
    {
        var article = Read("gaza-blinken-dated.txt");
        article.Blocks[0].Kind.ShouldBe(BlockKind.Metadata);
        article.Blocks[0].Text.ShouldBe("date 2024-03-21");
        article.Blocks[1].Kind.ShouldBe(BlockKind.Paragraph);
        article.Blocks[1].Text.ShouldStartWith("Amid escalating tensions");
        article.Metadata.Published!.Value.ShouldBe("2024-03-21");
        article.Metadata.Title.ShouldBeNull();
    }

    [Theory]
    [InlineData("Published: March 21, 2024", "2024-03-21")]
    [InlineData("Updated 21 March 2024", "2024-03-21")]
    [InlineData("date 2024/03/21", "2024-03-21")]
    public void Date_lines_are_normalised(string line, string expected)
    {
        var article = PlainTextReader.Read($"Title here\n{line}\n\nThe council met on Monday and agreed on a budget for next year.");
        article.Metadata.Published!.Value.ShouldBe(expected);
    }

    [Fact]
    public void Byline_names_and_affiliation_are_separated()
    {
        var article = PlainTextReader.Read("Council passes budget\nBy Jane Doe, John Roe and Ann Poe, Reuters\n\nThe council met on Monday.");
        article.Metadata.Authors.Select(a => a.Value).ShouldBe(["Jane Doe", "John Roe", "Ann Poe"]);
        var byline = article.Blocks.Single(b => b.Kind == BlockKind.Byline);
        byline.Text.ShouldBe("By Jane Doe, John Roe and Ann Poe, Reuters");
    }

    [Fact]
    public void Wire_dateline_is_metadata()
    {
        var article = PlainTextReader.Read("Talks resume\n\nWASHINGTON (Reuters) - Negotiators met again on Tuesday.");
        article.Metadata.Dateline!.Value.ShouldBe("WASHINGTON");
    }

    [Fact]
    public void Hard_wrapped_paragraphs_are_joined_and_keep_their_lines()
    {
        const string text = "A headline\n\nThe council met on Monday to discuss the budget for the coming\nyear and agreed, after a long debate, to publish its report next\nweek with all the figures.\n\nSecond paragraph.";
        var article = PlainTextReader.Read(text);
        var paragraph = article.Blocks.Single(b => b.Text.StartsWith("The council", StringComparison.Ordinal));
        paragraph.Kind.ShouldBe(BlockKind.Paragraph);
        paragraph.Text.ShouldEndWith("all the figures.");
        article.Source.GetLinePosition(paragraph.SourceSpan.End).Line.ShouldBe(5);
    }

    [Fact]
    public void Crlf_files_map_to_the_same_lines()
    {
        var lf = Read("hezbollah-original-source-cnn.txt");
        var crlf = PlainTextReader.Read(lf.Source.Text.Replace("\n", "\r\n", StringComparison.Ordinal));
        crlf.Blocks.Select(b => (b.Kind, b.Zone, b.Text)).ShouldBe(lf.Blocks.Select(b => (b.Kind, b.Zone, b.Text)));
        crlf.Blocks.Select(b => crlf.Source.GetLinePosition(b.SourceSpan.Start)).ShouldBe(lf.Blocks.Select(b => lf.Source.GetLinePosition(b.SourceSpan.Start)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t ")]
    [InlineData("One line only")]
    [InlineData("\uFEFFTitle\n\nBody text.")]
    public void Degenerate_input_reads_without_error(string text)
    {
        var article = PlainTextReader.Read(text);
        article.Blocks.ShouldAllBe(b => b.SourceSpan.End <= text.Length);
        article.Blocks.ShouldAllBe(b => text.Substring(b.SourceSpan.Start, b.SourceSpan.Length) == b.Text);
    }

    [Fact]
    public void Every_block_text_is_the_original_text_at_its_span()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Samples, "*.txt"))
        {
            var article = PlainTextReader.Read(File.ReadAllText(file));
            foreach (var block in article.Blocks)
            {
                article.Source[block.SourceSpan].ShouldBe(block.Text);
            }
        }
    }

    [Theory]
    [InlineData("", 0, true)]
    [InlineData("   ", 0, true)]
    [InlineData("one", 0, false)]
    [InlineData("By Jane Doe", 3, true)]
    [InlineData("  By  Jane\tDoe  ", 3, true)]
    [InlineData("By Jane Doe", 2, false)]
    [InlineData("By Jane Doe, Reuters", 3, false)]
    [InlineData("a\nb\u00a0c", 3, true)]
    [InlineData("a\nb\u00a0c", 2, false)]
    public void Short_lines_are_told_by_their_word_count(string text, int max, bool expected) =>
        TextUnit.HasAtMostWords(text, max).ShouldBe(expected);

    // A credit line is as short and bare as a heading; with a long bio after it the footer zone
    // does not reach it, and a heading it must not be, or the credit rules never read it.
    [Theory]
    [InlineData("Originally published at blog.example.org", BlockKind.Paragraph)]
    [InlineData("Reposted With Permission From Example Outpost", BlockKind.Paragraph)]
    [InlineData("Featured image via Getty Images", BlockKind.Paragraph)]
    [InlineData("Read the rest of the story at www.example.com", BlockKind.Paragraph)]
    [InlineData("Update: the vote is delayed", BlockKind.Paragraph)]
    [InlineData("The Vote and What Comes Next", BlockKind.Heading)]
    [InlineData("AI-generated images flood the feeds", BlockKind.Heading)]
    public void A_credit_or_note_among_the_last_lines_is_not_a_heading(string line, BlockKind expected)
    {
        var article = PlainTextReader.Read(CreditBeforeBio(line));
        KindAt(article, 5).ShouldBe(expected);
    }

    [Fact]
    public void An_origin_credit_before_a_bio_is_read_by_the_original_source_rule()
    {
        var report = ProvenanceChecker.CreateDefault().Check(PlainTextReader.Read(CreditBeforeBio("Originally published at blog.example.org")), TestContext.Current.CancellationToken);
        report.Analysis.Findings.ShouldContain(f => f.RuleId == "PRV1001" && f.MatchedText == "Originally published at blog.example.org");
    }

    private static string CreditBeforeBio(string line) =>
        "Council passes budget\n\nThe council met on Monday to discuss the budget and agreed to publish its report next week.\n\n"
        + line + "\n\nJane Doe has written about city politics for twenty years and lives in the city with her family and two dogs.\n";

    private static Article Read(string sample) => PlainTextReader.Read(File.ReadAllText(RepoPaths.Sample(sample)), sample);

    private static BlockKind KindAt(Article article, int line) =>
        article.Blocks.First(b => article.Source.GetLinePosition(b.SourceSpan.Start).Line == line).Kind;
}
