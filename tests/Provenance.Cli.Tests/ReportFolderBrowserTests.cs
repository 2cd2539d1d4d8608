using System.Text.Json;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary>
/// The report folder of a real run, opened in Debian's chromium through Playwright as an editor
/// would (tests/schema/report.mjs): the tool checks the 76 saved real pages and the samples with
/// <c>--report-dir</c>; the index shows titles and filters by grade and rule from its form; every
/// scorecard passes its own highlight check, shows the text read from a page and none of its
/// scripts or styles, groups repeated findings, and its rule links open help pages. Screenshots of
/// the index and the first scorecards are kept in artifacts/screenshots/report.
/// </summary>
public sealed class ReportFolderBrowserTests
{
    [Fact]
    public void An_editor_opening_the_report_of_real_pages_sees_titles_filters_the_text_read_groups_and_help()
    {
        ChromiumPath.Require();
        var work = Directory.CreateTempSubdirectory("provenance-report-browser-").FullName;
        var pages = Directory.CreateDirectory(Path.Combine(work, "pages")).FullName;
        foreach (var page in RepoPaths.TestPages)
        {
            File.Copy(page, Path.Combine(pages, Path.GetFileName(Path.GetDirectoryName(page))! + ".html"));
        }

        var samples = Directory.CreateDirectory(Path.Combine(work, "samples")).FullName;
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples))
        {
            File.Copy(sample, Path.Combine(samples, Path.GetFileName(sample)));
        }

        var (code, _, error) = ToolProcess.Run(work, ["check", "pages", "samples", "--report-dir", "report", "--format", "json=run.json"]);
        code.ShouldBe(0, error);
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "run.json")));
        var articles = run.RootElement.GetProperty("articles").EnumerateArray().Where(a => a.TryGetProperty("grade", out _)).ToList();
        var shots = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "artifacts", "screenshots", "report")).FullName;
        using var seen = JsonDocument.Parse(NodeTools.Run("report.mjs", Path.Combine(work, "report"), shots, "F", "PRV1002"));
        var result = seen.RootElement;
        result.GetProperty("messages").EnumerateArray().Select(m => m.GetString()).ShouldBeEmpty();

        // The index: one row per article, titled by its headline, filtered from its form.
        var index = result.GetProperty("index");
        var rows = index.GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBe(articles.Count);
        rows.Single(r => r.GetProperty("path").GetString() == "pages/bbc-1.html").GetProperty("title").GetString().ShouldBe("Obama admits US gun laws are his 'biggest frustration'");
        rows.Count(r => r.GetProperty("title").GetString() is { Length: > 0 } t && t != r.GetProperty("path").GetString()).ShouldBeGreaterThan(rows.Count * 9 / 10);
        Paths(index, "byGrade").ShouldBe(articles.Where(a => a.GetProperty("grade").GetString() == "F").Select(a => a.GetProperty("path").GetString()), ignoreOrder: true);
        Paths(index, "byGrade").ShouldNotBeEmpty();
        index.GetProperty("gradeHash").GetString().ShouldBe("#grade=F");
        var citing = articles.Where(a => a.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("ruleId").GetString() == "PRV1002" && f.GetProperty("severity").GetString() != "hidden")).Select(a => a.GetProperty("path").GetString()).ToList();
        citing.Count.ShouldBeGreaterThan(3);
        Paths(index, "byRule").ShouldBe(citing, ignoreOrder: true);

        // Each scorecard: its highlight check passes; a page is shown as read, never as markup.
        var cards = result.GetProperty("cards").EnumerateArray().ToList();
        cards.Count.ShouldBe(articles.Count);
        foreach (var card in cards)
        {
            var path = card.GetProperty("path").GetString()!;
            card.GetProperty("check").GetString().ShouldBe("ok", path);
            card.GetProperty("scriptText").GetBoolean().ShouldBeFalse(path);
            card.GetProperty("styleText").GetBoolean().ShouldBeFalse(path);
            card.GetProperty("read").GetBoolean().ShouldBe(path.EndsWith(".html", StringComparison.Ordinal), path);
            foreach (var group in card.GetProperty("grouped").EnumerateArray())
            {
                group.GetProperty("places").GetInt32().ShouldBe(group.GetProperty("count").GetInt32(), path);
            }
        }

        // Repeated findings (the same rule and message) are one row with every place.
        cards.SelectMany(c => c.GetProperty("grouped").EnumerateArray()).Max(g => g.GetProperty("count").GetInt32()).ShouldBeGreaterThanOrEqualTo(3);
        cards.Sum(c => c.GetProperty("located").GetInt32()).ShouldBeGreaterThan(500);

        // Every rule link opens the rule's help page.
        var help = result.GetProperty("help").EnumerateObject().ToList();
        help.Count.ShouldBeGreaterThan(10);
        foreach (var link in help)
        {
            link.Value.GetProperty("ok").GetBoolean().ShouldBeTrue(link.Name);
            var id = Path.GetFileNameWithoutExtension(new Uri(link.Name).LocalPath);
            link.Value.GetProperty("heading").GetString().ShouldStartWith(id + ":", customMessage: link.Name);
        }

        new FileInfo(Path.Combine(shots, "index.png")).Length.ShouldBeGreaterThan(10_000);
    }

    private static List<string?> Paths(JsonElement index, string name) => [.. index.GetProperty(name).EnumerateArray().Select(p => p.GetString())];
}
