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
    [Fact]
    public void A_sentence_that_opens_with_by_is_no_byline()
    {
        var article = PlainTextReader.Read("Debate prep\n\nThe candidates met on Monday and argued for hours about the budget.\n\nBy holding a mock-debate.\n\nThe team prepared for the real one.");
        article.Metadata.Authors.ShouldBeEmpty();
        article.Blocks.ShouldNotContain(b => b.Kind == BlockKind.Byline);
    }

    [Fact]
    public void Two_authors_separated_by_a_comma_are_two()
    {
        var article = PlainTextReader.Read("Council passes budget\nBy Jane Doe, John Roe\n\nThe council met on Monday.");
        article.Metadata.Authors.Select(a => a.Value).ShouldBe(["Jane Doe", "John Roe"]);
    }

    [Fact]
    public void A_live_blog_is_dated_by_its_first_stamp_and_credits_each_author_once()
    {
        const string text = "11/19/16, 3:14 PM CET\n\nBY Chris Spillane\n\nThe Labour leader said so on Saturday.\n\n11/19/16, 1:55 PM CET\n\nBY Sarah Wheaton\n\nAlumni of the White House are ready to fight.\n\n11/19/16, 11:37 AM CET\n\nBY Chris Spillane\n\nThe minister said the risk was real.";
        var article = PlainTextReader.Read(text);
        article.Metadata.Published!.Value.ShouldBe("2016-11-19");
        article.Source[article.Metadata.Published.Span!.Value].ShouldBe("11/19/16");
        article.Metadata.Authors.Select(a => a.Value).ShouldBe(["Chris Spillane", "Sarah Wheaton"]);
        article.Metadata.Title.ShouldBeNull();
    }

    [Fact]
    public void Bylines_of_a_feed_beside_a_story_are_the_teasers_not_the_articles()
    {
        // The shape of POLITICO Europe pages in BuzzFeed-Webis 2016: the latest stories, each "BY" its
        // author over a one-line teaser, then the article under its own byline.
        const string story = "Hillary Clinton and Barack Obama appeared together at the convention, where the president made the case for his former secretary of state.";
        const string more = "The two have campaigned together in several swing states since then, and aides say more joint appearances are planned for October.";
        var text = "11/19/16, 3:14 PM CET\n\nBY Chris Spillane\n\nThe Labour leader said so on Saturday.\n\n11/19/16, 1:55 PM CET\n\nBY Sarah Wheaton\n\nAlumni of the White House are ready to fight.\n\n"
            + "11/19/16, 11:37 AM CET\n\nBY Michael Kruse\n\nThe minister said the risk was real.\n\nSpecial Report: US election\n\nBy Joseph J. Schatz and Benjamin Oreskes\n\n9/22/16, 5:33 AM CET\n\n" + story + "\n\n" + more;
        var article = PlainTextReader.Read(text);
        article.Metadata.Authors.Select(a => a.Value).ShouldNotContain("Sarah Wheaton");
        article.Metadata.Authors.Select(a => a.Value).ShouldNotContain("Michael Kruse");
        article.Metadata.Authors.Select(a => a.Value).ShouldContain("Joseph J. Schatz");
        article.Metadata.Authors.Select(a => a.Value).ShouldContain("Benjamin Oreskes");
    }

    [Fact]
    public void A_date_line_below_the_first_paragraph_stamps_a_comment_not_the_story()
    {
        var article = PlainTextReader.Read("The council met on Monday and agreed on a budget for next year.\n\nGernot Trolf\n\nMar 28, 2016 at 1:12 pm\n\nI agree with you both.");
        article.Metadata.Published.ShouldBeNull();
    }

    [Fact]
    public void A_posted_by_line_below_the_first_paragraph_captions_an_embed()
    {
        var article = PlainTextReader.Read("A protester was shot during Wednesday night's protests, organisers said.\n\nI was there when it happened.\n\nPosted by Todd Zimmer on Wednesday, September 21, 2016\n\nThe police did not comment.");
        article.Metadata.Authors.ShouldBeEmpty();
        article.Metadata.Published.ShouldBeNull();

        var byline = PlainTextReader.Read("Protest in Charlotte\n\nPosted by Todd Zimmer on Wednesday, September 21, 2016\n\nA protester was shot during Wednesday night's protests, organisers said.");
        byline.Metadata.Authors.Select(a => a.Value).ShouldBe(["Todd Zimmer"]);
        byline.Metadata.Published!.Value.ShouldBe("2016-09-21");
    }

    [Theory]
    [InlineData("NEW YORK, Sept. 20 (AP) — Police released a photo of a man wanted for questioning.", "NEW YORK")]
    [InlineData("GAZA CITY, Gaza (AP) — Aid trucks crossed on Sunday.", "GAZA CITY, Gaza")]
    [InlineData("HEMPSTEAD, N.Y.—Hillary Clinton plays chess. Donald Trump plays craps.", "HEMPSTEAD, N.Y.")]
    [InlineData("LONDON — Ministers met again on Tuesday.", "LONDON")]
    public void Wire_datelines_in_their_written_forms_are_metadata(string lead, string place)
    {
        PlainTextReader.Read($"Talks resume\n\n{lead}").Metadata.Dateline!.Value.ShouldBe(place);
    }

    [Theory]
    [InlineData("BREAKING — Ministers met again on Tuesday.")]
    [InlineData("UPDATE — The vote has been delayed until Friday.")]
    [InlineData("Ministers met again on Tuesday in LONDON — and agreed.")]
    public void A_capitalised_label_is_no_dateline(string lead)
    {
        PlainTextReader.Read($"Talks resume\n\n{lead}").Metadata.Dateline.ShouldBeNull();
    }

    [Fact]
    public void A_date_opening_the_first_paragraph_dates_the_story()
    {
        var article = PlainTextReader.Read("Peanuts and allergies\n\nFeb. 23, 2015 -- Life-threatening peanut allergies have been on the rise.");
        article.Metadata.Published!.Value.ShouldBe("2015-02-23");
    }
}
