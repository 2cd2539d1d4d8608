using System.Diagnostics;
using Provenance.Reporting;
using Provenance.Tests;

namespace Provenance.Reporting.Tests;

/// <summary>
/// The HTML scorecards and run index opened in headless Chromium (Debian's package, which .ci/run
/// installs): no console message or script error, every highlight on exactly its finding's text
/// (the page's own check, read back from the rendered DOM), and a screenshot of each page kept in
/// artifacts/screenshots for people to look at.
/// </summary>
public sealed class BrowserTests
{
    private static readonly string Screenshots = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    [Fact]
    public void Scorecards_and_index_render_without_errors_and_with_highlights_on_their_text()
    {
        var chromium = Chromium();
        var folder = Directory.CreateTempSubdirectory("provenance-browser-").FullName;
        var run = RunFixture.Samples();
        var context = RunFixture.Context();
        var pages = new List<string>();
        foreach (var item in run.Items.Where(i => i.Report is not null))
        {
            var path = Path.Combine(folder, Path.GetFileName(item.Path) + ".html");
            File.WriteAllText(path, HtmlScorecard.Render(item.Path, item.Report!, context, "index.html"));
            pages.Add(path);
        }

        var index = Path.Combine(folder, "index.html");
        File.WriteAllText(index, RunIndexPage.Render(run, context));
        pages.Add(index);
        Directory.CreateDirectory(Screenshots);
        foreach (var page in pages)
        {
            var (dom, log) = Browse(chromium, "--dump-dom", page);
            log.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ShouldBeEmpty($"{Path.GetFileName(page)} wrote to the console");
            dom.ShouldContain("data-check=\"ok\"", customMessage: $"{Path.GetFileName(page)}: the page's highlight check did not pass");
            var shot = Path.Combine(Screenshots, Path.GetFileNameWithoutExtension(page) + ".png");
            Browse(chromium, $"--screenshot={shot}", page, "--window-size=1200,1600", "--hide-scrollbars");
            new FileInfo(shot).Length.ShouldBeGreaterThan(10_000);
        }
    }

    [Fact]
    public void The_index_filters_by_grade_rule_and_text_from_its_address()
    {
        var folder = Directory.CreateTempSubdirectory("provenance-index-").FullName;
        var run = RunFixture.Samples();
        var index = Path.Combine(folder, "index.html");
        File.WriteAllText(index, RunIndexPage.Render(run, RunFixture.Context()));
        var grades = run.Items.Where(i => i.Report is not null).Select(i => (i.Path, i.Report!.Scorecard.Grade)).ToList();

        var (dom, _) = Browse(Chromium(), "--dump-dom", new Uri(index).AbsoluteUri + "#grade=F");
        var parsed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(dom);
        var shown = parsed.QuerySelectorAll("table.articles tbody tr:not([hidden])").Select(r => r.GetAttribute("data-path")).ToList();
        shown.ShouldBe(grades.Where(g => g.Grade == "F").Select(g => g.Path), ignoreOrder: true);
        parsed.QuerySelector("p.shown")!.TextContent.ShouldBe($"{shown.Count} of {run.Items.Length} articles shown");

        (dom, _) = Browse(Chromium(), "--dump-dom", new Uri(index).AbsoluteUri + "#rule=PRV1001&q=cnn");
        parsed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(dom);
        parsed.QuerySelectorAll("table.articles tbody tr:not([hidden])").Select(r => r.GetAttribute("data-path")).ShouldBe(["samples/hezbollah-original-source-cnn.txt"]);
    }

    [Fact]
    public void A_page_scorecard_checks_each_highlight_against_the_finding_source_text()
    {
        // The page's check must be able to fail: a highlight placed on the wrong words of a page
        // no longer spells its finding's source text once the markup is taken out.
        var file = RepoPaths.TestPages.Single(p => p.Contains($"{Path.DirectorySeparatorChar}bbc-1{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var report = RunFixture.Default.Check(Provenance.Articles.Article.FromHtml(File.ReadAllText(file), "bbc-1.html"), TestContext.Current.CancellationToken);
        var html = HtmlScorecard.Render("bbc-1.html", report, RunFixture.Context());
        var (good, _) = Browse(Chromium(), "--dump-dom", RunFixture.Temp("good.html", html));
        good.ShouldContain("data-check=\"ok\"");
        html.ShouldContain("data-source=\"&quot;distressing&quot;\"");
        var (bad, _) = Browse(Chromium(), "--dump-dom", RunFixture.Temp("bad.html", html.Replace("data-source=\"&quot;distressing&quot;\"", "data-source=\"&quot;dismaying&quot;\"", StringComparison.Ordinal)));
        bad.ShouldMatch("data-check=\"mismatch f\\d+\\(source\\)\"");
    }

    [Fact]
    public void The_console_check_notices_a_script_error()
    {
        var page = RunFixture.Temp("broken.html", "<html><body data-check=\"pending\"><script>undefinedFunction();</script></body></html>");
        var (dom, log) = Browse(Chromium(), "--dump-dom", page);
        log.ShouldContain(":CONSOLE");
        dom.ShouldNotContain("data-check=\"ok\"");
    }

    private static string Chromium() => ChromiumPath.Require();

    private static (string Stdout, string Stderr) Browse(string chromium, string action, string page, params string[] extra)
    {
        var profile = Directory.CreateTempSubdirectory("provenance-chromium-").FullName;
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", .. extra, action, page.Contains("://", StringComparison.Ordinal) ? page : new Uri(page).AbsoluteUri])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromSeconds(60)).ShouldBeTrue("chromium did not finish within a minute");
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile still locked by a child process is left in the temp folder.
        }

        return (stdout.Result, stderr.Result);
    }
}
