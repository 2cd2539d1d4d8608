using System.Text.Json;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary><c>provenance copies</c> run as a user runs it, on the samples and a rewrite of one.</summary>
public sealed class CopiesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("provenance-copies-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // The sample articles, as a folder of content under the test's directory.
    private void CopySamplesTo(string folder)
    {
        Directory.CreateDirectory(Path.Combine(_dir, folder));
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.txt"))
        {
            File.Copy(sample, Path.Combine(_dir, folder, Path.GetFileName(sample)));
        }
    }

    [Fact]
    public void A_rewrite_is_named_with_its_original_and_where_the_text_is_in_text_and_json()
    {
        CopySamplesTo("content");

        // An aggregator's copy: a new headline and a newsletter prompt the rules read as padding.
        var original = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        File.WriteAllText(Path.Combine(_dir, "content", "zz-aggregator.txt"), string.Join("\n\n", ["Israel hits Hezbollah again", .. original.Skip(1), "Get your daily dose of news by entering your email address below."]));

        var (code, output, error) = ToolProcess.Run(_dir, ["copies", "content"]);
        code.ShouldBe(0, error);
        var lines = output.Split('\n');
        lines[0].ShouldBe("1 group of articles share text: 2 of 6 articles compared (6 read)");
        output.ShouldContain("content/hezbollah-original-source-cnn.txt, content/zz-aggregator.txt");
        // The newsletter prompt is padding and the headline is the aggregator's own: the rest is the same text.
        output.ShouldMatch(@"content/zz-aggregator\.txt: the same text as content/hezbollah-original-source-cnn\.txt \(lines 3–\d+ ↔ lines 3–\d+\)");

        var (jsonCode, json, _) = ToolProcess.Run(_dir, ["copies", "content", "--format", "json"]);
        jsonCode.ShouldBe(0);
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("compared").GetInt32().ShouldBe(6);
        var pair = document.RootElement.GetProperty("clusters").EnumerateArray().Single().GetProperty("pairs").EnumerateArray().Single();
        pair.GetProperty("first").GetString().ShouldBe("content/hezbollah-original-source-cnn.txt");
        pair.GetProperty("firstShare").GetDouble().ShouldBe(1.0);
        pair.GetProperty("secondShare").GetDouble().ShouldBe(1.0);
        pair.GetProperty("firstLines")[0].GetInt32().ShouldBe(3);

        ToolProcess.Run(_dir, ["copies", "content", "--min-share", "1.5"]).Error.ShouldContain("--min-share expects a share between 0 and 1");
    }

    [Fact]
    public void The_page_a_copy_credits_is_named_the_likely_original_and_an_uncredited_rewrite_is_said_to_be_one()
    {
        WriteCnnCopies("site");

        var (code, output, error) = ToolProcess.Run(_dir, ["copies", "site"]);
        code.ShouldBe(0, error);
        output.ShouldContain("  likely original: site/cnn.html, another article of the group credits it");
        output.ShouldContain("  site/aggregator.html: credited copy (credits CNN (www.cnn.com), the original's site)");
        output.ShouldContain("  site/blog.html: uncredited copy: it names no source for its text");
    }

    // Real paragraphs (the CNN sample's) as three pages: CNN's own, dated; an aggregator's copy
    // crediting it a day later; a blog's copy crediting no one.
    private void WriteCnnCopies(string folder)
    {
        var paragraphs = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Where(p => !p.StartsWith("Original Source", StringComparison.Ordinal)).Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>");
        var body = string.Concat(paragraphs);
        Directory.CreateDirectory(Path.Combine(_dir, folder));
        File.WriteAllText(Path.Combine(_dir, folder, "cnn.html"), $"<html><head><title>Israel strikes</title><link rel=\"canonical\" href=\"https://edition.cnn.com/2024/10/01/middleeast/story\"><meta property=\"article:published_time\" content=\"2024-10-01T08:00:00Z\"></head><body><article><h1>Israel strikes</h1>{body}</article></body></html>");
        File.WriteAllText(Path.Combine(_dir, folder, "aggregator.html"), $"<html><head><title>Strikes</title><meta property=\"article:published_time\" content=\"2024-10-02T08:00:00Z\"></head><body><article><h1>Strikes in Lebanon</h1>{body}<p>Original Source: www.cnn.com</p></article></body></html>");
        File.WriteAllText(Path.Combine(_dir, folder, "blog.html"), $"<html><head><title>Blog</title></head><body><article><h1>What happened today</h1>{body}</article></body></html>");
    }

    [Fact]
    public void Check_with_copies_reports_each_copy_as_a_finding_pointing_at_its_original_and_scores_it()
    {
        WriteCnnCopies("site");
        var (plainCode, plainJson, plainError) = ToolProcess.Run(_dir, ["check", "site", "--format", "json", "--fail-on", "none"]);
        plainCode.ShouldBe(0, plainError);
        var (code, json, error) = ToolProcess.Run(_dir, ["check", "site", "--copies", "--format", "json", "--format", "sarif=copies.sarif", "--fail-on", "none"]);
        code.ShouldBe(0, error);

        static Dictionary<string, JsonElement> Articles(string json) =>
            JsonDocument.Parse(json).RootElement.GetProperty("articles").EnumerateArray().ToDictionary(a => a.GetProperty("path").GetString()!);
        static JsonElement? Finding(JsonElement article, string id) =>
            article.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleId").GetString() == id).Cast<JsonElement?>().SingleOrDefault();
        var (before, after) = (Articles(plainJson), Articles(json));

        // The blog's uncredited copy: a warning at its shared lines, pointing into CNN's page, 10 points off.
        var blog = Finding(after["site/blog.html"], "PRV8001").ShouldNotBeNull();
        blog.GetProperty("severity").GetString().ShouldBe("warning");
        blog.GetProperty("message").GetString().ShouldStartWith("100% of this text also appears in site/cnn.html (line 1), which it does not credit: an uncredited copy or rewrite");
        var original = blog.GetProperty("related").EnumerateArray().Single();
        original.GetProperty("path").GetString().ShouldBe("site/cnn.html");
        after["site/blog.html"].GetProperty("score").GetInt32().ShouldBe(before["site/blog.html"].GetProperty("score").GetInt32() - 10);
        after["site/blog.html"].GetProperty("contributions").EnumerateArray().ShouldContain(c => c.GetProperty("kind").GetString() == "signal" && c.GetProperty("reason").GetString() == "Reuses much of the text of site/cnn.html without crediting it");

        // The aggregator credits CNN: credited syndication, a few points more.
        Finding(after["site/aggregator.html"], "PRV8002").ShouldNotBeNull().GetProperty("severity").GetString().ShouldBe("info");
        after["site/aggregator.html"].GetProperty("score").GetInt32().ShouldBeGreaterThan(before["site/aggregator.html"].GetProperty("score").GetInt32());

        // CNN's page is told where else its text is.
        Finding(after["site/cnn.html"], "PRV8003").ShouldNotBeNull().GetProperty("related").GetArrayLength().ShouldBe(2);

        // SARIF: the copy rules are listed, and a copy's result points into the original.
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "copies.sarif")));
        var run = sarif.RootElement.GetProperty("runs")[0];
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldContain("PRV8001");
        var result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "PRV8001");
        result.GetProperty("relatedLocations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("site/cnn.html");
    }

    [Fact]
    public void The_line_on_articles_changed_before_the_search_could_read_them_again_names_them()
    {
        // The engine's tests change files during a run (EngineTests); here, the words `check
        // --copies`, `copies` and `baseline create --copies` write on the error stream.
        var search = new Provenance.Hosting.CopySearch(3, 3, [], []);
        var quiet = new StringWriter();
        Provenance.Cli.CopiesCommand.WriteUnread(search, quiet);
        quiet.ToString().ShouldBeEmpty();

        var one = new StringWriter();
        Provenance.Cli.CopiesCommand.WriteUnread(search with { Unread = ["site/a.txt"] }, one);
        one.ToString().ShouldBe("provenance: 1 article was changed or removed after its check and took no part in the search for copies: site/a.txt" + Environment.NewLine);

        var many = new StringWriter();
        Provenance.Cli.CopiesCommand.WriteUnread(search with { Unread = [.. Enumerable.Range(1, 7).Select(i => $"site/{i}.txt")] }, many);
        many.ToString().ShouldStartWith("provenance: 7 articles were changed or removed after their check");
        many.ToString().ShouldContain("site/5.txt, …");
        many.ToString().ShouldNotContain("site/6.txt");
    }

    [Fact]
    public void Copies_are_found_the_same_when_the_articles_come_from_the_cache()
    {
        WriteCnnCopies("site");
        string[] run = ["check", "site", "--copies", "--cache", "--format", "msbuild", "--fail-on", "none"];
        var (firstCode, first, firstError) = ToolProcess.Run(_dir, run);
        firstCode.ShouldBe(0, firstError);
        first.ShouldContain("PRV8001");
        var (secondCode, second, secondError) = ToolProcess.Run(_dir, run);
        secondCode.ShouldBe(0, secondError);
        secondError.ShouldContain("(3 from the cache)");
        second.ShouldBe(first);
    }

    [Fact]
    public void A_baseline_made_with_copies_accepts_the_copy_findings_of_a_check_with_copies()
    {
        WriteCnnCopies("site");
        ToolProcess.Run(_dir, ["baseline", "create", "site"]).Code.ShouldBe(0);
        ToolProcess.Run(_dir, ["check", "site", "--copies", "--baseline", Provenance.Reporting.Baseline.FileName, "--format", "msbuild", "--fail-on", "none"]).Output.ShouldContain("PRV8001");

        ToolProcess.Run(_dir, ["baseline", "create", "site", "--copies"]).Code.ShouldBe(0);
        var (code, output, error) = ToolProcess.Run(_dir, ["check", "site", "--copies", "--baseline", Provenance.Reporting.Baseline.FileName, "--format", "msbuild", "--fail-on", "warning"]);
        code.ShouldBe(0, error);
        output.ShouldNotContain("PRV80");
    }

    [Fact]
    public void A_copy_rules_severity_is_configured_like_any_rules()
    {
        WriteCnnCopies("site");
        File.WriteAllText(Path.Combine(_dir, "provenance.json"), """{ "rules": { "PRV8001": "error", "PRV8003": "none" } }""");
        var (code, output, error) = ToolProcess.Run(_dir, ["check", "site", "--copies", "--format", "msbuild"]);
        code.ShouldBe(1, error);
        output.ShouldMatch(@"site/blog\.html\(\d+,\d+,\d+,\d+\): error PRV8001: ");
        output.ShouldNotContain("PRV8003");

        // Without --copies the rules are quiet, and naming them in the configuration is no error.
        var (plainCode, plainOutput, plainError) = ToolProcess.Run(_dir, ["check", "site", "--format", "msbuild"]);
        plainCode.ShouldBe(0, plainError);
        plainOutput.ShouldNotContain("PRV80");
    }

    [Fact]
    public void Check_with_copies_lists_them_after_the_report_and_each_scorecard_says_where_else_its_text_is()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "content"));
        File.Copy(RepoPaths.Sample("hezbollah-original-source-cnn.txt"), Path.Combine(_dir, "content", "cnn.txt"));
        File.Copy(RepoPaths.Sample("miami-restraint-spun.txt"), Path.Combine(_dir, "content", "miami.txt"));
        var original = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        File.WriteAllText(Path.Combine(_dir, "content", "reprint.txt"), string.Join("\n\n", ["Israel hits Hezbollah again", .. original.Skip(1).Where(p => !p.StartsWith("Original Source", StringComparison.Ordinal))]));

        var (code, output, error) = ToolProcess.Run(_dir, ["check", "content", "--copies", "--report-dir", "report", "--format", "msbuild"]);
        code.ShouldBe(0, error);
        output.ShouldContain("\n1 group of articles share text: 2 of 3 articles compared (3 read)\n");
        // The credit line of CNN's copy is in its footer zone, left out: the two texts are the same.
        output.ShouldContain("  content/reprint.txt: the same text, naming no source: an uncredited reprint, or the same article at another address");

        var card = File.ReadAllText(Path.Combine(_dir, "report", "content", "reprint.txt.html"));
        card.ShouldContain("<h2>Also published as</h2>");
        card.ShouldContain("The same text as content/cnn.txt, the likely original");
        card.ShouldContain("<a href=\"../content/cnn.txt.html\">content/cnn.txt</a>: 100% of this text is also in it");
        File.ReadAllText(Path.Combine(_dir, "report", "content", "cnn.txt.html")).ShouldContain("Likely the original of these 2 articles");
        File.ReadAllText(Path.Combine(_dir, "report", "content", "miami.txt.html")).ShouldNotContain("Also published as");
        var index = File.ReadAllText(Path.Combine(_dir, "report", "index.html"));
        index.ShouldContain("<small class=\"copies\">likely original of 1 copy</small>");
        index.ShouldContain("<small class=\"copies\">same text as content/cnn.txt</small>");

        // The copy rules' findings link help pages that are written with the scorecards.
        File.ReadAllText(Path.Combine(_dir, "report", "rules", "PRV8004.html")).ShouldContain("Same text elsewhere");

        // Without --copies nothing is looked for.
        ToolProcess.Run(_dir, ["check", "content", "--format", "msbuild"]).Output.ShouldNotContain("share text");
    }

    [Fact]
    public void Index_add_keeps_an_archive_that_copies_against_looks_new_texts_up_in()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "published"));
        File.Copy(RepoPaths.Sample("hezbollah-original-source-cnn.txt"), Path.Combine(_dir, "published", "cnn.txt"));
        File.Copy(RepoPaths.Sample("miami-restraint-spun.txt"), Path.Combine(_dir, "published", "miami.txt"));
        var original = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Directory.CreateDirectory(Path.Combine(_dir, "drafts"));
        File.WriteAllText(Path.Combine(_dir, "drafts", "excerpt.txt"), string.Join("\n\n", ["Israel hits Hezbollah again", .. original.Skip(1).Take(2)]));

        var (code, output, error) = ToolProcess.Run(_dir, ["index", "add", "published", "--db", "archive.db"]);
        code.ShouldBe(0, error);
        output.ShouldBe("archive.db: 2 added, 0 updated, 0 unchanged; 2 articles archived\n");
        ToolProcess.Run(_dir, ["index", "add", "published", "--db", "archive.db"]).Output.ShouldBe("archive.db: 0 added, 0 updated, 2 unchanged; 2 articles archived\n");

        (code, output, error) = ToolProcess.Run(_dir, ["copies", "drafts", "--against", "archive.db"]);
        code.ShouldBe(0, error);
        output.ShouldStartWith("1 of 1 articles compared have text in archive.db (2 archived; 1 read)\n\ndrafts/excerpt.txt (Israel hits Hezbollah again)\n");
        output.ShouldMatch(@"  100% of its text was archived as published/cnn\.txt, lines 3–\d+ ↔ lines 3–\d+; that is [1-9]\d% of it\n");

        var (jsonCode, json, _) = ToolProcess.Run(_dir, ["copies", "drafts", "--against", "archive.db", "--format", "json"]);
        jsonCode.ShouldBe(0);
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("archived").GetInt32().ShouldBe(2);
        var match = document.RootElement.GetProperty("found").EnumerateArray().Single().GetProperty("matches").EnumerateArray().Single();
        match.GetProperty("path").GetString().ShouldBe("published/cnn.txt");
        match.GetProperty("share").GetDouble().ShouldBe(1.0);
        match.GetProperty("archivedShare").GetDouble().ShouldBeLessThan(1.0);

        var missing = ToolProcess.Run(_dir, ["copies", "drafts", "--against", "nowhere.db"]);
        missing.Code.ShouldBe(2);
        missing.Error.ShouldContain("no archive there; 'provenance index add FOLDER --db");
        File.Exists(Path.Combine(_dir, "nowhere.db")).ShouldBeFalse();
    }

    [Fact]
    public void Check_lists_copies_and_archive_matches_after_a_report_of_lines_and_on_the_error_stream_after_a_json_document()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "published"));
        File.Copy(RepoPaths.Sample("hezbollah-original-source-cnn.txt"), Path.Combine(_dir, "published", "cnn.txt"));
        var original = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Directory.CreateDirectory(Path.Combine(_dir, "drafts"));
        File.WriteAllText(Path.Combine(_dir, "drafts", "excerpt.txt"), string.Join("\n\n", ["Israel hits Hezbollah again", .. original.Skip(1).Take(2)]));
        ToolProcess.Run(_dir, ["index", "add", "published", "--db", "archive.db"]).Code.ShouldBe(0);

        var (code, output, error) = ToolProcess.Run(_dir, ["check", "drafts", "--against", "archive.db", "--format", "msbuild", "--fail-on", "none"]);
        code.ShouldBe(0, error);
        output.ShouldContain("drafts/excerpt.txt(");
        output.ShouldContain("\n\n1 of 1 articles compared have text in archive.db (1 archived; 1 read)\n\ndrafts/excerpt.txt (Israel hits Hezbollah again)\n  100% of its text was archived as published/cnn.txt");

        // A JSON report on standard output stays one document: the listings go to the error stream.
        (code, output, error) = ToolProcess.Run(_dir, ["check", "drafts", "published", "--copies", "--against", "archive.db", "--format", "json", "--fail-on", "none"]);
        code.ShouldBe(0, error);
        using var document = JsonDocument.Parse(output);
        document.RootElement.GetProperty("articles").GetArrayLength().ShouldBe(2);
        error.ShouldContain("1 group of articles share text: 2 of 2 articles compared (2 read)");
        error.ShouldContain("1 of 2 articles compared have text in archive.db (1 archived; 2 read)");

        var damaged = ToolProcess.Run(_dir, ["check", "drafts", "--against", "drafts/excerpt.txt"]);
        damaged.Code.ShouldBe(2);
        damaged.Error.ShouldContain("excerpt.txt: not a Provenance archive");
    }

    [Fact]
    public void The_thresholds_come_from_provenance_json_and_the_command_line_wins()
    {
        // One paragraph of the CNN story (a tenth of it) inside the Miami article.
        var cnn = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")).Split("\n\n");
        var miami = File.ReadAllText(RepoPaths.Sample("miami-restraint-spun.txt")).Split("\n\n");
        Directory.CreateDirectory(Path.Combine(_dir, "content"));
        File.WriteAllText(Path.Combine(_dir, "content", "cnn.txt"), string.Join("\n\n", cnn));
        File.WriteAllText(Path.Combine(_dir, "content", "mixed.txt"), string.Join("\n\n", [miami[0], cnn[1], .. miami[1..]]));

        ToolProcess.Run(_dir, ["copies", "content"]).Output.ShouldStartWith("0 groups");
        File.WriteAllText(Path.Combine(_dir, "provenance.json"), """{ "copies": { "minShare": 0.05 } }""");
        var (code, output, error) = ToolProcess.Run(_dir, ["copies", "content"]);
        code.ShouldBe(0, error);
        output.ShouldStartWith("1 group of articles share text: 2 of 2 articles compared (2 read)");
        ToolProcess.Run(_dir, ["check", "content", "--copies", "--format", "msbuild", "--fail-on", "none"]).Output.ShouldContain("\n1 group of articles share text");
        ToolProcess.Run(_dir, ["copies", "content", "--min-share", "0.5"]).Output.ShouldStartWith("0 groups");

        File.WriteAllText(Path.Combine(_dir, "provenance.json"), "{\n  \"copies\": { \"minShare\": 2 }\n}");
        var bad = ToolProcess.Run(_dir, ["copies", "content"]);
        bad.Code.ShouldBe(2);
        bad.Error.ShouldContain("provenance.json(2,");
        bad.Error.ShouldContain("$.copies.minShare");
    }

    [Fact]
    public void Shards_index_their_part_and_the_merged_archive_gives_the_groups_copies_gives_for_the_folder()
    {
        CopySamplesTo("content");

        var original = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        File.WriteAllText(Path.Combine(_dir, "content", "zz-aggregator.txt"), string.Join("\n\n", ["Israel hits Hezbollah again", .. original.Skip(1)]));
        File.WriteAllText(Path.Combine(_dir, "content", "aa-excerpt.txt"), string.Join("\n\n", ["Ceasefire talks", .. original.Skip(1).Take(2)]));

        var added = 0;
        foreach (var k in new[] { 1, 2 })
        {
            var (code, output, error) = ToolProcess.Run(_dir, ["index", "add", "content", "--shard", $"{k}/2", "--db", $"shard-{k}.db"]);
            code.ShouldBe(0, error);
            added += int.Parse(output.Split(": ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }

        added.ShouldBe(7);
        var merge = ToolProcess.Run(_dir, ["index", "merge", "shard-1.db", "shard-2.db", "--db", "all.db"]);
        merge.Code.ShouldBe(0, merge.Error);
        merge.Output.ShouldEndWith("all.db: 7 articles archived\n");

        var folder = ToolProcess.Run(_dir, ["copies", "content"]).Output;
        var (withinCode, within, withinError) = ToolProcess.Run(_dir, ["copies", "--within", "all.db"]);
        withinCode.ShouldBe(0, withinError);
        within.ShouldStartWith("1 group of articles share text: 3 of 7 articles compared (7 read)\n");
        within.Split('\n').Skip(1).ShouldBe(folder.Split('\n').Skip(1));

        ToolProcess.Run(_dir, ["index", "merge", "all.db", "--db", "all.db"]).Error.ShouldContain("cannot be merged into itself");
    }
}
