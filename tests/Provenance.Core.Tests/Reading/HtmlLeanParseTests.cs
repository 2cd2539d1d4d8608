using System.Text;
using System.Text.Json;
using Provenance.Articles;
using Provenance.Reading.Html;
using Provenance.Tests;

namespace Provenance.Core.Tests.Reading;

/// <summary>
/// The reader asks the parser for less than a whole DOM: only the attributes it reads and those
/// the tree construction looks at, no comments and no attribute observers. A page must read exactly as it
/// does with everything kept: the same blocks, maps, metadata, links and issues.
/// </summary>
public sealed class HtmlLeanParseTests
{
    [Fact]
    public void The_samples_and_test_pages_read_as_with_every_attribute_kept()
    {
        var pages = 0;
        foreach (var page in RepoPaths.SamplesAndTestPages.Where(p => p.EndsWith(".html", StringComparison.Ordinal)))
        {
            Compare(File.ReadAllText(page), page);
            pages++;
        }

        pages.ShouldBeGreaterThan(50);
    }

    [Fact]
    public void Attributes_the_tree_construction_reads_are_kept()
    {
        // Comments are not kept: text on both sides of one must still read and map as with them.
        // A font with a colour leaves the SVG and takes its text into the body (dropping "color"
        // fails this test). A hidden input, an annotation-xml's encoding and a template's shadow
        // root mode move elements the reader skips anyway; they are here in case that changes.
        const string html = """
            <html><head><title>T</title><meta charset="utf-8"><meta http-equiv="content-type" content="text/html; charset=windows-1252"><base href="/news/"></head>
            <body><article class="story-body" id="main" data-x="1" style="color:red">
            <table><tr><td>cell one</td></tr><input type="hidden" name="h"><input type="text" name="t"></table>
            <svg><text>inside svg</text><font color="red">out of svg, in the body</font></svg>
            <math><annotation-xml encoding="text/html"><p>html inside math</p></annotation-xml></math>
            <div><template shadowrootmode="open"><p>shadow text</p></template><p>light text</p></div>
            <p class="byline" rel="author" itemprop="author">By Jane Doe</p>
            <p>A paragraph long enough to count as body text, with a <a href="story.html" rel="nofollow" onclick="x()">link</a>, and more, words.</p>
            <p>Text around <!-- a comment -->a comment, and a <b>bold</b><!-- x --> word<!----> after &amp; <!-- y -->more.</p>
            <time datetime="2024-05-01" pubdate>May 1</time>
            </article></body></html>
            """;
        Compare(html, "inline page");
    }

    private static void Compare(string html, string what) =>
        Describe(HtmlReader.Read(html, what, new Uri("https://example.com/a/b.html"))).ShouldBe(
            Describe(HtmlReader.Read(html, what, new Uri("https://example.com/a/b.html"), fullDocument: true)), what);

    private static string Describe(Article article)
    {
        var text = new StringBuilder();
        foreach (var block in article.Blocks)
        {
            text.Append($"{block.Kind} {block.Zone} {JsonSerializer.Serialize(block.Text)}");
            foreach (var segment in block.Map.Segments)
            {
                text.Append($" {segment.BlockStart}:{segment.SourceStart}:{segment.Length}");
            }

            text.AppendLine();
        }

        text.AppendLine(JsonSerializer.Serialize(article.Metadata));
        text.AppendLine(JsonSerializer.Serialize(article.Links));
        text.AppendLine(JsonSerializer.Serialize(article.Issues));
        return text.ToString();
    }
}
