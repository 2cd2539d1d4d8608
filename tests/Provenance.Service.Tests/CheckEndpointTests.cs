using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Provenance.Articles;
using Provenance.Tests;

namespace Provenance.Service.Tests;

/// <summary><c>POST /v1/check</c> and <c>/v1/check/batch</c> through the real pipeline, for every content type and refusal.</summary>
public sealed class CheckEndpointTests
{
    private static readonly string Hezbollah = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt"));

    [Theory]
    [InlineData("text/plain", "text")]
    [InlineData("text/plain; charset=utf-8", "text")]
    [InlineData("text/markdown", "markdown")]
    [InlineData("text/html", "html")]
    public async Task A_body_of_each_text_type_is_read_in_that_format(string contentType, string format)
    {
        using var factory = new ServiceFactory();
        var body = format == "html" ? $"<html><body><article><p>{Hezbollah.Replace("\n\n", "</p><p>", StringComparison.Ordinal)}</p></article></body></html>" : Hezbollah;
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check?path=story", UriKind.Relative), Content(body, contentType), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var json = await ReadJson(response);
        json.RootElement.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        var article = json.RootElement.GetProperty("articles")[0];
        article.GetProperty("path").GetString().ShouldBe("story");
        article.GetProperty("format").GetString().ShouldBe(format);
        article.GetProperty("facts").GetProperty("originalSource").GetString()!.ShouldContain("cnn.com", Case.Insensitive);
    }

