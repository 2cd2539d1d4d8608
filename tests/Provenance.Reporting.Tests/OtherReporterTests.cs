using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Provenance.Reporting;
using Provenance.Tests;

namespace Provenance.Reporting.Tests;

public sealed class OtherReporterTests
{
    [Fact]
    public void JUnit_is_read_by_a_real_consumer_with_one_case_per_article()
    {
        var xml = RunFixture.Write(new JUnitReporter(RunFixture.Context(failBelow: 25)), RunFixture.Samples());
        using var parsed = JsonDocument.Parse(NodeTools.Run("junit.mjs", RunFixture.Temp("junit.xml", xml)));
        var root = parsed.RootElement;
        root.GetProperty("tests").GetInt32().ShouldBe(6);
        root.GetProperty("errors").GetInt32().ShouldBe(1);
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        cases.Count.ShouldBe(6);
        var failing = cases.Where(c => c.GetProperty("failure").ValueKind == JsonValueKind.String).Select(c => c.GetProperty("name").GetString()!).ToList();
        var expected = RunFixture.Samples().Items.Where(i => i.Report is { } r && r.Scorecard.Score < 25).Select(i => i.Path).ToList();
        failing.ShouldBe(expected);
        root.GetProperty("failures").GetInt32().ShouldBe(expected.Count);
    }

