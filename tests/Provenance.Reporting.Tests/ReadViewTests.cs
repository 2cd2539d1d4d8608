using System.Net;
using System.Text.RegularExpressions;
using Provenance.Articles;
using Provenance.Reporting;
using Provenance.Tests;

namespace Provenance.Reporting.Tests;

/// <summary>
/// An HTML page shown as read: every finding on the saved real pages is either placed in the
/// text the reader took — where its highlight spells the finding's own source text with the
/// markup taken out — or listed by the markup it was read from; and the scorecard shows the text,
/// not the page's scripts and styles.
/// </summary>
public sealed partial class ReadViewTests
{
    [Fact]
    public void Every_finding_on_the_real_pages_is_highlighted_on_its_own_text_or_listed_by_its_markup()
    {
        var placed = 0;
        var outside = 0;
        foreach (var file in RepoPaths.TestPages)
        {
            var name = Path.GetFileName(Path.GetDirectoryName(file))!;
            var report = RunFixture.Default.Check(Article.FromHtml(File.ReadAllText(file), name), TestContext.Current.CancellationToken);
            var findings = report.Analysis.Findings;
            var view = ReadView.Of(report.Article, findings);
            view.Blocks.Length.ShouldBe(report.Article.Blocks.Length);
            var listed = view.Outside.Select(o => o.Finding).ToHashSet();
            for (var i = 0; i < findings.Length; i++)
            {
                var f = findings[i];
                if (f.IsArticleLevel)
                {
                    view.ReadText[i].ShouldBeEmpty();
                    listed.ShouldNotContain(i);
                }
                else if (listed.Contains(i))
                {
                    view.ReadText[i].ShouldBeEmpty();
                    outside++;
                }
                else
                {
                    // The source text with tags removed and entities decoded is what a reader sees
                    // (compared without white space: a reader puts a space where a block tag was).
                    Squeeze(view.ReadText[i]).ShouldBe(Squeeze(WebUtility.HtmlDecode(Tag().Replace(f.MatchedText, string.Empty))), $"{name} {f.Location.Start.Line}:{f.Location.Start.Column} {f.RuleId}");
                    placed++;
                }
            }

            // Each block's marks are in order, inside its text and do not overlap.
            foreach (var block in view.Blocks)
            {
                var at = 0;
                foreach (var mark in block.Marks)
                {
                    mark.Start.ShouldBeGreaterThanOrEqualTo(at);
                    mark.End.ShouldBeGreaterThan(mark.Start);
                    mark.End.ShouldBeLessThanOrEqualTo(block.Text.Length);
                    at = mark.End;
                }
            }
        }

        // Most findings are in the text; the markup ones are metadata (bylines, dates).
        placed.ShouldBeGreaterThan(outside * 3);
        outside.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_page_scorecard_shows_the_text_read_from_it_and_markup_findings_by_their_tag()
    {
        var file = RepoPaths.TestPages.Single(p => p.Contains($"{Path.DirectorySeparatorChar}bbc-1{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var report = RunFixture.Default.Check(Article.FromHtml(File.ReadAllText(file), "bbc-1.html"), TestContext.Current.CancellationToken);
        var html = HtmlScorecard.Render("bbc-1.html", report, RunFixture.Context());
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        // The page's own script (its highlight check) is the only script; no source markup shows.
        page.QuerySelectorAll("script").Length.ShouldBe(1);
        var read = page.QuerySelector("section.read")!;
        read.TextContent.ShouldNotContain("<script", Case.Insensitive);
        read.TextContent.ShouldNotContain("<style", Case.Insensitive);
        read.QuerySelector(".b.title")!.TextContent.ShouldEndWith("Obama admits US gun laws are his 'biggest frustration'");
        read.QuerySelector(".b.title .ln")!.TextContent.ShouldBe(report.Article.Source.GetLinePosition(report.Article.Blocks[0].SourceSpan.Start).Line.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // "BBC News" as author comes from a <meta> tag: listed with it, not highlighted in prose.
        var markup = page.QuerySelector("section.outside")!;
        markup.TextContent.ShouldContain("og:article:author");
        markup.TextContent.ShouldContain("the page's structured data (JSON-LD)");

        // Each row's text is what its highlight spells; a located row shows its source line on demand.
        var rows = page.QuerySelectorAll("section.findings tr[data-target]");
        rows.Length.ShouldBeGreaterThan(10);
        foreach (var row in rows)
        {
            var id = row.GetAttribute("data-target")!;
            var marks = page.QuerySelectorAll("mark[data-f]").Where(m => m.GetAttribute("data-f")!.Split(' ').Contains(id));
            string.Concat(marks.Select(m => m.TextContent)).ShouldBe(row.GetAttribute("data-text"));
            row.QuerySelector("details.src code").ShouldNotBeNull();
        }
    }

    private static string Squeeze(string text) => Space().Replace(text, string.Empty);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
