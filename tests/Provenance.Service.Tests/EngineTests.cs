using Provenance.Articles;
using Provenance.Hosting;
using Provenance.Json;
using Provenance.Reporting;
using Provenance.Tests;

namespace Provenance.Service.Tests;

/// <summary><see cref="ProvenanceEngine"/> through its public API, as a .NET application uses it.</summary>
public sealed class EngineTests : IDisposable
{
    // A line of real scraped debris (PRV5001's examples): found unless configuration turns it off.
    private const string Story = "Council delays vote\n\nBy Jane Roe\n\nThe council said on Monday it would wait, officials told Reuters.\n\nLeave a Reply\n";

    private readonly string _site = Directory.CreateTempSubdirectory("provenance-engine-").FullName;

    public EngineTests()
    {
        var quiet = Directory.CreateDirectory(Path.Combine(_site, "content", "quiet")).FullName;
        File.WriteAllText(Path.Combine(quiet, "provenance.json"), """{ "rules": { "PRV5001": "none" }, "ignore": [ "skip/**" ] }""");
        File.WriteAllText(Path.Combine(quiet, "story.txt"), Story);
        File.WriteAllText(Path.Combine(_site, "content", "story.txt"), Story);
        Directory.CreateDirectory(Path.Combine(quiet, "skip"));
        File.WriteAllText(Path.Combine(quiet, "skip", "draft.txt"), Story);
    }

    public void Dispose() => Directory.Delete(_site, recursive: true);

    [Fact]
    public void Text_is_checked_under_the_configuration_of_the_path_it_is_given()
    {
        var engine = new ProvenanceEngine(new EngineOptions { BaseDirectory = _site });
        RuleIds(engine.CheckText(Story, ArticleFormat.Text, "content/story.txt", cancellationToken: TestContext.Current.CancellationToken)).ShouldContain("PRV5001");
        RuleIds(engine.CheckText(Story, ArticleFormat.Text, "content/quiet/new.txt", cancellationToken: TestContext.Current.CancellationToken)).ShouldNotContain("PRV5001");

        // Without looking for configuration files, the path changes nothing.
        var blind = new ProvenanceEngine(new EngineOptions { BaseDirectory = _site, FindConfigFiles = false });
        RuleIds(blind.CheckText(Story, ArticleFormat.Text, "content/quiet/new.txt", cancellationToken: TestContext.Current.CancellationToken)).ShouldContain("PRV5001");
    }

    [Fact]
    public async Task Fixes_follow_each_file_s_configuration_and_a_dry_run_writes_nothing()
    {
        var engine = new ProvenanceEngine(new EngineOptions { BaseDirectory = _site });
        var story = Path.Combine(_site, "content", "story.txt");
        var dry = await Fixes(engine.FixAsync(["content"], write: false, TestContext.Current.CancellationToken));

        // The quiet folder turns the debris rule off, so only the other story has a fix.
        var fix = dry.ShouldHaveSingleItem();
        (fix.Path, fix.Places, fix.Outcome).ShouldBe(("content/story.txt", 1, FixOutcome.NotWritten));
        fix.After.ShouldNotContain("Leave a Reply");
        fix.Diff().ShouldContain("\n-Leave a Reply\n");
        File.ReadAllText(story).ShouldBe(Story);

        var written = (await Fixes(engine.FixAsync(["content"], write: true, TestContext.Current.CancellationToken))).ShouldHaveSingleItem();
        written.Outcome.ShouldBe(FixOutcome.Written);
        File.ReadAllText(story).ShouldBe(written.After);
        (await Fixes(engine.FixAsync(["content"], write: true, TestContext.Current.CancellationToken))).ShouldBeEmpty("nothing is left to fix");
    }

    private static async Task<List<FileFix>> Fixes(IAsyncEnumerable<FileFix> fixes)
    {
        var list = new List<FileFix>();
        await foreach (var fix in fixes)
        {
            list.Add(fix);
        }

        return list;
    }

    [Fact]
    public async Task Files_stream_in_path_order_and_ignored_files_are_left_out()
    {
        var engine = new ProvenanceEngine(new EngineOptions { BaseDirectory = _site, Jobs = 2 });
        var items = new List<RunItem>();
        await foreach (var item in engine.CheckFilesAsync(["content"], TestContext.Current.CancellationToken))
        {
            items.Add(item);
        }

        items.Select(i => i.Path).ShouldBe(["content/quiet/story.txt", "content/story.txt"]);
        RuleIds(items[0]).ShouldNotContain("PRV5001");
        RuleIds(items[1]).ShouldContain("PRV5001");
        engine.CheckFile(Path.Combine("content", "quiet", "skip", "draft.txt")).ShouldBeNull();
        engine.CheckFile(Path.Combine("content", "story.txt")).ShouldNotBeNull().Path.ShouldBe("content/story.txt");
    }