    [Fact]
    public void GitHub_annotations_escape_their_properties_and_data()
    {
        var output = RunFixture.Write(new GitHubReporter(RunFixture.Context()), RunFixture.Samples());
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldAllBe(l => l.StartsWith("::", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("::notice file=samples/hezbollah-original-source-cnn.txt,line=11,col=1,endLine=11,endColumn=29,title=PRV1001 Original source credited::Credits CNN (www.cnn.com) as the original source: the text derives", StringComparison.Ordinal));
        lines.ShouldContain(l => Regex.IsMatch(l, "title=Provenance score [0-9]+/100%2C grade [A-F]::"), "commas in a property are escaped");
        lines.ShouldContain(l => l.StartsWith("::error file=samples/broken.txt,line=1,title=PRV0001 Article could not be read::", StringComparison.Ordinal));
    }

    [Fact]
    public void GitLab_code_quality_issues_have_what_gitlab_requires_and_unique_fingerprints()
    {
        var run = RunFixture.Samples();
        using var json = JsonDocument.Parse(RunFixture.Write(Reporters.Create("gitlab", RunFixture.Context()), run));
        var issues = json.RootElement.EnumerateArray().ToList();
        var visible = run.Items.Sum(i => i.Report?.Analysis.Findings.Count(f => f.Severity != Rules.Severity.Hidden) ?? 1);
        issues.Count.ShouldBe(visible);
        foreach (var issue in issues)
        {
            issue.GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace();
            issue.GetProperty("check_name").GetString()!.ShouldMatch("^PRV[0-9]{4}$");
            issue.GetProperty("severity").GetString().ShouldBeOneOf("info", "minor", "major", "critical", "blocker");
            var location = issue.GetProperty("location");
            run.Items.Select(i => i.Path).ShouldContain(location.GetProperty("path").GetString());
            var line = location.TryGetProperty("lines", out var lines)
                ? lines.GetProperty("begin").GetInt32()
                : location.GetProperty("positions").GetProperty("begin").GetProperty("line").GetInt32();
            line.ShouldBeGreaterThanOrEqualTo(1);
        }

        // GitLab shows only the first issue of a fingerprint: two findings must never share one.
        issues.Select(i => i.GetProperty("fingerprint").GetString()).ShouldBeUnique();
        var credit = issues.Single(i => i.GetProperty("check_name").GetString() == "PRV1001" && i.GetProperty("location").GetProperty("path").GetString()!.EndsWith("hezbollah-original-source-cnn.txt", StringComparison.Ordinal));
        credit.GetProperty("severity").GetString().ShouldBe("info");
        credit.GetProperty("location").GetProperty("positions").GetProperty("begin").GetProperty("line").GetInt32().ShouldBe(11);
        credit.GetProperty("description").GetString()!.ShouldStartWith("Credits CNN (www.cnn.com) as the original source");
        issues.Single(i => i.GetProperty("location").GetProperty("path").GetString() == "samples/broken.txt").GetProperty("severity").GetString().ShouldBe("critical");
    }

    [Fact]
    public void A_failing_article_is_a_github_error_saying_why_and_a_passing_one_a_notice()
    {
        var output = RunFixture.Write(new GitHubReporter(RunFixture.Context(failBelow: 40)), RunFixture.Samples());
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldContain(l => Regex.IsMatch(l, @"^::error file=samples/miami-restraint-spun\.txt,line=1,title=Provenance score 13/100%2C grade F::Fails: score 13 is below 40 \("));
        lines.ShouldContain(l => l.StartsWith("::notice file=samples/hezbollah-original-source-cnn.txt,line=1,title=Provenance score 63/100%2C grade C::", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_says_why_each_failing_article_fails_under_its_scorecard_and_in_the_table()
    {
        var output = RunFixture.Write(new TextReporter(RunFixture.Context(failBelow: 40)), RunFixture.Samples());
        output.ShouldContain("samples/miami-restraint-spun.txt: score 13/100, grade F");
        output.ShouldContain("\n  fails: score 13 is below 40\n");
        output.ShouldContain("samples/miami-restraint-spun.txt  (fails: score 13 is below 40)\n");
        output.ShouldContain("samples/hezbollah-original-source-cnn.txt\n", customMessage: "a passing article's row says nothing more");
        output.ShouldContain("samples/broken.txt (unreadable; fails)");
    }

    [Fact]
    public void MSBuild_lines_carry_the_full_range()
    {
        var output = RunFixture.Write(new MsBuildReporter(), RunFixture.Samples());
        output.ShouldContain("samples/hezbollah-original-source-cnn.txt(11,1,11,29): info PRV1001: Credits CNN (www.cnn.com)");
        output.ShouldContain("samples/miami-restraint-spun.txt(1,1): warning PRV2004: No named source");
    }

    [Fact]
    public void Html_scorecard_highlights_each_finding_on_its_text()
    {
        var run = RunFixture.Samples();
        var item = run.Items.Single(i => i.Path.EndsWith("hezbollah-original-source-cnn.txt", StringComparison.Ordinal));
        var page = HtmlScorecard.Render(item.Path, item.Report!, RunFixture.Context());
        var document = new HtmlParser().ParseDocument(page);
        var rows = document.QuerySelectorAll("[data-target]");
        rows.Length.ShouldBe(item.Report!.Analysis.Findings.Count(f => !f.IsArticleLevel));
        foreach (var row in rows)
        {
            var id = row.GetAttribute("data-target")!;
            var text = string.Concat(document.QuerySelectorAll("mark[data-f]").Where(m => m.GetAttribute("data-f")!.Split(' ').Contains(id)).Select(m => m.TextContent));
            text.ShouldBe(row.GetAttribute("data-text"));
        }

        document.QuerySelectorAll("link[href], script[src], img[src]").ShouldBeEmpty("the page must stand alone");
        document.QuerySelector(".score .value")!.TextContent.ShouldBe(item.Report.Scorecard.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_repeated_finding_is_one_row_with_its_count_and_each_place_linked_to_its_highlight()
    {
        // Three embedded posts of one police account (BuzzFeed-Webis 2016, CC BY 4.0): one finding three times.
        const string text = """
            Looting suspects sought

            Detectives are working diligently to identify looting suspects, sign warrants and make arrests.This is their board of open cases. pic.twitter.com/aTa4NjbBEw

            — CMPD News (@CMPD) September 25, 2016

            Wanted on numerous charges in connection with damage and looting at Buffalo Wild Wings: Marcellis McKenzie. pic.twitter.com/VXJtPVx0zz

            — CMPD News (@CMPD) September 22, 2016

            Arrested in connection with damage and looting at Buffalo Wild Wings: Marcellis McKenzie (9/15/86) pic.twitter.com/q4SoOX3Z69

            — CMPD News (@CMPD) September 25, 2016
            """;
        var report = ProvenanceChecker.CreateDefault().Check(Articles.Article.FromText(text, "cmpd.txt"), TestContext.Current.CancellationToken);
        var embeds = report.Analysis.Findings.Where(f => f.RuleId == "PRV1012").ToList();
        embeds.Count.ShouldBe(3);
        var document = new HtmlParser().ParseDocument(HtmlScorecard.Render("cmpd.txt", report, RunFixture.Context()));
        var group = document.QuerySelectorAll("tr.group").ShouldHaveSingleItem();
        group.QuerySelector(".count")!.TextContent.ShouldBe("×3");
        var places = group.QuerySelectorAll("a[data-target]");
        places.Select(a => a.TextContent).ShouldBe(embeds.Select(f => $"{f.Location.Start.Line}:{f.Location.Start.Column}"));
        foreach (var place in places)
        {
            var id = place.GetAttribute("data-target")!;
            string.Concat(document.QuerySelectorAll("mark[data-f]").Where(m => m.GetAttribute("data-f")!.Split(' ').Contains(id)).Select(m => m.TextContent)).ShouldBe(place.GetAttribute("data-text"));
        }

        MarkdownScorecard.Render("cmpd.txt", report, RunFixture.Context()).ShouldContain($"| {string.Join(", ", embeds.Select(f => $"{f.Location.Start.Line}:{f.Location.Start.Column}"))} | PRV1012 | info | {embeds[0].Message.Replace("|", "\\|", StringComparison.Ordinal)} (×3) |");
    }

    [Fact]
    public void Scorecard_rule_ids_link_to_their_help_pages_when_asked()
    {
        var item = RunFixture.Samples().Items.Single(i => i.Path.EndsWith("hezbollah-original-source-cnn.txt", StringComparison.Ordinal));
        var linked = new HtmlParser().ParseDocument(HtmlScorecard.Render(item.Path, item.Report!, RunFixture.Context(), "../index.html", "../rules/"));
        linked.QuerySelectorAll("section.findings a[href$='.html']").Select(a => a.GetAttribute("href")).ShouldContain("../rules/PRV1001.html");
        var plain = new HtmlParser().ParseDocument(HtmlScorecard.Render(item.Path, item.Report!, RunFixture.Context()));
        plain.QuerySelectorAll("section.findings a[href$='.html']").ShouldBeEmpty();
        var help = new HtmlParser().ParseDocument(RuleHelpPage.Render(RunFixture.Context().Rules.Find("PRV1001")!, RunFixture.Context().Scoring, "../index.html"));
        help.QuerySelector("h1")!.TextContent.ShouldBe("PRV1001: Original source credited");
        help.QuerySelectorAll("table td").Select(td => td.TextContent).ShouldContain("provenance.attribution");
    }

    [Fact]
    public void Run_index_lists_every_article_and_draws_the_distribution()
    {
        var run = RunFixture.Samples();
        var document = new HtmlParser().ParseDocument(RunIndexPage.Render(run, RunFixture.Context()));
        document.QuerySelectorAll("table.articles tbody tr").Length.ShouldBe(run.Items.Length);
        document.QuerySelectorAll("table.articles a[href]").Select(a => a.GetAttribute("href")).ShouldContain("samples/hezbollah-original-source-cnn.txt.html");
        var bars = document.QuerySelectorAll("svg.histogram rect.bar title").Select(t => int.Parse(t.TextContent.Split(": ")[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        bars.Count.ShouldBe(10);
        bars.Sum().ShouldBe(run.Reports.Count());
    }

    [Fact]
    public void Run_index_answers_an_editor_s_first_questions_per_article()
    {
        var run = RunFixture.Samples();
        var document = new HtmlParser().ParseDocument(RunIndexPage.Render(run, RunFixture.Context(failBelow: 40)));
        var row = document.QuerySelectorAll("table.articles tbody tr").Single(r => r.GetAttribute("data-path") == "samples/miami-restraint-spun.txt");
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        var report = run.Items.Single(i => i.Path == "samples/miami-restraint-spun.txt").Report!;
        cells[4].ShouldBe(report.Scorecard.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cells[5].ShouldBe(report.Scorecard.Grade);
        cells[6].ShouldBe(report.Analysis.Findings.Count(f => f.Severity != Rules.Severity.Hidden).ToString(System.Globalization.CultureInfo.InvariantCulture));
        cells[7].ShouldBe(report.Scorecard.Contributions.Where(c => c.Points < 0 && c.Kind == Scoring.ContributionKind.Signal).MinBy(c => c.Points)!.Reason);
        cells[8].ShouldBe($"fails: score {report.Scorecard.Score} is below 40");
        row.GetAttribute("data-rules")!.Split(' ').ShouldContain("PRV2004");
        document.QuerySelectorAll("select[name=rule] option").Select(o => o.GetAttribute("value")).ShouldContain("PRV2004");
    }

    [Fact]
    public void Markdown_scorecard_explains_every_point()
    {
        var run = RunFixture.Samples();
        var item = run.Items.First(i => i.Report is not null);
        var md = MarkdownScorecard.Render(item.Path, item.Report!, RunFixture.Context());
        md.ShouldContain($"**Score {item.Report!.Scorecard.Score}/100");
        md.ShouldContain("## How the score was reached");
        item.Report.Scorecard.Contributions.ShouldAllBe(c => md.Contains(c.Reason.Replace("|", "\\|", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    public static TheoryData<string> Formats => [.. Reporters.Names];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_is_the_same_bytes_on_every_run(string format)
    {
        var first = RunFixture.Write(Reporters.Create(format, RunFixture.Context()), RunFixture.Samples());
        var second = RunFixture.Write(Reporters.Create(format, RunFixture.Context()), RunFixture.Samples());
        second.ShouldBe(first);
    }

    [Fact]
    public void Json_names_every_kind_of_scorecard_line_as_documented()
    {
        // The names are made once for the reporter, not per line: each kind is checked, not only
        // the two most articles have.
        var samples = RunFixture.Samples();
        var report = samples.Items[0].Report!;
        var lines = Enum.GetValues<Scoring.ContributionKind>()
            .Select(kind => new Scoring.Contribution(kind, "sourcing", 0, $"a {kind} line", null, null, null)).ToImmutableArray();
        var run = samples with { Items = [samples.Items[0] with { Report = report with { Scorecard = report.Scorecard with { Contributions = lines } } }] };
        using var json = JsonDocument.Parse(RunFixture.Write(Reporters.Create("json", RunFixture.Context()), run));
        var kinds = json.RootElement.GetProperty("articles")[0].GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("kind").GetString());
        kinds.ShouldBe(["base", "signal", "notCounted", "cap", "clamp"]);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Json_formats_are_written_an_article_at_a_time_not_held_whole(string format)
    {
        // A run of 20,000 articles makes a report of hundreds of megabytes; held whole and copied
        // to a string it took 2.2 GB.
        var samples = RunFixture.Samples();
        var run = samples with { Items = [.. Enumerable.Range(0, 40).SelectMany(i => samples.Items.Select(item => item with { Path = $"{i}/{item.Path}" }))] };
        var writer = new LargestWrite();
        Reporters.Create(format, RunFixture.Context()).Write(run, writer);
        var whole = RunFixture.Write(Reporters.Create(format, RunFixture.Context()), run);
        writer.ToString().ShouldBe(whole);
        writer.Largest.ShouldBeLessThan(whole.Length / 10);

        // Yet not one write per article either: each write to a report file is a system call.
        writer.Writes.ShouldBeLessThan(run.Items.Length / 4);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Json_formats_under_a_utf8_stream_writer_write_bytes_in_order(string format)
    {
        // Under a UTF-8 stream writer the JSON's bytes bypass the text writer; what was written
        // before must stay before, and the bytes must be those the text path gives.
        var run = RunFixture.Samples(text => text.Replace("said", "said “quoted” — é", StringComparison.Ordinal));
        var whole = RunFixture.Write(Reporters.Create(format, RunFixture.Context()), run);
        using var bytes = new MemoryStream();
        using (var writer = new StreamWriter(bytes, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            writer.Write("before\n");
            Reporters.Create(format, RunFixture.Context()).Write(run, writer);
        }

        System.Text.Encoding.UTF8.GetString(bytes.ToArray()).ShouldBe("before\n" + whole);
    }

    private sealed class LargestWrite : StringWriter
    {
        public int Largest { get; private set; }

        public int Writes { get; private set; }

        public override void Write(string? value)
        {
            Writes++;
            Largest = Math.Max(Largest, value?.Length ?? 0);
            base.Write(value);
        }
    }
}
