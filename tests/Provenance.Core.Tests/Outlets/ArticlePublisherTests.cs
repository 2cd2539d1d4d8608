using Provenance.Articles;
using Provenance.Outlets;

namespace Provenance.Core.Tests.Outlets;

/// <summary>Who publishes an article, from what the article shows, resolved against the default registry.</summary>
public sealed class ArticlePublisherTests
{
    private static readonly Lazy<OutletRegistry> Registry = new(DefaultRules.LoadOutletRegistry);

    [Fact]
    public void The_html_site_name_names_the_publisher()
    {
        var article = Article.FromHtml("""<html><head><meta property="og:site_name" content="BBC News"></head><body><article><p>Talks resumed on Monday.</p></article></body></html>""");
        Names(article).ShouldBe(["BBC"]);
    }

    [Fact]
    public void The_canonical_url_names_the_publisher_and_its_site()
    {
        var article = Article.FromHtml("""<html><head><link rel="canonical" href="https://edition.cnn.com/2016/09/20/politics/story/index.html"></head><body><article><p>Talks resumed.</p></article></body></html>""");
        var publisher = ArticlePublisher.Find(article, Registry.Value);
        publisher.Outlets.Select(o => o.Name).ShouldBe(["CNN"]);
        publisher.Sites.ShouldContain("cnn.com");
    }

    [Fact]
    public void The_json_ld_publisher_names_the_publisher()
    {
        var article = Article.FromHtml("""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks resume","publisher":{"@type":"Organization","name":"The Washington Post"}}</script></head>
            <body><article><p>Talks resumed on Monday.</p></article></body></html>
            """);
        Names(article).ShouldBe(["The Washington Post"]);
    }

    [Fact]
    public void The_json_ld_url_names_the_publisher_of_a_page_without_a_canonical_link()
    {
        const string JsonLd = """<script type="application/ld+json">{"@type":"Article","name":"List of films","url":"https://en.wikipedia.org/wiki/List_of_films","publisher":{"@type":"Organization","name":"Wikimedia Foundation, Inc."}}</script>""";
        var article = Article.FromHtml($"""<html><head>{JsonLd}</head><body><article><p>See <a href="https://en.wikipedia.org/wiki/Wikipedia:About">About Wikipedia</a>.</p></article></body></html>""");
        article.Metadata.CanonicalUrl!.Value.ShouldBe("https://en.wikipedia.org/wiki/List_of_films");
        Names(article).ShouldBe(["Wikipedia"]);

        // A canonical link, where there is one, is the page's address.
        var linked = Article.FromHtml($"""<html><head><link rel="canonical" href="https://www.example.org/films">{JsonLd}</head><body><article><p>Films.</p></article></body></html>""");
        linked.Metadata.CanonicalUrl!.Value.ShouldBe("https://www.example.org/films");
    }

    [Theory]
    [InlineData("Washington (CNN)The senator said on Tuesday that he would run.", "CNN")]
    [InlineData("LONDON (Reuters) - Talks resumed on Monday.", "Reuters")]
    [InlineData("(AP) — Aid trucks crossed on Sunday.", "Associated Press")]
    public void A_wire_dateline_naming_an_outlet_names_the_publisher(string text, string name)
    {
        Names(Article.FromText(text)).ShouldBe([name]);
    }

