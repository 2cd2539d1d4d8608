using Provenance.Articles;
using Provenance.Reading;

namespace Provenance.Core.Tests.Reading;

public sealed class MarkdownReaderTests
{
    private const string Post = """
        ---
        title: "Council passes budget"
        author:
          - Jane Doe
          - name: John Roe
        date: 2024-03-21T09:30:00Z
        canonical_url: https://example.com/news/budget
        original_url: https://wire.example.org/budget
        tags: [budget, council]
        ---

        # Council passes budget

        The council met on *Monday* and [agreed](https://example.com/vote "vote") to a budget of 2 million.

        > "We are done," said Maria Lopez.

        - First item
        - Second item

        ## Reaction

        Critics were unimpressed.

        Source: Reuters
        """;

    [Fact]
    public void Front_matter_becomes_metadata_with_locations()
    {
        var article = MarkdownReader.Read(Post);
        var m = article.Metadata;
        m.Title!.Value.ShouldBe("Council passes budget");
        m.Authors.Select(a => a.Value).ShouldBe(["Jane Doe", "John Roe"]);
        m.Published!.Value.ShouldBe("2024-03-21");
        m.CanonicalUrl!.Value.ShouldBe("https://example.com/news/budget");
        m.OriginalUrl!.Value.ShouldBe("https://wire.example.org/budget");
        m.Tags.Select(t => t.Value).ShouldBe(["budget", "council"]);
        article.Source[m.Authors[1].Span!.Value].ShouldBe("John Roe");
        article.Source[m.Title.Span!.Value].ShouldBe("Council passes budget");
    }

    [Fact]
    public void Blocks_have_kinds_zones_and_map_to_the_markdown()
    {
        var article = MarkdownReader.Read(Post);
        article.Blocks.Select(b => (b.Kind, b.Zone)).ShouldBe(
        [
            (BlockKind.Title, Zone.Main), (BlockKind.Paragraph, Zone.Main), (BlockKind.Quote, Zone.Main),
            (BlockKind.ListItem, Zone.Main), (BlockKind.ListItem, Zone.Main), (BlockKind.Heading, Zone.Main),
            (BlockKind.Paragraph, Zone.Main), (BlockKind.Footer, Zone.Footer),
        ]);
        var paragraph = article.Blocks[1];
        paragraph.Text.ShouldBe("The council met on Monday and agreed to a budget of 2 million.");

        // Markup removed from the text still maps to the right characters of the file.
        var monday = paragraph.Text.IndexOf("Monday", StringComparison.Ordinal);
        article.Source[paragraph.Map.ToSource(new Provenance.Text.TextSpan(monday, 6))].ShouldBe("Monday");
        var agreed = paragraph.Text.IndexOf("agreed to", StringComparison.Ordinal);
        article.Source[paragraph.Map.ToSource(new Provenance.Text.TextSpan(agreed, 9))].ShouldBe("agreed](https://example.com/vote \"vote\") to");
    }

    [Fact]
    public void Links_are_kept_with_their_domain()
    {
        var link = MarkdownReader.Read(Post).Links.ShouldHaveSingleItem();
        link.Text.ShouldBe("agreed");
        link.Domain.ShouldBe("example.com");
        link.Url.ShouldBe("https://example.com/vote");
    }

    [Fact]
    public void Malformed_front_matter_is_an_issue_not_a_failure()
    {
        var article = MarkdownReader.Read("---\ntitle: [unclosed\nauthor: x\n---\n\n# Headline\n\nBody text.\n");
        article.Issues.ShouldHaveSingleItem().Message.ShouldContain("front matter is not valid YAML");
        article.Blocks.ShouldContain(b => b.Text == "Body text.");
        article.Metadata.Title!.Value.ShouldBe("Headline");
    }

    [Fact]
    public void A_read_issue_becomes_a_located_engine_diagnostic()
    {
        var article = MarkdownReader.Read("---\ntitle: [unclosed\n---\n\nBody text.\n");
        var finding = DefaultRules.LoadRuleSet().Analyze(article, TestContext.Current.CancellationToken).Findings.Single(f => f.RuleId == "PRV0005");
        finding.Severity.ShouldBe(Provenance.Rules.Severity.Warning);
        finding.Location.Start.Line.ShouldBeInRange(2, 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("---\n---\n")]
    [InlineData("# Only a heading")]
    [InlineData("```\ncode only\n```")]
    public void Degenerate_markdown_reads_without_error(string markdown)
    {
        var article = MarkdownReader.Read(markdown);
        article.Blocks.ShouldAllBe(b => b.SourceSpan.End <= markdown.Length);
    }

    [Fact]
    public void Relative_links_resolve_against_the_address_given_and_absolute_ones_stay()
    {
        var markdown = "A [report](/world/story) and [Reuters](https://www.reuters.com/x).\n";
        var article = Article.FromMarkdown(markdown, "a.md", new Uri("https://news.example.org/politics/"));
        article.Links.Select(l => (l.Url, l.Domain)).ShouldBe([("https://news.example.org/world/story", "news.example.org"), ("https://www.reuters.com/x", "reuters.com")]);

        var without = Article.FromMarkdown(markdown, "a.md");
        without.Links[0].Url.ShouldBeNull();
    }
    [Fact]
    public void A_body_byline_dateline_and_lead_date_are_read_when_there_is_no_front_matter()
    {
        var article = MarkdownReader.Read("# Talks resume\n\nBy Jane Doe and John Roe, Reuters\n\nWASHINGTON, Sept. 20 (Reuters) - Negotiators met again on Tuesday.\n\nBy holding talks, they hope to agree.");
        var m = article.Metadata;
        m.Authors.Select(a => a.Value).ShouldBe(["Jane Doe", "John Roe"]);
        article.Source[m.Authors[1].Span!.Value].ShouldBe("John Roe");
        m.Dateline!.Value.ShouldBe("WASHINGTON");
        article.Blocks.Count(b => b.Kind == BlockKind.Byline).ShouldBe(1);
    }

    [Fact]
    public void Front_matter_authors_are_not_joined_by_the_body_byline()
    {
        var article = MarkdownReader.Read("---\nauthor: Ann Poe\n---\n# Talks resume\n\nBy Jane Doe\n\nNegotiators met again on Tuesday.");
        article.Metadata.Authors.Select(a => a.Value).ShouldBe(["Ann Poe"]);
    }
}