    [Fact]
    public async Task Leaving_a_stream_early_stops_the_run()
    {
        // More files than the window of results held ahead (256): workers stop there until the reader goes on.
        for (var i = 0; i < 600; i++)
        {
            File.WriteAllText(Path.Combine(_site, "content", $"more-{i:000}.txt"), Story);
        }

        var engine = new ProvenanceEngine(new EngineOptions { BaseDirectory = _site, Jobs = 2 });
        var run = engine.Prepare(["content"]);
        var checkedCount = 0;
        foreach (var item in run.Check(checkedOne: () => Interlocked.Increment(ref checkedCount)))
        {
            item.Path.ShouldBe("content/more-000.txt");
            break;
        }

        var atBreak = Volatile.Read(ref checkedCount);
        atBreak.ShouldBeLessThan(400, "the workers stopped when the run was left");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Volatile.Read(ref checkedCount).ShouldBe(atBreak, "nothing is checked after the run was left");

        await foreach (var item in engine.CheckFilesAsync(["content"], TestContext.Current.CancellationToken))
        {
            item.Path.ShouldBe("content/more-000.txt");
            break;
        }
    }

    [Fact]
    public void A_bad_path_or_configuration_is_raised_when_the_run_is_prepared()
    {
        var engine = new ProvenanceEngine(new EngineOptions { BaseDirectory = _site });
        Should.Throw<ProvenanceSetupException>(() => engine.Prepare(["no-such-folder"])).Message.ShouldBe("no-such-folder: no such file or folder");

        File.WriteAllText(Path.Combine(_site, "content", "quiet", "provenance.json"), """{ "rules": { "PRV9999": "none" } }""");
        var error = Should.Throw<JsonLoadException>(() => new ProvenanceEngine(new EngineOptions { BaseDirectory = _site }).Prepare(["content"]));
        error.Errors.ShouldHaveSingleItem().ToString().ShouldContain("PRV9999");
    }

    [Fact]
    public void A_configuration_first_met_after_the_rules_loaded_is_held_to_them()
    {
        var engine = new ProvenanceEngine(new EngineOptions { BaseDirectory = _site });
        engine.Prepare([Path.Combine("content", "story.txt")]);

        var unknownRule = Directory.CreateDirectory(Path.Combine(_site, "content", "late")).FullName;
        File.WriteAllText(Path.Combine(unknownRule, "provenance.json"), """{ "rules": { "PRV9998": "none" } }""");
        Should.Throw<JsonLoadException>(() => engine.CheckText(Story, ArticleFormat.Text, "content/late/a.txt", cancellationToken: TestContext.Current.CancellationToken))
            .Errors.ShouldHaveSingleItem().ToString().ShouldContain("PRV9998");

        var moreRules = Directory.CreateDirectory(Path.Combine(_site, "content", "later")).FullName;
        File.WriteAllText(Path.Combine(moreRules, "provenance.json"), """{ "ruleDirectories": [ "house-rules" ] }""");
        File.WriteAllText(Path.Combine(moreRules, "a.txt"), Story);
        Should.Throw<ProvenanceSetupException>(() => engine.CheckFile(Path.Combine("content", "later", "a.txt")))
            .Message.ShouldContain("names the rules folder content/later/house-rules, which was not loaded");
    }

    [Fact]
    public void A_run_checked_for_copies_reports_the_same_whether_its_results_are_held_packed_or_whole()
    {
        // A real story, a site's uncredited copy of it under the quiet folder's configuration, an
        // unreadable file and the samples beside them: held packed (without texts), every report
        // is made again from its findings, and must be the one held whole.
        var cnn = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt"));
        File.WriteAllText(Path.Combine(_site, "content", "cnn.txt"), cnn);
        File.WriteAllText(Path.Combine(_site, "content", "quiet", "copy.txt"), "Hezbollah news\n\n" + string.Join("\n\n", cnn.Split("\n\n").Skip(1)) + "\n\nLeave a Reply\n");
        File.WriteAllBytes(Path.Combine(_site, "content", "broken.txt"), [0xFF, 0xFE, 0x00, 0xD8]);
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.txt"))
        {
            File.Copy(sample, Path.Combine(_site, "content", Path.GetFileName(sample)));
        }

        var engine = new ProvenanceEngine(new EngineOptions { BaseDirectory = _site, Jobs = 2 });
        var packed = engine.Prepare(["content"]).CheckCopies(keepText: false);
        var whole = engine.Prepare(["content"]).CheckCopies(keepText: true);
        packed.Search.Clusters.Count.ShouldBe(1);
        var run = engine.Prepare(["content"]);
        var json = Json(run, packed.Items);
        json.ShouldContain("\"PRV800", Case.Sensitive, "the copies have their findings");
        json.ShouldBe(Json(run, whole.Items));
        packed.Items.Select(i => i.Report?.Article.Source.Text.Length ?? 0).ShouldAllBe(length => length == 0);
        packed.Items.Count(i => i.Error is not null).ShouldBe(whole.Items.Count(i => i.Error is not null));
    }