    [Theory]
    [InlineData("The senator (pictured) said on Tuesday that he would run.")]
    [InlineData("The senator said on Tuesday (CNN reported) that he would run.")]
    [InlineData("WASHINGTON (Photo) - The senator said he would run.")]
    public void Parentheses_that_are_not_an_outlet_dateline_name_no_publisher(string text)
    {
        ArticlePublisher.Find(Article.FromText(text), Registry.Value).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void A_byline_that_is_an_outlet_names_the_publisher_and_a_person_does_not()
    {
        Names(Article.FromText("Talks resume\n\nBy Associated Press\n\nTalks resumed on Monday, officials said.")).ShouldBe(["Associated Press"]);
        ArticlePublisher.Find(Article.FromText("Talks resume\n\nBy Jane Roe\n\nTalks resumed on Monday, officials said."), Registry.Value).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void The_hosts_uri_names_the_publisher_of_plain_text()
    {
        var article = Article.FromText("Talks resumed on Monday.", "a.txt", new Uri("http://www.politico.com/story/2016/09/debate-228000"));
        article.Uri.ShouldBe(new Uri("http://www.politico.com/story/2016/09/debate-228000"));
        Names(article).ShouldBe(["Politico"]);
    }

    [Fact]
    public void The_uri_passes_through_every_reader()
    {
        var uri = new Uri("https://www.reuters.com/world/x");
        foreach (var format in new[] { ArticleFormat.Text, ArticleFormat.Markdown, ArticleFormat.Html })
        {
            Article.Read("<p>Talks resumed.</p>", format, "a", uri).Uri.ShouldBe(uri);
        }
    }

    [Fact]
    public void An_archived_copy_is_published_by_the_site_it_archives()
    {
        var article = Article.FromText("Talks resumed.", "a.txt", new Uri("https://web.archive.org/web/20160920120000/http://www.rightwingnews.com/election-2016/story/"));
        ArticlePublisher.Find(article, Registry.Value).Sites.ShouldBe(["rightwingnews.com"]);
    }

    [Fact]
    public void Front_matter_url_names_the_publisher_of_markdown()
    {
        var article = Article.FromMarkdown("---\nurl: https://abcnews.go.com/Politics/story?id=42176433\n---\n\nTalks resumed.");
        Names(article).ShouldBe(["ABC News"]);
    }

    [Fact]
    public void The_publisher_is_recognised_in_any_form_and_others_are_not()
    {
        var article = Article.FromText("Talks resumed.", "a.txt", new Uri("https://edition.cnn.com/2016/09/20/politics/x"));
        var publisher = ArticlePublisher.Find(article, Registry.Value);
        publisher.Publishes(new OutletLookup(Registry.Value.FindByAlias("CNN"), null, null), "CNN").ShouldBeTrue();
        publisher.Publishes(Registry.Value.FindByHost("money.cnn.com"), "money.cnn.com").ShouldBeTrue();
        publisher.Publishes(Registry.Value.FindByHost("cnn.it"), "cnn.it/2dawOn3").ShouldBeTrue();
        publisher.Publishes(new OutletLookup(Registry.Value.FindByAlias("Reuters"), null, null), "Reuters").ShouldBeFalse();
        publisher.Publishes(Registry.Value.FindByHost("example.com"), "example.com").ShouldBeFalse();
    }

    [Fact]
    public void A_site_the_registry_does_not_know_is_still_its_own_publisher()
    {
        var article = Article.FromHtml("""<html><head><meta property="og:site_name" content="Example Gazette"><link rel="canonical" href="https://www.example-gazette.com/x"></head><body><article><p>Talks resumed.</p></article></body></html>""");
        var publisher = ArticlePublisher.Find(article, Registry.Value);
        publisher.Outlets.ShouldBeEmpty();
        publisher.Publishes(new OutletLookup(null, null, null), "Example Gazette").ShouldBeTrue();
        publisher.Publishes(Registry.Value.FindByHost("news.example-gazette.com"), "news.example-gazette.com").ShouldBeTrue();
        publisher.Publishes(new OutletLookup(null, null, null), "Example Herald").ShouldBeFalse();
    }

    [Fact]
    public void An_article_that_shows_nothing_has_no_publisher()
    {
        var publisher = ArticlePublisher.Find(Article.FromText("Talks resumed on Monday, officials said."), Registry.Value);
        publisher.IsEmpty.ShouldBeTrue();
        publisher.Publishes(new OutletLookup(Registry.Value.FindByAlias("CNN"), null, null), "CNN").ShouldBeFalse();
    }

    private static string[] Names(Article article) => [.. ArticlePublisher.Find(article, Registry.Value).Outlets.Select(o => o.Name)];
}
