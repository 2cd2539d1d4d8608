using System.Text.Json;
using Provenance.Articles;
using Provenance.Hosting;
using Provenance.Reading;
using Provenance.Tests;

namespace Provenance.Service.Tests;

/// <summary>
/// A format's identity lives in one place, <see cref="ArticleReaders"/>: every format has one
/// reader, no name, extension or media type means two formats, and what the hosts accept and
/// document follows from it.
/// </summary>
public sealed class ReaderRegistryTests
{
    [Fact]
    public void Every_format_has_one_reader_and_no_name_extension_or_media_type_means_two()
    {
        ArticleReaders.All.Select(r => r.Format).Order().ShouldBe(Enum.GetValues<ArticleFormat>());
        ArticleReaders.All.SelectMany(r => r.Aliases.Prepend(r.Name)).ShouldBeUnique(StringComparer.OrdinalIgnoreCase);
        ArticleReaders.All.SelectMany(r => r.Extensions).ShouldBeUnique(StringComparer.OrdinalIgnoreCase);
        ArticleReaders.All.SelectMany(r => r.MediaTypes).ShouldBeUnique(StringComparer.OrdinalIgnoreCase);
        ArticleReaders.All.ShouldAllBe(r => r.Extensions.All(e => e.StartsWith('.')) && r.MediaTypes.Length > 0 && r.Extensions.Length > 0);
    }

    [Fact]
    public void The_engine_the_options_and_the_service_take_formats_from_the_readers()
    {
        ArticleLoader.FormatOf("a/story.TXT").ShouldBe(ArticleFormat.Text);
        ArticleLoader.FormatOf("story.markdown").ShouldBe(ArticleFormat.Markdown);
        ArticleLoader.FormatOf("page.htm").ShouldBe(ArticleFormat.Html);
        ArticleLoader.FormatOf("memo.docx").ShouldBe(ArticleFormat.Docx);
        ArticleLoader.FormatOf("notes.rtf").ShouldBe(ArticleFormat.Text, "a file named explicitly with no reader of its own is read as text");
        ContentFiles.WithOverrides([".mdx=md", ".xhtml=html"]).ShouldSatisfyAllConditions(
            t => t[".mdx"].ShouldBe(ArticleFormat.Markdown),
            t => t[".xhtml"].ShouldBe(ArticleFormat.Html));
        Should.Throw<ProvenanceSetupException>(() => ContentFiles.WithOverrides([".mdx=pdf"])).Message
            .ShouldBe("--type .mdx=pdf: expected EXTENSION=FORMAT with FORMAT text, markdown, html or docx (--type .mdx=markdown)");

        // Each reader reads what its format holds: the same story as text, Markdown and HTML.
        foreach (var reader in ArticleReaders.All)
        {
            var source = reader.Format == ArticleFormat.Html ? "<article><p>Officials said so, Reuters reported.</p></article>" : "Officials said so, Reuters reported.\n";
            Article.Read(source, reader.Format, "a" + reader.Extensions[0]).Format.ShouldBe(reader.Format);
        }
    }

    [Fact]
    public void The_openapi_document_lists_the_readers_formats_and_media_types()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "openapi.json")));
        var root = document.RootElement;
        var bodies = root.GetProperty("paths").GetProperty("/v1/check").GetProperty("post").GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(p => p.Name);
        bodies.ShouldBe([.. ArticleReaders.All.Select(r => r.MediaTypes[0]), "application/json"]);
        foreach (var schema in new[] { "CheckArticleRequest", "ArticleResult" })
        {
            root.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").GetProperty("format").GetProperty("enum")
                .EnumerateArray().Select(e => e.GetString()).ShouldBe(ArticleReaders.Names, schema);
        }
    }

    [Fact]
    public async Task The_service_reads_a_word_document_sent_as_its_bytes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
        {
            writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:p><w:r><w:t>Council delays vote</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t xml:space=\"preserve\">The council said on Monday it would wait, </w:t></w:r><w:r><w:t>officials told Reuters.</w:t></w:r></w:p>"
                + "</w:body></w:document>");
        }

        using var factory = new ServiceFactory();
        using var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(ArticleReaders.For(ArticleFormat.Docx).MediaTypes[0]);
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check", UriKind.Relative), content, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var article = json.RootElement.GetProperty("articles")[0];
        article.GetProperty("path").GetString().ShouldBe("article.docx");
        article.GetProperty("format").GetString().ShouldBe("docx");
        article.GetProperty("facts").GetProperty("outlets").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ShouldBe(["Reuters"]);
    }
}
