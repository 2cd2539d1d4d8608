using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Provenance.Articles;
using Provenance.Tests;

namespace Provenance.Service.Tests;

/// <summary>
/// The editor page in headless Chromium (Debian's package, driven by playwright-core from
/// tests/schema): paste a sample or drop a file, press Check, see the grade the library gives,
/// every finding highlighted on exactly its text, and the detail of a clicked highlight. No console
/// message or script error; screenshots kept in artifacts/screenshots.
/// </summary>
public sealed class EditorPageTests
{
    private static readonly string Screenshots = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    [Theory]
    [InlineData("hezbollah-original-source-cnn.txt", "paste")]
    [InlineData("miami-restraint-spun.txt", "paste")]
    [InlineData("gaza-second-phase-blog.txt", "drop")]
    public void A_pasted_or_dropped_sample_shows_its_grade_and_its_highlights(string sample, string mode)
    {
        var page = Drive(RepoPaths.Sample(sample), mode, $"editor-{Path.GetFileNameWithoutExtension(sample)}-{mode}.png");

        var expected = ServiceFactory.Checker.Check(Article.FromText(File.ReadAllText(RepoPaths.Sample(sample)), sample), TestContext.Current.CancellationToken);
        page.GetProperty("messages").EnumerateArray().ShouldBeEmpty("the page wrote to the console");
        page.GetProperty("grade").GetString().ShouldBe(expected.Scorecard.Grade);
        page.GetProperty("score").GetInt32().ShouldBe(expected.Scorecard.Score);
        page.GetProperty("format").GetString().ShouldBe(mode == "drop" ? "text" : "auto");
        page.GetProperty("findings").GetInt32().ShouldBe(expected.Analysis.Findings.Length);
        page.GetProperty("highlights").GetInt32().ShouldBe(expected.Analysis.Findings.Count(f => f.Location.End != f.Location.Start));
        page.GetProperty("marks").GetInt32().ShouldBeGreaterThan(0);
        page.GetProperty("check").GetString().ShouldBe("ok", "a highlight does not cover exactly its finding's text");
        page.GetProperty("categories").GetInt32().ShouldBe(expected.Scorecard.Categories.Length);
        page.GetProperty("detailShown").GetBoolean().ShouldBeTrue("clicking a highlight shows its finding");
        page.GetProperty("selectedMarks").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_dropped_html_page_is_read_as_html_and_its_facts_shown()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("provenance-editor-").FullName, "story.html");
        File.WriteAllText(file, """
            <!doctype html><html><head><title>Talks resume</title><meta name="author" content="Jane Roe"></head>
            <body><article><h1>Talks resume</h1><p>By Jane Roe</p>
            <p>"We are ready," said Foreign Minister Ana Ruiz on Monday, according to <a href="https://www.reuters.com/world/">Reuters</a>.</p>
            <p>Officials said the talks would continue.</p></article></body></html>
            """);
        var page = Drive(file, "drop", "editor-dropped-html.png");

        page.GetProperty("messages").EnumerateArray().ShouldBeEmpty();
        page.GetProperty("format").GetString().ShouldBe("html");
        page.GetProperty("facts").GetProperty("Outlets cited").GetString()!.ShouldContain("Reuters");
        page.GetProperty("check").GetString().ShouldBe("ok");
        page.GetProperty("view").GetString().ShouldBe("read");
    }

    [Fact]
    public void A_dropped_real_page_is_shown_as_read_with_its_findings_highlighted_and_no_markup()
    {
        // bbc-1 is some 260 KB of scripts, styles and ad tags around a short story.
        var file = Path.Combine(Directory.CreateTempSubdirectory("provenance-editor-").FullName, "bbc-1.html");
        File.Copy(RepoPaths.TestPages.Single(p => p.Contains($"{Path.DirectorySeparatorChar}bbc-1{Path.DirectorySeparatorChar}", StringComparison.Ordinal)), file);
        var page = Drive(file, "drop", "editor-real-page.png");

        page.GetProperty("messages").EnumerateArray().ShouldBeEmpty();
        page.GetProperty("view").GetString().ShouldBe("read");
        page.GetProperty("markupShown").GetBoolean().ShouldBeFalse();
        page.GetProperty("firstBlock").GetString()!.ShouldEndWith("Obama admits US gun laws are his 'biggest frustration'");
        page.GetProperty("check").GetString().ShouldBe("ok");
        page.GetProperty("highlights").GetInt32().ShouldBeGreaterThan(10);
        page.GetProperty("outside").GetInt32().ShouldBeGreaterThan(0);
        page.GetProperty("selectedMarks").GetInt32().ShouldBeGreaterThan(0);
    }

    private static JsonElement Drive(string article, string mode, string screenshot)
    {
        ChromiumPath.Require();
        using var factory = new ServiceFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Directory.CreateDirectory(Screenshots);
        var shot = Path.Combine(Screenshots, screenshot);
        var output = NodeTools.Run("editor.mjs", address + "/", article, shot, mode);
        new FileInfo(shot).Length.ShouldBeGreaterThan(10_000);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
