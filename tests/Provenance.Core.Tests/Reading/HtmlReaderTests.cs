using Provenance.Articles;
using Provenance.Reading.Html;

namespace Provenance.Core.Tests.Reading;

public sealed class HtmlReaderTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html><head>
        <title>Budget passes - Example Gazette</title>
        <meta property="og:site_name" content="Example Gazette">
        <meta name="author" content="Jane Doe">
        <meta property="article:published_time" content="2024-03-21T09:30:00+01:00">
        <meta name="description" content="The council passed its budget.">
        <link rel="canonical" href="https://gazette.example.com/budget">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Budget passes","isBasedOn":"https://wire.example.org/story","citation":[{"@type":"CreativeWork","url":"https://data.example.org/report"}],"image":{"@type":"ImageObject","digitalSourceType":"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"}}</script>
        </head><body>
        <nav class="menu"><a href="/">Home</a> <a href="/news">News</a></nav>
        <article class="story">
        <h1>Budget passes</h1>
        <p class="byline">By Jane Doe</p>
        <p>The council met on Monday &amp; agreed, after a long debate, to a budget of &pound;2&nbsp;million for the coming year.</p>
        <p>According to <a href="https://www.reuters.com/x" rel="nofollow">Reuters</a>, the vote was close and the mayor was pleased with the result.</p>
        <p>Buy our <a href="https://shop.example.com" rel="sponsored noopener">partner's widgets</a> today, with a discount for readers of this story.</p>
        </article>
        <div class="share-tools">Share this article on every network</div>
        <div id="comments" class="comments-area"><h3>Leave a Reply</h3></div>
        <footer class="site-footer">&copy; 2024 Example Gazette</footer>
        </body></html>
        """;

    [Fact]
    public void Metadata_comes_from_meta_tags_and_json_ld()
    {
        var m = HtmlReader.Read(Page).Metadata;
        m.Title!.Value.ShouldBe("Budget passes");
        m.Authors.Select(a => a.Value).ShouldBe(["Jane Doe"]);
        m.Published!.Value.ShouldBe("2024-03-21");
        m.SiteName!.Value.ShouldBe("Example Gazette");
        m.CanonicalUrl!.Value.ShouldBe("https://gazette.example.com/budget");
        m.Description!.Value.ShouldBe("The council passed its budget.");
        m.IsBasedOn.ShouldHaveSingleItem().Value.ShouldBe("https://wire.example.org/story");
        m.Citations.ShouldHaveSingleItem().Value.ShouldBe("https://data.example.org/report");
        m.DigitalSourceType!.Value.ShouldEndWith("trainedAlgorithmicMedia");
    }

    [Theory]
    [InlineData("<base href=\"https://base.example.com/news/\">", "<time datetime=\"2024-05-06\">6 May</time>")]
    [InlineData("<BASE HREF=\"https://base.example.com/news/\">", "<TIME DATETIME=\"2024-05-06\">6 May</TIME>")]
    public void Links_resolve_against_a_base_element_and_a_time_element_dates_the_page_whatever_the_case_of_their_tags(string baseTag, string timeTag)
    {
        var html = $"<html><head>{baseTag}<title>Budget</title></head><body><article><h1>Budget</h1><p>Published {timeTag}. The council met and, according to <a href=\"story\">the report</a>, agreed a budget for the coming year after a long debate.</p></article></body></html>";

        var article = HtmlReader.Read(html);

        article.Links.ShouldHaveSingleItem().Url.ShouldBe("https://base.example.com/news/story");
        article.Metadata.Published!.Value.ShouldBe("2024-05-06");
    }

    [Fact]
    public void Body_is_kept_furniture_dropped_and_comment_zone_kept_as_footer()
    {
        var article = HtmlReader.Read(Page);
        article.Blocks.Select(b => (b.Kind, b.Zone, b.Text[..Math.Min(20, b.Text.Length)])).ShouldBe(
        [
            (BlockKind.Title, Zone.Main, "Budget passes"),
            (BlockKind.Byline, Zone.Main, "By Jane Doe"),
            (BlockKind.Paragraph, Zone.Main, "The council met on M"),
            (BlockKind.Paragraph, Zone.Main, "According to Reuters"),
            (BlockKind.Paragraph, Zone.Main, "Buy our partner's wi"),
            (BlockKind.Footer, Zone.Footer, "Leave a Reply"),
        ]);
    }

    [Fact]
    public void Entities_decode_and_still_map_to_the_source()
    {
        var article = HtmlReader.Read(Page);
        var paragraph = article.Blocks.Single(b => b.Text.StartsWith("The council", StringComparison.Ordinal));
        paragraph.Text.ShouldContain("Monday & agreed");
        paragraph.Text.ShouldContain("£2 million", customMessage: "a no-break space reads as a space");
        var at = paragraph.Text.IndexOf("agreed, after", StringComparison.Ordinal);
        article.Source[paragraph.Map.ToSource(new Provenance.Text.TextSpan(at, 13))].ShouldBe("agreed, after");
        var pound = paragraph.Text.IndexOf('£');
        article.Source.Text[paragraph.Map.ToSource(new Provenance.Text.TextSpan(pound, 1)).Start..].ShouldStartWith("&pound;");
    }

    [Fact]
    public void Links_keep_rel_and_domain()
    {
        var links = HtmlReader.Read(Page, "page.html", new Uri("https://gazette.example.com/budget")).Links;
        links.Select(l => (l.Text, l.Domain, string.Join(' ', l.Rel))).ShouldBe(
        [
            ("Reuters", "reuters.com", "nofollow"),
            ("partner's widgets", "shop.example.com", "sponsored noopener"),
        ]);
        var article = HtmlReader.Read(Page);
        article.Source[links[0].Span].ShouldBe("Reuters");
    }

    [Theory]
    [InlineData("")]
    [InlineData("<p>unclosed <b>bold <i>italic</p> &bogus; &#99999999; <div")]
    [InlineData("<table><tr><td>cell</td>text in table</tr></table>")]
    [InlineData("<html><body><script>if (a < b) { document.write('<p>x</p>'); }</script><p>After the script, a paragraph.</p></body></html>")]
    public void Broken_markup_reads_and_maps_inside_the_file(string html)
    {
        var article = HtmlReader.Read(html);
        foreach (var block in article.Blocks)
        {
            block.SourceSpan.End.ShouldBeLessThanOrEqualTo(html.Length);
        }
    }

    [Fact]
    public void Text_after_a_script_is_found_where_it_is()
    {
        const string html = "<html><body><script>var s = '<p>decoy</p>';</script><p>After the script, a paragraph of real text for the reader.</p></body></html>";
        var article = HtmlReader.Read(html);
        var block = article.Blocks.Single(b => b.Text.StartsWith("After", StringComparison.Ordinal));
        block.SourceSpan.Start.ShouldBe(html.IndexOf("After the script", StringComparison.Ordinal));
    }

    [Fact]
    public void Deeply_nested_markup_does_not_overflow_the_stack()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 20000)) + "<p>Deep text that still has to be read by someone.</p>" + string.Concat(Enumerable.Repeat("</div>", 20000));
        var article = HtmlReader.Read(html);
        article.Blocks.ShouldContain(b => b.Text.StartsWith("Deep text", StringComparison.Ordinal));
    }
    [Fact]
    public void Html_nested_a_hundred_thousand_deep_is_read_with_a_located_issue()
    {
        const int Depth = 100_000;
        var html = string.Concat(Enumerable.Repeat("<div>", Depth)) + "<p>Deep text that the council published on Monday for readers.</p>" + string.Concat(Enumerable.Repeat("</div>", Depth));
        var article = HtmlReader.Read(html);
        var block = article.Blocks.ShouldHaveSingleItem();
        block.Text.ShouldBe("Deep text that the council published on Monday for readers.");
        block.SourceSpan.Start.ShouldBe(html.IndexOf("Deep", StringComparison.Ordinal));
        var issue = article.Issues.ShouldHaveSingleItem();
        issue.Message.ShouldContain("more than 512 deep");
        issue.Span.Start.ShouldBe(NestingLimit.MaxDepth * "<div>".Length, "the first tag past the cap");
    }

    [Fact]
    public void The_nesting_cap_leaves_ordinary_pages_alone()
    {
        // Thousands of tags, none deep: unclosed paragraphs and list items, void elements, markup
        // inside a script and a comment, none of which nests.
        var html = "<html><body><ul>" + string.Concat(Enumerable.Repeat("<li>item <br><img src=x.png>", 1500)) + "</ul>"
            + string.Concat(Enumerable.Repeat("<p>paragraph", 1500))
            + "<script>" + string.Concat(Enumerable.Repeat("<div>", 1000)) + "</script><!--" + string.Concat(Enumerable.Repeat("<div>", 1000)) + "--></body></html>";
        NestingLimit.Apply(html, out var cut).ShouldBeSameAs(html);
        cut.ShouldBe(-1);
        HtmlReader.Read(html).Issues.ShouldBeEmpty();
    }

    [Fact]
    public void The_nesting_cap_keeps_lengths_and_blanks_only_the_tags_past_it()
    {
        var html = "<section>" + string.Concat(Enumerable.Repeat("<div class=\"a>b\">", 5)) + "text" + string.Concat(Enumerable.Repeat("</div>", 5)) + "</section><p>after</p>";
        var capped = NestingLimit.Apply(html, out var cut, maxDepth: 3);
        capped.Length.ShouldBe(html.Length);
        cut.ShouldBe("<section><div class=\"a>b\"><div class=\"a>b\">".Length, "a '>' inside a quoted value does not end the tag");
        capped.ShouldBe("<section>" + string.Concat(Enumerable.Repeat("<div class=\"a>b\">", 2)) + new string(' ', 3 * "<div class=\"a>b\">".Length) + "text" + new string(' ', 3 * "</div>".Length) + "</div></div></section><p>after</p>");
    }
}