    [Fact]
    public void Reports_held_while_copies_are_found_are_scored_when_made_again_also_from_the_cache()
    {
        // Held packed, a report is scored only when it is made again (its first scorecard is a
        // placeholder): every report, fresh or from the cache, must be the one a run holding
        // them whole scores.
        var cnn = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt"));
        File.WriteAllText(Path.Combine(_site, "content", "cnn.txt"), cnn);
        File.WriteAllText(Path.Combine(_site, "content", "copy.txt"), "Hezbollah news\n\n" + string.Join("\n\n", cnn.Split("\n\n").Skip(1)));
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.txt"))
        {
            File.Copy(sample, Path.Combine(_site, "content", Path.GetFileName(sample)));
        }

        var whole = new ProvenanceEngine(new EngineOptions { BaseDirectory = _site, Jobs = 2 }).Prepare(["content"]).CheckCopies(keepText: true);
        var cached = new ProvenanceEngine(new EngineOptions { BaseDirectory = _site, Jobs = 2, CacheFile = "cache" });
        var fresh = cached.Prepare(["content"]).CheckCopies();
        var fromCache = cached.Prepare(["content"]).CheckCopies();
        var run = cached.Prepare(["content"]);
        var expected = Json(run, whole.Items);
        whole.Items.Select(i => i.Report!.Scorecard.Score).Distinct().Count().ShouldBeGreaterThan(1, "the articles score differently");
        Json(run, fresh.Items).ShouldBe(expected);
        Json(run, fromCache.Items).ShouldBe(expected);
        File.Exists(Path.Combine(_site, "cache")).ShouldBeTrue();
    }

    [Fact]
    public void A_file_read_again_for_the_search_for_copies_and_found_edited_or_deleted_takes_no_part()
    {
        // Held without their texts, the prints of a run are their samples alone, but for those
        // whose samples were seen before (likely copies: kept whole); those the search measures
        // are read again from their files. One at a time, the files are checked in order: the
        // first of each family is held slim, the later ones whole. An edit in between (here as
        // the run reaches its last file) leaves a text that is not the one checked, so no copy is
        // claimed from it; a print kept whole is compared as it was checked.
        var cnn = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt"));
        var (first, copy) = (Path.Combine(_site, "content", "cnn.txt"), Path.Combine(_site, "content", "quiet", "copy.txt"));
        var copied = "Hezbollah news\n\n" + string.Join("\n\n", cnn.Split("\n\n").Skip(1).Select(p => p.Replace(" said ", " told reporters ", StringComparison.Ordinal)));
        var edited = string.Join("\n\n", cnn.Split("\n\n").Select(p => p.Replace(" the ", " a ", StringComparison.Ordinal)));
        File.WriteAllText(first, cnn);
        File.WriteAllText(copy, copied);
        var engine = new ProvenanceEngine(new EngineOptions { BaseDirectory = _site, Jobs = 1 });
        var unedited = engine.Prepare(["content"]).CheckCopies().Search;
        unedited.Clusters.ShouldHaveSingleItem().Paths.ShouldBe(["content/cnn.txt", "content/quiet/copy.txt"]);
        engine.Prepare(["content"]).FindCopies().Clusters.ShouldHaveSingleItem();

        CopyCheck CheckThen(Action edit)
        {
            var run = engine.Prepare(["content"]);
            var seen = 0;
            return run.CheckCopies(each: item =>
            {
                // Handed to a caller as it is checked, a report is scored (held ones are scored later).
                (item.Report?.Scorecard.Grade ?? "unread").ShouldNotBeEmpty();
                if (++seen == run.FileCount)
                {
                    edit();
                }
            });
        }

        var found = CheckThen(() => File.WriteAllText(first, edited));
        found.Search.Clusters.ShouldBeEmpty();
        found.Search.Unread.ShouldBe(["content/cnn.txt"], "the run says which article it could not read again");
        found.Items.SelectMany(RuleIds).ShouldNotContain(id => id.StartsWith("PRV800", StringComparison.Ordinal));

        File.WriteAllText(first, cnn);
        CheckThen(() => File.WriteAllText(copy, edited)).Search.Clusters.ShouldHaveSingleItem("the copy's print was kept whole: it is compared as checked");

        File.WriteAllText(Path.Combine(_site, "content", "again.txt"), cnn);
        var deleted = CheckThen(() => File.Delete(Path.Combine(_site, "content", "again.txt"))).Search;
        deleted.Clusters.ShouldHaveSingleItem()
            .Paths.ShouldBe(["content/cnn.txt", "content/quiet/copy.txt"], "a file deleted before the search takes no part; the others are still found");
        deleted.Unread.ShouldBe(["content/again.txt"]);
        CheckThen(() => { }).Search.Unread.ShouldBeEmpty();
    }

    // A run's items as one JSON report, as the CLI writes it.
    private static string Json(EngineRun run, IReadOnlyList<RunItem> items)
    {
        var writer = new StringWriter();
        Reporters.WriteWhole(Reporters.Create("json", run.Context), new CheckRun([.. items], run.Info.Packs, run.Info.ScoringVersion), writer);
        return writer.ToString();
    }

    private static string[] RuleIds(RunItem item) => [.. item.Report.ShouldNotBeNull().Analysis.Findings.Select(f => f.RuleId)];
}
