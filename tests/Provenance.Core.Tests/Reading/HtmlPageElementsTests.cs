using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Provenance.Reading.Html;
using Provenance.Tests;

namespace Provenance.Core.Tests.Reading;

/// <summary>The metadata elements are found in one walk; each list must hold what its selector finds, in the same order.</summary>
public sealed class HtmlPageElementsTests
{
    [Fact]
    public void Finds_what_the_selectors_find_in_the_test_pages()
    {
        var found = 0;
        foreach (var page in RepoPaths.SamplesAndTestPages.Where(p => p.EndsWith(".html", StringComparison.Ordinal)))
        {
            found += Compare(File.ReadAllText(page), page);
        }

        found.ShouldBeGreaterThan(500);
    }

    [Fact]
    public void Finds_what_the_selectors_find_for_every_spelling()
    {
        const string html = """
            <html><head><title>First</title><title>Second</title>
            <meta name="a" content="1"><META NAME="b" content="2"><meta>
            <base><base href="/one/"><base href="/two/">
            <link rel="stylesheet" href="/s.css"><link rel="Canonical"><link rel="alternate  CANONICAL" href="/c1"><link rel="canonical" href="/c2">
            <script type="application/ld+json">{}</script><script type="Application/LD+JSON">{}</script><script type=" application/ld+json">{}</script><script>{}</script>
            </head><body>
            <svg><title>svg title</title></svg>
            <time datetime="2020-01-01">no</time><time pubdate>no datetime</time><time itemprop="datepublished" datetime="2020-01-02">lower</time>
            <time itemprop="x datePublished" datetime="2020-01-03">word</time><time pubdate datetime="2020-01-04">pubdate</time>
            <span class="Post-Date">1 May</span><span id="pubTime">2 May</span><abbr itemprop="datePublished" title="2020-01-06">x</abbr><meta itemprop="dateModified" content="2020-01-07">
            <p class="byline">By Jane Doe</p><div class="c-author">Jane</div><style class="date"></style>
            <template><meta name="in-template" content="x"><time pubdate datetime="2020-01-05"></time></template>
            <p><meta itemprop="z" content="in body"><script type="application/ld+json">{"late":1}</script></p>
            </body></html>
            """;
        Compare(html, "spellings").ShouldBeGreaterThan(8);
    }

    private static int Compare(string html, string what)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var actual = PageElements.Find(document.DocumentElement);
        Same(actual.Metas, document.QuerySelectorAll("meta"), what, "meta");
        Same(actual.JsonLd, document.QuerySelectorAll("script[type='application/ld+json']"), what, "JSON-LD");
        Same(actual.Title, document.QuerySelector("title"), what, "title");
        Same(actual.Canonical, document.QuerySelector("link[rel~='canonical'][href]"), what, "canonical");
        Same(actual.Base, document.QuerySelector("base[href]"), what, "base");
        Same(actual.Times, document.QuerySelectorAll("time[datetime]"), what, "times");
        Same(actual.DateMarked, document.QuerySelectorAll("time, [itemprop*='datePublished'], [itemprop*='dateModified'], [class], [id]").Where(e => IsDateMarked(e) && e.Closest("script, style, head") is null), what, "dates");
        return actual.Metas.Count + actual.JsonLd.Count + actual.Times.Count + actual.DateMarked.Count + new[] { actual.Title, actual.Canonical, actual.Base }.Count(e => e is not null);
    }

    // CSS has no selector for "class contains any of these words, ignoring case" short of listing every spelling.
    private static bool IsDateMarked(IElement e) =>
        e.LocalName == "time" || (e.LocalName != "meta" && ((e.GetAttribute("itemprop") ?? string.Empty).Contains("datePublished", StringComparison.Ordinal)
            || (e.GetAttribute("itemprop") ?? string.Empty).Contains("dateModified", StringComparison.Ordinal)
            || new[] { "date", "time", "publish", "posted", "byline", "author" }.Any(w => $"{e.GetAttribute("class")} {e.GetAttribute("id")}".Contains(w, StringComparison.OrdinalIgnoreCase))));

    private static void Same(IEnumerable<IElement> actual, IEnumerable<IElement> expected, string what, string which) =>
        actual.SequenceEqual(expected).ShouldBeTrue($"{what}, {which}: walk found [{Show(actual)}], selector found [{Show(expected)}]");

    private static void Same(IElement? actual, IElement? expected, string what, string which) =>
        (actual == expected).ShouldBeTrue($"{what}, {which}: walk found [{Show(actual is null ? [] : [actual])}], selector found [{Show(expected is null ? [] : [expected])}]");

    private static string Show(IEnumerable<IElement> elements) =>
        string.Join(", ", elements.Select(e => e.OuterHtml.Length > 60 ? e.OuterHtml[..60] : e.OuterHtml));
}
