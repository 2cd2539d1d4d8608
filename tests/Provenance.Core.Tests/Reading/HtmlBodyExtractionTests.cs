using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Provenance.Articles;
using Provenance.Reading.Html;

namespace Provenance.Core.Tests.Reading;

/// <summary>
/// How the HTML reader finds an article's body, one heuristic per test, on small pages shaped like
/// the real ones in tests/data/third_party/html-testpages (how-to pages split into steps, blog posts
/// beside a newsletter form, documentation with a table of contents, news pages with figures, link
/// lists and hidden share buttons).
/// </summary>
public sealed class HtmlBodyExtractionTests
{
    private static readonly string[] Prose =
    [
        "The harbour board met on Tuesday evening and, after a long and sometimes heated debate, agreed to delay the dredging of the northern channel until the spring.",
        "Fishermen who use the channel every morning said the delay would cost them, since the silt has already forced larger boats to wait for the tide before leaving.",
        "The board's chair said the contract had been priced before the storms of last winter, and that the work would now cost nearly twice the original estimate.",
        "A report presented to the meeting found that the channel had lost almost a metre of depth in two years, more than the engineers had expected when it was last dredged.",
        "Residents of the old quarter asked whether the spoil would again be dumped offshore, where divers say it has smothered the seagrass beds that shelter young fish.",
        "The board agreed to ask the environment agency for advice on other sites, and to publish the engineers' survey so that anyone could read the figures for themselves.",
        "Several members argued that the cheapest option, a partial dredge of the busiest stretch, would only move the problem further along the coast within a few years.",
        "The next meeting, in March, is expected to approve a revised budget, after which the board will invite new tenders for the work from contractors in the region.",
    ];

    [Fact]
    public void A_body_split_across_step_containers_is_read_whole()
    {
        // How-to pages wrap each step in its own containers, some inside spans; the steps score
        // alike, and the ancestor holding three of them holds the article.
        var steps = string.Concat(Prose.Skip(1).Take(5).Select(p => $"""
            <span><span><div class="mod step"><div class="stepContent mod"><span><p>{p}</p></span><figure><img src="s.jpg"></figure></div></div></span></span>
            """));
        var html = $"""
            <html><body><nav><a href="/">Home</a> <a href="/crafts">Crafts</a></nav>
            <section id="Body"><div class="col-main"><article data-type="article">
            <div class="mod step"><div class="stepContent mod"><div class="content lead"><p>{Prose[0]}</p></div></div></div>
            {steps}
            </article></div>
            <div class="col-side"><p>More how-to guides, picked for you by our editors every single week.</p></div></section></body></html>
            """;

        var body = BodyText(HtmlReader.Read(html));

        foreach (var paragraph in Prose.Take(6))
        {
            body.ShouldContain(paragraph);
        }
    }

    [Fact]
    public void A_form_named_content_gives_way_to_the_article_beside_it()
    {
        // The newsletter box's class and id both say "content", which outweighs four paragraphs;
        // after its inputs are cleaned out it holds one line, so the next candidate is the body,
        // before the names that keep the comment out are trusted less.
        var html = $"""
            <html><body><main id="content">
            <div class="content"><article id="item-9" class="hentry"><h1>Dredging delayed</h1><div class="entry-content">
            <p>{Prose[0]}</p><p>{Prose[1]}</p><p>{Prose[2]}</p><p>{Prose[3]}</p></div></article></div>
            <aside id="newsletter-subscribe" class="section"><form id="newsletter_form" class="content newsletter_form">
            <div class="form-title"><h3>Love the harbour?</h3></div>
            <div id="form-contents" class="form-contents"><div class="field"><label for="email">Your e-mail address</label> <input type="email" id="email"></div>
            <div class="form-submit"><button>Sign up now</button><p class="form-details promise"><small>We will only send you harbour-related information.</small></p></div></div>
            </form></aside>
            <section id="comments" class="section"><ol class="comment-list"><li class="comment"><p class="comment-author">Pat wrote:</p><blockquote class="entry-content"><p>
            We fished that channel for years, my father, my uncle, my brother, my cousins, and I, in summer, in winter, at dawn, at dusk,
            in calm, in storms, in fog, in rain, and we never, not once, not even in the worst years, waited for the tide, until now, sadly.</p></blockquote></li></ol></section>
            </main></body></html>
            """;

        var article = HtmlReader.Read(html);
        var body = BodyText(article);

        body.ShouldContain(Prose[0]);
        body.ShouldContain(Prose[3]);
        body.ShouldNotContain("harbour-related information");
        body.ShouldNotContain("We fished that channel");

        // Found on the first attempt: trusting names less makes the comments part of the body's container.
        var (document, runs, media) = Parse(html);
        ContentScorer.Select(runs, media, document.Body!, new ElementNames(), ExtractionPass.All).Top.ShouldBe(document.QuerySelector(".entry-content"));
    }

