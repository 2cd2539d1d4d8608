using AngleSharp.Html.Parser;
using Provenance.Reading.Html;
using Provenance.Tests;

namespace Provenance.Core.Tests.Reading;

/// <summary>The byline search walks the page itself (in <see cref="PageElements"/>); it must find what the selector list it replaced finds, in the same order.</summary>
public sealed class HtmlBylineSearchTests
{
    private const string Selector = "[rel~='author'], [itemprop~='author'], [class*='byline'], [id*='byline'], [class*='author-name'], [class*='author'], [id*='author']";

    [Fact]
    public void Finds_what_the_selector_list_finds_in_the_test_pages()
    {
        var found = 0;
        foreach (var page in RepoPaths.TestPages)
        {
            found += Compare(File.ReadAllText(page), page);
        }

        found.ShouldBeGreaterThan(20);
    }

    [Fact]
    public void Finds_what_the_selector_list_finds_for_every_spelling_of_the_marks()
    {
        const string html = """
            <html><head><meta name="author" content="x"><link rel="author" href="/a"></head><body>
            <a rel="author">One</a><a rel="Author">Two</a><a rel="me author">Three</a><a rel="co-author">Four</a><a rel="">Five</a>
            <span itemprop="author">Six</span><span itemprop="AUTHOR">Seven</span><span itemprop="author name">Eight</span>
            <div class="post-byline">Nine</div><div class="Byline">Ten</div><div class="author-name">Eleven</div><div class="coauthors">Twelve</div>
            <div id="byline-1">Thirteen</div><div id="Author">Fourteen</div><div id="main-author">Fifteen</div>
            <script class="author">var a;</script><style id="author"></style><svg><g class="byline"><text>Sixteen</text></g></svg>
            <template class="author"><p class="byline">Seventeen</p></template>
            <section class="byline"><p class="author">Eighteen</p><p>plain</p></section><p class="by line">Nineteen</p>
            </body></html>
            """;
        Compare(html, "marks").ShouldBeGreaterThan(10);
    }

    private static int Compare(string html, string what)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var expected = document.QuerySelectorAll(Selector).Where(e => e.Closest("script, style, head") is null).ToList();
        var actual = PageElements.Find(document.DocumentElement).MarkedAuthors;
        actual.SequenceEqual(expected).ShouldBeTrue($"{what}: walk found [{string.Join(", ", actual.Select(e => e.OuterHtml.Length > 60 ? e.OuterHtml[..60] : e.OuterHtml))}], selector found [{string.Join(", ", expected.Select(e => e.OuterHtml.Length > 60 ? e.OuterHtml[..60] : e.OuterHtml))}]");
        return expected.Count;
    }
}