    [Fact]
    public async Task The_answer_is_the_same_document_the_library_and_the_cli_produce()
    {
        using var factory = new ServiceFactory();
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check", UriKind.Relative), Content(Hezbollah, "text/plain"), TestContext.Current.CancellationToken);
        using var json = await ReadJson(response);
        var article = json.RootElement.GetProperty("articles")[0];

        var expected = ServiceFactory.Checker.Check(Article.FromText(Hezbollah, "article.txt"), TestContext.Current.CancellationToken);
        article.GetProperty("score").GetInt32().ShouldBe(expected.Scorecard.Score);
        article.GetProperty("grade").GetString().ShouldBe(expected.Scorecard.Grade);
        article.GetProperty("findings").EnumerateArray().Select(f => $"{f.GetProperty("ruleId").GetString()}@{f.GetProperty("line").GetInt32()}:{f.GetProperty("column").GetInt32()}")
            .ShouldBe(expected.Analysis.Findings.Select(f => $"{f.RuleId}@{f.Location.Start.Line}:{f.Location.Start.Column}"));
        json.RootElement.GetProperty("summary").GetProperty("articles").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_json_body_gives_content_format_and_path_and_an_absolute_uri_is_accepted()
    {
        // The uri resolves relative links (tested on the readers) and names the publisher, which
        // does not cite itself: on Reuters' own site "Reuters reported" is no cited outlet.
        using var factory = new ServiceFactory();
        string[] Outlets(JsonDocument json) => [.. json.RootElement.GetProperty("articles")[0].GetProperty("facts").GetProperty("outlets").EnumerateArray().Select(o => o.GetProperty("name").GetString()!)];
        const string Story = "# Title\n\nBy Jane Roe\n\nA story, [Reuters](/world/story) reported.\n";
        var request = JsonSerializer.Serialize(new { content = Story, format = "markdown", path = "drafts/story.md", uri = "https://news.example.org/drafts/" });
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check", UriKind.Relative), Content(request, "application/json"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = await ReadJson(response);
        var article = json.RootElement.GetProperty("articles")[0];
        article.GetProperty("path").GetString().ShouldBe("drafts/story.md");
        article.GetProperty("format").GetString().ShouldBe("markdown");
        Outlets(json).ShouldBe(["Reuters"]);

        var own = JsonSerializer.Serialize(new { content = Story, format = "markdown", path = "drafts/story.md", uri = "https://www.reuters.com/news/" });
        using var ownResponse = await factory.CreateClient().PostAsync(new Uri("/v1/check", UriKind.Relative), Content(own, "application/json"), TestContext.Current.CancellationToken);
        using var ownJson = await ReadJson(ownResponse);
        Outlets(ownJson).ShouldBeEmpty();
    }

    [Fact]
    public async Task Asked_for_the_read_view_a_page_comes_back_as_its_text_with_every_finding_placed()
    {
        using var factory = new ServiceFactory();
        var page = File.ReadAllText(RepoPaths.TestPages.Single(p => p.Contains($"{Path.DirectorySeparatorChar}bbc-1{Path.DirectorySeparatorChar}", StringComparison.Ordinal)));
        using var plain = await factory.CreateClient().PostAsync(new Uri("/v1/check?path=bbc-1.html", UriKind.Relative), Content(page, "text/html"), TestContext.Current.CancellationToken);
        using (var document = JsonDocument.Parse(await plain.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            document.RootElement.GetProperty("articles")[0].TryGetProperty("read", out _).ShouldBeFalse();
        }

        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check?path=bbc-1.html&read=true", UriKind.Relative), Content(page, "text/html"), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var article = answer.RootElement.GetProperty("articles")[0];
        var read = article.GetProperty("read");
        var blocks = read.GetProperty("blocks").EnumerateArray().ToList();
        blocks[0].GetProperty("kind").GetString().ShouldBe("title");
        blocks[0].GetProperty("text").GetString().ShouldBe("Obama admits US gun laws are his 'biggest frustration'");
        blocks.ShouldAllBe(b => !b.GetProperty("text").GetString()!.Contains("<script", StringComparison.OrdinalIgnoreCase));

        // Every located finding is placed: in the text, or (never both) by the markup it was read from.
        var located = article.GetProperty("findings").EnumerateArray().Select((f, i) => (Finding: f, Index: i))
            .Where(p => p.Finding.GetProperty("matchedText").GetString()!.Length > 0).Select(p => p.Index).ToList();
        var inText = blocks.SelectMany(b => b.GetProperty("marks").EnumerateArray()).SelectMany(m => m.GetProperty("findings").EnumerateArray().Select(i => i.GetInt32())).ToHashSet();
        var outside = read.GetProperty("outside").EnumerateArray().Select(o => o.GetProperty("finding").GetInt32()).ToList();
        outside.ShouldBeUnique();
        inText.Intersect(outside).ShouldBeEmpty();
        inText.Union(outside).Order().ShouldBe(located);
        located.Count.ShouldBeGreaterThan(10);
        read.GetProperty("outside").EnumerateArray().Select(o => o.GetProperty("markup").GetString()).ShouldContain("<meta property=\"og:article:author\" content=\"BBC News\"/>");
    }

    [Fact]
    public async Task Without_a_format_the_path_extension_decides()
    {
        using var factory = new ServiceFactory();
        var request = JsonSerializer.Serialize(new { content = "<p>Hello</p>", path = "page.html" });
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check", UriKind.Relative), Content(request, "application/json"), TestContext.Current.CancellationToken);
        using var json = await ReadJson(response);
        json.RootElement.GetProperty("articles")[0].GetProperty("format").GetString().ShouldBe("html");
    }

    [Fact]
    public async Task A_batch_checks_every_article_in_order_with_the_scores_the_library_gives()
    {
        using var factory = new ServiceFactory();
        var samples = Directory.GetFiles(RepoPaths.Samples, "*.txt").Order(StringComparer.Ordinal).ToList();
        var articles = samples.Select(f => new { content = File.ReadAllText(f), path = Path.GetFileName(f) }).ToList();
        var request = JsonSerializer.Serialize(new { articles });
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check/batch", UriKind.Relative), Content(request, "application/json"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = await ReadJson(response);
        var items = json.RootElement.GetProperty("articles").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("path").GetString()).ShouldBe(samples.Select(Path.GetFileName));
        items.Select(i => i.GetProperty("score").GetInt32())
            .ShouldBe(samples.Select(f => ServiceFactory.Checker.Check(Article.FromText(File.ReadAllText(f), Path.GetFileName(f)), TestContext.Current.CancellationToken).Scorecard.Score));
        json.RootElement.GetProperty("summary").GetProperty("articles").GetInt32().ShouldBe(samples.Count);
    }

    [Fact]
    public async Task A_text_body_that_is_binary_is_refused_with_422()
    {
        using var factory = new ServiceFactory();
        using var content = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check", UriKind.Relative), content, TestContext.Current.CancellationToken);
        await ShouldBeProblem(response, HttpStatusCode.UnprocessableEntity, "binary");
    }

    [Theory]
    [InlineData("{\"content\": \"text\",", "Malformed JSON", "line 1")]
    [InlineData("{\n  \"content\": 'single quotes'\n}", "Malformed JSON", "line 2")]
    [InlineData("[1, 2]", "Bad request", "expected an object")]
    [InlineData("{\"contnet\": \"text\"}", "Bad request", "did you mean 'content'")]
    [InlineData("{\"format\": \"text\"}", "Bad request", "'content' is required")]
    [InlineData("{\"content\": null}", "Bad request", "/: 'content' is required and not null")]
    [InlineData("{\"content\": \"x\", \"path\": [\"a\"]}", "Bad request", "/path: expected a string, found an array")]
    [InlineData("{\"content\": 42}", "Bad request", "/content: expected a string, found a number")]
    [InlineData("{\"content\": \"x\", \"format\": \"pdf\"}", "Bad request", "'pdf' is not a format; expected text, markdown, html or docx")]
    [InlineData("{\"content\": \"x\", \"format\": \"markdwon\"}", "Bad request", "'markdwon' is not a format (did you mean 'markdown'?); expected")]
    [InlineData("{\"Content\": \"x\"}", "Bad request", "/Content: unknown property; did you mean 'content'?")]
    [InlineData("{\"content\": \"x\", \"uri\": \"file:///etc/passwd\"}", "Bad request", "not an absolute http or https URI")]
    public async Task A_bad_json_body_is_a_400_problem_naming_what_is_wrong(string body, string title, string detail)
    {
        using var factory = new ServiceFactory();
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check", UriKind.Relative), Content(body, "application/json"), TestContext.Current.CancellationToken);
        var problem = await ShouldBeProblem(response, HttpStatusCode.BadRequest, detail);
        problem.RootElement.GetProperty("title").GetString().ShouldBe(title);
    }

    [Theory]
    [InlineData("{}", "an 'articles' array")]
    [InlineData("{\"articles\": []}", "holds 0 articles")]
    [InlineData("{\"articles\": [{\"content\": \"a\"}], \"extra\": 1}", "/extra: unknown property")]
    [InlineData("{\"articles\": [{\"content\": \"a\"}, {\"content\": 7}]}", "/articles/1/content: expected a string")]
    [InlineData("{\"articles\": [{\"content\": \"a\"}, \"b\"]}", "/articles/1: expected an object with 'content', 'format', 'uri' or 'path', found a string")]
    [InlineData("{\"articles\": [{\"content\": \"a\"}, null]}", "/articles/1: expected an object with 'content', 'format', 'uri' or 'path', found null")]
    [InlineData("{\"articles\": [{\"content\": \"a\", \"fromat\": \"html\"}]}", "/articles/0/fromat: unknown property; did you mean 'format'?")]
    [InlineData("{\"articles\": [{\"content\": \"a\", \"path\": \"x\"}, {\"content\": \"b\", \"path\": \"x\"}]}", "'x' is given to 2 articles")]
    public async Task A_bad_batch_is_a_400_problem_with_the_json_pointer_at_fault(string body, string detail)
    {
        using var factory = new ServiceFactory();
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check/batch", UriKind.Relative), Content(body, "application/json"), TestContext.Current.CancellationToken);
        await ShouldBeProblem(response, HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task A_batch_larger_than_the_limit_is_refused()
    {
        using var factory = new ServiceFactory(new Dictionary<string, string?> { ["Provenance:Service:MaxBatchArticles"] = "2" });
        var request = JsonSerializer.Serialize(new { articles = new[] { new { content = "a" }, new { content = "b" }, new { content = "c" } } });
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check/batch", UriKind.Relative), Content(request, "application/json"), TestContext.Current.CancellationToken);
        await ShouldBeProblem(response, HttpStatusCode.BadRequest, "a batch holds 1 to 2");
    }

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("image/png")]
    public async Task An_unsupported_content_type_is_a_415_problem(string contentType)
    {
        using var factory = new ServiceFactory();
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check", UriKind.Relative), Content("text", contentType), TestContext.Current.CancellationToken);
        await ShouldBeProblem(response, HttpStatusCode.UnsupportedMediaType, "text/plain, text/markdown, text/html, application/vnd.openxmlformats-officedocument.wordprocessingml.document or application/json");
    }

    [Fact]
    public async Task A_request_without_a_content_type_is_a_415_problem()
    {
        using var factory = new ServiceFactory();
        using var content = new ByteArrayContent("text"u8.ToArray());
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check", UriKind.Relative), content, TestContext.Current.CancellationToken);
        await ShouldBeProblem(response, HttpStatusCode.UnsupportedMediaType, "(none)");
    }

    [Theory]
    [InlineData("text/plain; charset=windows-1252", true)]
    [InlineData("text/plain", false)]
    public async Task A_declared_charset_decodes_the_body(string contentType, bool quoteSeen)
    {
        // Windows-1252 curly quotes are C1 control characters to the Latin-1 fallback: only the declared charset reads them as quotes.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var factory = new ServiceFactory();
        using var content = new ByteArrayContent(Encoding.GetEncoding(1252).GetBytes("Talks resume\n\n\u201CWe are ready,\u201D said Foreign Minister Ana Ruiz on Monday.\n"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check", UriKind.Relative), content, TestContext.Current.CancellationToken);
        using var json = await ReadJson(response);
        var quoted = json.RootElement.GetProperty("articles")[0].GetProperty("facts").GetProperty("quotedPeople").EnumerateArray().Select(p => p.GetString()).ToList();
        quoted.Any(p => p!.Contains("Ana Ruiz", StringComparison.Ordinal)).ShouldBe(quoteSeen, string.Join(", ", quoted));
    }

    internal static StringContent Content(string body, string contentType) => new(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType));

    internal static async Task<JsonDocument> ReadJson(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    internal static async Task<JsonDocument> ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.RootElement.GetProperty("detail").GetString()!.ShouldContain(detail, Case.Insensitive);
        return problem;
    }
}