    [Fact]
    public void A_page_whose_whole_layout_has_an_unlikely_name_is_read_again_without_that_test()
    {
        // "has-sidebar" marks the wrapper as unlikely to hold the article; with it left out the page
        // has no text, so the reader tries again trusting names less.
        var html = $"""
            <html><body><div class="layout has-sidebar"><div class="col"><h1>Dredging delayed</h1>
            {string.Concat(Prose.Take(4).Select(p => $"<p>{p}</p>"))}</div></div></body></html>
            """;

        var body = BodyText(HtmlReader.Read(html));

        body.ShouldContain(Prose[0]);
        body.ShouldContain(Prose[3]);
    }

    [Fact]
    public void A_box_of_links_inside_the_body_is_cleaned_out_and_a_data_table_of_links_kept()
    {
        var html = $"""
            <html><body><div class="article-body">
            <p>{Prose[0]}</p><p>{Prose[1]}</p>
            <div class="inline-story"><h4><a href="/b">Lifeboat crew honoured for winter rescue</a></h4><p>Also: <a href="/a">Harbour fees to rise again next year</a></p></div>
            <p>{Prose[2]}</p><p>{Prose[3]}</p>
            <table><tr><th>Year</th><th>Depth lost</th><th>Source</th></tr><tr><td>2022</td><td>0.4 m</td><td><a href="/survey-2022">survey</a></td></tr>
            <tr><td>2023</td><td>0.5 m</td><td><a href="/survey-2023">survey</a></td></tr></table>
            </div></body></html>
            """;

        var article = HtmlReader.Read(html);
        var body = BodyText(article);

        body.ShouldContain(Prose[3]);
        body.ShouldNotContain("Lifeboat crew honoured");
        body.ShouldContain("Depth lost");
        article.Blocks.ShouldNotContain(b => b.Text.Contains("Lifeboat crew", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_of_contents_of_links_within_the_page_stays_in_the_body()
    {
        // Links to places on the same page count for less than links away: a contents box named
        // "contents" is mostly such links and still part of the document.
        var sections = string.Concat(Prose.Take(4).Select((p, i) => $"""<div class="section" id="part-{i}"><h2>Part {i}</h2><p>{p}</p></div>"""));
        var html = $"""
            <html><body><div class="document"><div class="body"><h1>The dredging guide</h1>
            <div id="contents" class="contents topic"><p class="topic-title">Contents</p><ul class="simple">
            <li><a href="#part-0">Why the northern channel silts up</a></li><li><a href="#part-1">What the fishermen told the board</a></li>
            <li><a href="#part-2">How much the work will cost</a></li><li><a href="#part-3">What the survey found</a></li></ul></div>
            {sections}</div></div></body></html>
            """;

        var body = BodyText(HtmlReader.Read(html));

        body.ShouldContain("What the fishermen told the board");
        body.ShouldContain(Prose[3]);
    }

    [Fact]
    public void A_section_of_prose_named_like_furniture_stays_in_the_body()
    {
        // Documentation ids repeat their headings: "sharing-with-a-single-developer" is a chapter, not a share bar.
        var html = $"""
            <html><body><div class="content"><div class="section" id="evolving-history"><h1>Evolving history</h1><p>{Prose[0]}</p>
            <div class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single developer</h2>
            {string.Concat(Prose.Skip(1).Take(4).Select(p => $"<p>{p}</p>"))}</div></div></div>
            <div class="social-share"><a href="/share">Share</a> <a href="/tweet">Tweet</a></div></body></html>
            """;

        var body = BodyText(HtmlReader.Read(html));

        body.ShouldContain(Prose[4]);
        body.ShouldNotContain("Tweet");
    }

    [Fact]
    public void Hidden_elements_are_not_read()
    {
        var html = $"""
            <html><body style="display: none"><div class="story">
            <p>{Prose[0]}</p><div class="sharing"><span class="stb-text" aria-hidden="true">SHARE</span></div>
            <div id="author_powertip" style="padding: 0; DISPLAY : none !important">Jane Roe, harbour correspondent since 2009</div>
            <p hidden>An old paragraph the editors took out of the story.</p><p>{Prose[1]}</p><p>{Prose[2]}</p>
            <p style="visibility:hidden">Loading the next story</p><p aria-hidden="false">{Prose[3]}</p></div></body></html>
            """;

        var article = HtmlReader.Read(html);

        BodyText(article).ShouldContain(Prose[3], customMessage: "a body hidden while scripts load, and aria-hidden=false, hide nothing");
        article.Blocks.ShouldNotContain(b => b.Text.Contains("SHARE", StringComparison.Ordinal) || b.Text.Contains("Jane Roe", StringComparison.Ordinal)
            || b.Text.Contains("editors took out", StringComparison.Ordinal) || b.Text.Contains("Loading", StringComparison.Ordinal));
    }

    [Fact]
    public void A_figure_caption_is_a_footer_block_where_it_stands_and_not_body_text()
    {
        var html = $"""
            <html><body><article><div class="story-body">
            <p>{Prose[0]}</p><p>{Prose[1]}</p>
            <figure><img src="quay.jpg"><figcaption>Boats waiting for the tide on Monday. Photo: Jane Roe/Reuters</figcaption></figure>
            <div class="wp-caption"><img src="board.jpg"><p class="wp-caption-text">The harbour board in session. AI-generated illustration</p></div>
            <div class="item no_caption"><h2>What happens next</h2><p>{Prose[2]}</p></div>
            <p>{Prose[3]}</p></div></article></body></html>
            """;

        var article = HtmlReader.Read(html);

        var caption = article.Blocks.Single(b => b.Text.StartsWith("Boats waiting", StringComparison.Ordinal));
        (caption.Kind, caption.Zone).ShouldBe((BlockKind.Footer, Zone.Footer));
        article.Blocks.Single(b => b.Text.StartsWith("The harbour board in session", StringComparison.Ordinal)).Zone.ShouldBe(Zone.Footer);
        article.Blocks.Single(b => b.Text == "What happens next").Zone.ShouldBe(Zone.Main, "\"no_caption\" marks a box without a caption");
        var texts = article.Blocks.Select(b => b.Text).ToList();
        texts.IndexOf(caption.Text).ShouldBeGreaterThan(texts.IndexOf(Prose[1]), "the caption stays where it is in the page");
        texts.IndexOf(caption.Text).ShouldBeLessThan(texts.IndexOf(Prose[2]));
    }

    [Fact]
    public void A_short_line_whose_inline_element_is_marked_as_the_author_is_a_byline()
    {
        var html = $"""
            <html><body><div class="story"><h1>Dredging delayed</h1>
            <div class="meta"><a class="contributor" rel="author" href="/jane">By <span>Jane Roe</span></a></div>
            <div class="credit-text"><cite class="byline vcard">Harbour Correspondent</cite></div>
            {string.Concat(Prose.Take(4).Select(p => $"<p>{p}</p>"))}</div></body></html>
            """;

        var article = HtmlReader.Read(html);

        article.Blocks.Where(b => b.Kind == BlockKind.Byline).Select(b => b.Text).ShouldBe(["By Jane Roe", "Harbour Correspondent"]);
    }

    [Fact]
    public void Links_cleaned_out_of_the_body_are_judged_by_their_own_names_not_the_page_around_it()
    {
        // The wrapper's "source" names the whole post: an inset of teasers cleaned out of the body
        // is not a credit for it, while an author box cleaned out of it is still kept as footer.
        var html = $"""
            <html><body><div class="post-source-wrapper"><div class="entry-content">
            <p>{Prose[0]}</p><p>{Prose[1]}</p>
            <aside class="referenced-inset"><h6><a href="/x">How tides shape the harbour floor</a></h6><p><a href="/x">Read more</a></p></aside>
            <p>{Prose[2]}</p><p>{Prose[3]}</p>
            <div class="author-bio"><a href="/jane">Jane Roe</a> <a href="/jane/all">covers the coast for the Gazette</a></div>
            </div></div></body></html>
            """;

        var article = HtmlReader.Read(html);

        article.Blocks.ShouldNotContain(b => b.Text.Contains("How tides shape", StringComparison.Ordinal));
        var bio = article.Blocks.Single(b => b.Text.Contains("covers the coast", StringComparison.Ordinal));
        bio.Zone.ShouldBe(Zone.Footer);
    }

    [Fact]
    public void The_element_marked_as_the_article_body_is_preferred()
    {
        // Two blocks of prose under one parent: the one schema.org marks as articleBody wins over
        // one with more text.
        var html = $"""
            <html><body><div class="page">
            <div class="teasers"><div class="intro"><p>{Prose[4]}</p><p>{Prose[5]}</p><p>{Prose[6]}</p><p>{Prose[7]}</p></div></div>
            <div class="story"><div itemprop="articleBody"><p>{Prose[0]}</p><p>{Prose[1]}</p><p>{Prose[2]}</p></div></div>
            </div></body></html>
            """;
        var (document, runs, media) = Parse(html);

        var main = ContentScorer.SelectMain(runs, media, document.Body!, new ElementNames());

        // The marked element is an only child, so its parent stands for it.
        main.Top.ShouldBe(document.QuerySelector(".story"));
    }

    private static (IDocument Document, List<TextRun> Runs, List<IElement> Media) Parse(string html)
    {
        var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(html);
        var media = new List<IElement>();
        return (document, RunBuilder.Build(document.Body!, new HtmlTextAligner(html), media), media);
    }

    private static string BodyText(Article article) =>
        string.Join("\n", article.Blocks.Where(b => b.Zone == Zone.Main).Select(b => b.Text));
}
