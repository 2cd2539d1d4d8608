using System.Diagnostics;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary>
/// The real executable against temporary content folders, as a CI job runs it: configuration
/// merging, every suppression form, baselines, changed files, fixes, the cache and bad input.
/// </summary>
public sealed class EndToEndTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("provenance-e2e-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Configuration_files_merge_nearest_last_with_glob_sections()
    {
        Write("provenance.json", """
            { // the site's policy
              "root": true,
              "categories": { "Integrity": "none" },
              "rules": { "PRV2003": "error" },
              "overrides": [ { "files": [ "**/opinion/**" ], "rules": { "PRV2003": "info" } } ]
            }
            """);
        Write("news/provenance.json", """{ "rules": { "PRV7002": "none" }, "ignore": [ "drafts/**" ] }""");
        Sample("news/a.txt", "hezbollah-original-source-cnn.txt");
        Sample("news/opinion/b.txt", "miami-restraint-spun.txt");
        Sample("news/drafts/c.txt", "ceasefire-banxchange.txt");
        var (code, output, _) = Run("check", ".", "--format", "msbuild");
        code.ShouldBe(1, "PRV2003 is an error under news/ but not in news/opinion/");
        output.ShouldContain("news/a.txt(3,204,3,238): error PRV2003");
        output.ShouldContain("news/opinion/b.txt(3,107,3,132): info PRV2003");
        output.ShouldNotContain("PRV6001");
        output.ShouldNotContain("PRV7002");
        output.ShouldNotContain("drafts/c.txt");
    }

    [Fact]
    public void A_failing_article_says_why_in_the_text_table_and_as_a_github_error()
    {
        Sample("news/a.txt", "hezbollah-original-source-cnn.txt");
        Sample("news/b.txt", "miami-restraint-spun.txt");
        var (code, output, _) = Run("check", "news", "--fail-below", "40");
        code.ShouldBe(1);
        output.ShouldContain("news/b.txt: score 13/100, grade F");
        output.ShouldContain("  fails: score 13 is below 40");
        output.ShouldContain("news/b.txt  (fails: score 13 is below 40)");
        output.ShouldNotContain("news/a.txt  (fails");

        var github = Run("check", "news", "--fail-below", "40", "--format", "github").Output;
        github.ShouldContain("::error file=news/b.txt,line=1,title=Provenance score 13/100%2C grade F::Fails: score 13 is below 40");
        github.ShouldContain("::notice file=news/a.txt,line=1,title=Provenance score 63/100%2C grade C::");
    }

    [Fact]
    public void A_rule_whose_signal_goes_nowhere_is_a_warning_when_the_rules_load()
    {
        Sample("a.txt", "hezbollah-original-source-cnn.txt");
        Write("house/house.rules.json", """
            { "name": "house", "version": "1.0.0", "rules": [
              { "id": "PRV9102", "kind": "lexicon", "title": "Hedge", "messageFormat": "{0}", "category": "Sourcing", "defaultSeverity": "info", "signal": "vague-atribution", "phrases": ["according to"] } ] }
            """);
        Write("provenance.json", """{ "root": true, "ruleDirectories": [ "house" ] }""");
        var (code, _, error) = Run("check", "a.txt", "--format", "msbuild");
        code.ShouldBe(0, "a warning, not an error");
        error.ShouldContain("provenance: warning: rule PRV9102 (pack house) emits the signal 'vague-atribution', which the scoring model neither scores nor lists in neutralSignals and no rule reads: its findings move no score");
        Run("rules", "validate", "house").Error.ShouldContain("warning: rule PRV9102 (pack house) emits the signal 'vague-atribution'");
        Write("plain.json", """{ "root": true }""");
        var plain = Run("check", "a.txt", "--format", "msbuild", "--config", "plain.json");
        (plain.Code, plain.Error.Contains("warning: rule", StringComparison.Ordinal)).ShouldBe((0, false), "without the house pack nothing is wrong");
    }

    [Fact]
    public void One_category_vocabulary_a_rule_filed_elsewhere_warns_and_an_old_category_name_says_where_its_rules_went()
    {
        Sample("a.txt", "hezbollah-original-source-cnn.txt");
        Write("house/house.rules.json", """
            { "name": "house", "version": "1.0.0", "rules": [
              { "id": "PRV9103", "kind": "lexicon", "title": "Hedge", "messageFormat": "{0}", "category": "Language", "defaultSeverity": "info", "phrases": ["according to"] },
              { "id": "PRV9104", "kind": "lexicon", "title": "Vague", "messageFormat": "{0}", "category": "Integrity", "defaultSeverity": "info", "signal": "vague-attribution", "phrases": ["critics say"] } ] }
            """);
        Write("provenance.json", """{ "root": true, "ruleDirectories": [ "house" ] }""");
        var (code, _, error) = Run("check", "a.txt", "--format", "msbuild");
        code.ShouldBe(0, "warnings, not errors");
        error.ShouldContain("provenance: warning: rule PRV9103 (pack house) is in category 'Language', which is not a scorecard category (Attribution, Sourcing, Transparency, Integrity)");
        error.ShouldContain("provenance: warning: rule PRV9104 (pack house) is in category 'Integrity' but its signal 'vague-attribution' scores in 'Sourcing': file it under 'Sourcing'");
        Run("rules", "validate", "house").Error.ShouldContain("warning: rule PRV9104");

        // The built-in rules all sit where their findings count: no warning without the house pack.
        Write("old.json", """{ "root": true, "categories": { "Language": "none" } }""");
        var old = Run("check", "a.txt", "--config", "old.json");
        old.Code.ShouldBe(2);
        old.Error.ShouldContain("no category 'Language' is defined by the loaded rule packs (categories: Attribution, Integrity, Sourcing, Transparency; 'Language' rules are now under 'Integrity')");
        old.Error.ShouldNotContain("warning: rule");
    }

    [Fact]
    public void Every_suppression_form_works_and_an_unused_one_is_reported()
    {
        Write("a.md", "# Budget\n\n<!-- provenance-disable-next-line PRV2003 -->\nThe council met on Monday, and U.S. officials say the budget will pass.\n");
        Write("b.html", "<html><body><article><!-- provenance-disable PRV2003 --><p>Analysts note the budget is large and the council agreed to publish it on Monday.</p><!-- provenance-enable PRV2003 --></article></body></html>");
        Write("c.txt", "Budget passes\n\nprovenance-disable-file PRV7002\n\nThe council met on Monday. Analysts note it is large. <!-- provenance-disable-line PRV2003 -->\n");
        Write("d.md", "# Budget\n\n<!-- provenance-disable-next-line PRV4003 -->\nThe council met on Monday.\n");
        var (_, output, _) = Run("check", ".", "--format", "msbuild");
        output.ShouldNotContain("PRV2003");
        output.ShouldNotContain("c.txt(1,1): warning PRV7002");
        output.ShouldContain("d.md(3,1,3,");
        output.ShouldContain("PRV0006: Unused suppression: provenance-disable-next-line PRV4003");
    }

    [Fact]
    public void Baseline_create_check_and_prune()
    {
        Sample("a.txt", "miami-restraint-spun.txt");
        Run("baseline", "create", ".").Output.ShouldContain("provenance-baseline.json: ");
        var (code, output, _) = Run("check", ".", "--baseline", "provenance-baseline.json", "--format", "msbuild", "--fail-on", "info");
        (code, output.Trim()).ShouldBe((0, string.Empty));

        File.AppendAllText(Path.Combine(_dir, "a.txt"), "\n\nThe ministry met the press on Monday, and critics argue the plan is far too small to work.\n");
        var after = Run("check", ".", "--baseline", "provenance-baseline.json", "--format", "msbuild").Output;
        after.ShouldContain("PRV2003: Vague attribution: \"critics argue\"");
        after.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1, after);

        File.WriteAllText(Path.Combine(_dir, "a.txt"), "Budget\n\nThe council met on Monday.\n");
        Run("baseline", "prune", ".").Output.ShouldContain("removed");
        File.ReadAllText(Path.Combine(_dir, "provenance-baseline.json")).ShouldNotContain("PRV6003");
    }

    [Fact]
    public void A_baseline_accepts_a_score_failure_until_the_score_drops_further()
    {
        Sample("a.txt", "ceasefire-banxchange.txt");
        Sample("b.txt", "hezbollah-original-source-cnn.txt");
        Run("check", ".", "--fail-below", "50").Code.ShouldBe(1, "a.txt scores under 50");
        Run("baseline", "create", ".");
        var stored = File.ReadAllText(Path.Combine(_dir, "provenance-baseline.json"));
        stored.ShouldContain("\"scores\": {");
        var (code, output, _) = Run("check", ".", "--baseline", "provenance-baseline.json", "--fail-below", "50");
        code.ShouldBe(0, output);
        output.ShouldNotContain("fails:");

        // Spun phrasing added after the baseline costs points: now it fails, and says against what.
        File.AppendAllText(Path.Combine(_dir, "a.txt"), "\n\nCritics argue the token is a game-changer that will revolutionize the industry, sources say.\n");
        var dropped = Run("check", ".", "--baseline", "provenance-baseline.json", "--fail-below", "50");
        dropped.Code.ShouldBe(1, dropped.Output);
        dropped.Output.ShouldMatch(@"a\.txt  \(fails: score [0-9]+ is below 50 and below the [0-9]+ the baseline accepted\)");
    }

    [Fact]
    public void Changed_since_checks_only_what_changed_on_the_branch()
    {
        Git("init", "-q", "-b", "main");
        Sample("a.txt", "miami-restraint-spun.txt");
        Sample("b.txt", "ceasefire-banxchange.txt");
        Git("add", ".");
        Git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start");
        Git("checkout", "-qb", "feature");
        File.AppendAllText(Path.Combine(_dir, "b.txt"), "\nMore text.\n");
        Sample("c.txt", "gaza-blinken-dated.txt");
        var (code, output, _) = Run("check", ".", "--changed-since", "main", "--format", "msbuild");
        code.ShouldBe(0);
        output.ShouldContain("b.txt(");
        output.ShouldContain("c.txt(");
        output.ShouldNotContain("a.txt(");
        Run("check", ".", "--changed-since", "no-such-branch").Code.ShouldBe(2);
    }

    [Fact]
    public void Fix_removes_debris_from_a_line_of_prose_without_the_prose_and_leaves_what_it_cannot_separate()
    {
        // The last two paragraphs are real (BuzzFeed-Webis 2016, CC BY 4.0; the ACLU page among the test pages):
        // a line of debris that is one sentence goes whole; a button named in quotation marks in prose stays.
        const string Debris = "Get your daily dose of Eagle Rising by entering your email address below.";
        const string Privacy = "Some website operators take their visitors' privacy more seriously than others, by reducing the amount of third-party requests. For example, it's possible to display \"share on Facebook\" or \"Like\" buttons without sending user requests to Facebook in the first place.";
        const string Mixed = "The vote is on Monday. Leave a Reply to the council's letter, the mayor said. Nobody has.";
        Write("a.txt", $"Plan is dead\n\nBy Jane Roe\n\nOfficials familiar with the matter said the plan was dead. Leave a Reply\n\nLeave a Reply The council met on Monday.\n\n{Mixed}\n\n{Privacy}\n\n{Debris}\n");
        var (code, output, error) = Run("fix", ".");
        code.ShouldBe(0);
        output.ShouldContain("fixed 3 places in 1 file");
        File.ReadAllText(Path.Combine(_dir, "a.txt")).ShouldBe($"Plan is dead\n\nBy Jane Roe\n\nOfficials familiar with the matter said the plan was dead.\n\nThe council met on Monday.\n\n{Mixed}\n\n{Privacy}\n");
        error.Trim().ReplaceLineEndings("\n").ShouldBe(
            "a.txt(9,24): PRV5001 \"Leave a Reply\" left in place: it shares a paragraph with the article's sentences and is not a sentence of its own; remove it by hand\n"
            + "a.txt(11,168): PRV5004 \"share on Facebook\" left in place: it is quoted in the article's text");
    }

    [Fact]
    public void Fix_keeps_the_sentences_on_both_sides_of_debris_and_reads_entities_as_text()
    {
        Write("a.md", "# Mayor resigns\n\nThe mayor resigned on Tuesday. Leave a Reply Officials declined to comment.\n");
        Write("b.html", "<html><body><article><h1>Over</h1><p>He said it was over.&rdquo; Leave a Reply</p><p>The council met on Monday to discuss it.</p></article></body></html>\n");
        Run("fix", ".").Output.ShouldContain("fixed 2 places in 2 files");
        File.ReadAllText(Path.Combine(_dir, "a.md")).ShouldBe("# Mayor resigns\n\nThe mayor resigned on Tuesday. Officials declined to comment.\n");
        File.ReadAllText(Path.Combine(_dir, "b.html")).ShouldContain("<p>He said it was over.&rdquo;</p>");
    }

    [Fact]
    public void Fix_shows_a_diff_then_rewrites_the_file()
    {
        Sample("a.txt", "hezbollah-original-source-cnn.txt");
        var before = File.ReadAllText(Path.Combine(_dir, "a.txt"));
        var (_, diff, _) = Run("fix", ".", "--dry-run");
        diff.ShouldContain("-Leave a Reply");
        diff.ShouldContain("would fix 2 places in 1 file");
        File.ReadAllText(Path.Combine(_dir, "a.txt")).ShouldBe(before);

        Run("fix", ".").Output.ShouldContain("fixed 2 places in 1 file");
        var after = File.ReadAllText(Path.Combine(_dir, "a.txt"));
        after.ShouldNotContain("Leave a Reply");
        after.ShouldEndWith("Original Source: www.cnn.com\n");
        Run("check", ".", "--format", "msbuild").Output.ShouldNotContain("PRV5001");
    }

    [Fact]
    public void Cache_hits_give_the_same_output_and_misses_follow_changes()
    {
        Sample("a.txt", "miami-restraint-spun.txt");
        Sample("b.txt", "ceasefire-banxchange.txt");
        var first = Run("check", ".", "--cache", "--format", "json").Output;
        File.Exists(Path.Combine(_dir, ".provenance-cache")).ShouldBeTrue();
        var (_, second, secondError) = Run("check", ".", "--cache", "--format", "json");
        second.ShouldBe(first);
        secondError.ShouldContain("(2 from the cache)");

        File.AppendAllText(Path.Combine(_dir, "a.txt"), "\nThe ministry said critics argue the plan is far too small.\n");
        var changed = Run("check", ".", "--cache", "--format", "json").Output;
        changed.ShouldNotBe(first);
        changed.ShouldBe(Run("check", ".", "--format", "json").Output, "a cache miss must give what a run without a cache gives");
    }

    [Fact]
    public void Shards_sharing_a_cache_keep_each_others_entries_and_a_deleted_files_entry_goes()
    {
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.txt"))
        {
            Sample(Path.GetFileName(sample), Path.GetFileName(sample));
            Sample("more/" + Path.GetFileName(sample), Path.GetFileName(sample));
        }

        Run("check", ".", "--shard", "1/2", "--cache").Code.ShouldBeOneOf(0, 1);
        Run("check", ".", "--shard", "2/2", "--cache").Code.ShouldBeOneOf(0, 1);
        var files = Directory.GetFiles(_dir, "*.txt", SearchOption.AllDirectories).Length;
        Run("check", ".", "--cache").Error.ShouldContain($"({files} from the cache)", customMessage: "the second shard's run dropped the first's entries");

        // A folder checked alone keeps the entries of the rest too; a deleted file's entry goes.
        File.Delete(Path.Combine(_dir, "more", "miami-restraint-spun.txt"));
        Run("check", "more", "--cache").Code.ShouldBeOneOf(0, 1);
        var entries = File.ReadAllLines(Path.Combine(_dir, ".provenance-cache")).Skip(1).Select(l => l[..l.IndexOf('\t', StringComparison.Ordinal)]).ToList();
        entries.Count.ShouldBe(files - 1);
        entries.ShouldNotContain("more/miami-restraint-spun.txt");
        entries.ShouldContain("miami-restraint-spun.txt");
    }

    [Theory]
    [InlineData("cut short")]
    [InlineData("negative count")]
    [InlineData("huge count")]
    [InlineData("negative author count")]
    public void A_damaged_cache_entry_is_a_miss_not_a_crash(string damage)
    {
        Sample("a.txt", "miami-restraint-spun.txt");
        Sample("b.txt", "ceasefire-banxchange.txt");
        var first = Run("check", ".", "--cache", "--format", "json").Output;
        var cache = Path.Combine(_dir, ".provenance-cache");
        var lines = File.ReadAllLines(cache);

        // The entry's key fields (path, hash, options, size, time) still match; what follows does not read back.
        var entry = Array.FindIndex(lines, l => l.StartsWith("a.txt\t", StringComparison.Ordinal));
        var fields = lines[entry].Split('\t');
        lines[entry] = damage switch
        {
            "cut short" => string.Join('\t', fields[..9]),
            "negative count" => string.Join('\t', [.. fields[..5], "-1", .. fields[6..]]),
            "huge count" => string.Join('\t', [.. fields[..5], "2000000000", .. fields[6..]]),
            _ => string.Join('\t', [.. fields[..^1], "-3"]),
        };
        File.WriteAllLines(cache, lines);

        var (code, output, error) = Run("check", ".", "--cache", "--format", "json");
        error.ShouldNotContain("   at ");
        code.ShouldBeOneOf(0, 1);
        output.ShouldBe(first);
        File.ReadAllLines(cache).Single(l => l.StartsWith("a.txt\t", StringComparison.Ordinal)).ShouldNotBe(lines[entry], "the damaged entry was written again");
    }

    [Theory]
    [InlineData("provenance.json", "{ \"rules\": { \"PRV2003\": \"loud\" } }", "provenance.json(1,", "expected one of error, warning, info, hidden, none")]
    [InlineData("provenance.json", "{ \"rules\": { \"PRV9999\": \"info\" } }", "provenance.json(1,", "no rule 'PRV9999'")]
    [InlineData("provenance.json", "{ \"rules\": ", "provenance.json(1,", "invalid JSON")]
    [InlineData("provenance.json", "{ \"colour\": true }", "provenance.json(1,", "unknown key 'colour'")]
    public void Bad_configuration_is_exit_code_2_with_a_located_message(string file, string json, string location, string message)
    {
        Write(file, json);
        Sample("a.txt", "miami-restraint-spun.txt");
        var (code, output, error) = Run("check", ".");
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain(location);
        error.ShouldContain(message);
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public void Help_lists_every_command_though_a_named_command_is_built_alone()
    {
        var (code, output, _) = Run("--help");
        code.ShouldBe(0);
        foreach (var command in new[] { "check", "show", "rules", "baseline", "init", "fix", "merge", "serve", "watch" })
        {
            output.ShouldContain($"\n  {command} ");
        }

        (code, output, _) = Run("rules", "--help");
        code.ShouldBe(0);
        output.ShouldContain("provenance rules [command] [options]");
        output.ShouldNotContain("baseline");
    }

    [Fact]
    public void A_missing_path_is_one_line_and_exit_code_2()
    {
        var (code, _, error) = Run("check", "nowhere");
        code.ShouldBe(2);
        error.Trim().ShouldBe("provenance: nowhere: no such file or folder");
    }

    [Theory]
    [InlineData("--cache-strategy", "sometimes", "Argument 'sometimes' not recognized. Must be one of: 'metadata' 'content'")]
    [InlineData("--jobs", "many", "--jobs expects a whole number, not 'many'")]
    [InlineData("--fial-below", "40", "unknown option '--fial-below'; did you mean '--fail-below'?")]
    [InlineData("--fail-on", "always", "Argument 'always' not recognized")]
    [InlineData("--max-file-size", "0", "--max-file-size must be at least 1 (MB)")]
    public void A_bad_option_value_is_a_usage_error_in_one_line_and_exit_code_2(string option, string value, string message)
    {
        var (code, output, error) = Run("check", ".", option, value);
        code.ShouldBe(2);
        output.ShouldBeEmpty("no screen of help on a mistake");
        var lines = error.Trim().Split('\n');
        lines.Length.ShouldBe(2, error);
        lines[0].ShouldStartWith($"provenance: {message}");
        lines[1].ShouldBe("provenance: see 'provenance check --help' for the options");
    }

    [Theory]
    [InlineData("chek", "provenance: unknown command 'chek'; did you mean 'check'?", "provenance")]
    [InlineData("rules validat", "provenance: unknown command 'validat'; did you mean 'validate'?", "provenance rules")]
    public void An_unknown_command_is_named_with_the_nearest_one(string line, string expected, string help)
    {
        var (code, output, error) = Run(line.Split(' '));
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.Trim().Split('\n').ShouldBe([expected, $"provenance: see '{help} --help' for the options"]);
    }

    [Fact]
    public void A_subcommand_missing_its_argument_points_at_its_own_help()
    {
        var (code, _, error) = Run("rules", "validate");
        code.ShouldBe(2);
        error.Trim().Split('\n')[^1].ShouldBe("provenance: see 'provenance rules validate --help' for the options");
    }

    [Fact]
    public void Extensions_can_be_mapped_to_formats_and_timing_goes_to_stderr()
    {
        Write("a.mdx", "# Budget\n\nThe council met on Monday.\n");
        Run("check", ".", "--format", "json").Output.ShouldNotContain("a.mdx");
        var (code, output, error) = Run("check", ".", "--type", ".mdx=markdown", "--format", "json");
        code.ShouldBe(0);
        output.ShouldContain("\"format\": \"markdown\"");
        error.ShouldMatch(@"^provenance: 1 file checked in \d+\.\d s; 0 failing\s*$");
        Run("check", ".", "--type", "mdx").Code.ShouldBe(2);
    }

    [Fact]
    public void Sharded_runs_merge_into_the_bytes_of_one_run()
    {
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.txt"))
        {
            Sample(Path.GetFileName(sample), Path.GetFileName(sample));
            Sample("more/" + Path.GetFileName(sample), Path.GetFileName(sample));
        }

        File.WriteAllBytes(Path.Combine(_dir, "broken.txt"), [0, 1, 2]);
        Run("check", ".", "--format", "json=all.json", "--format", "sarif=all.sarif", "--as-of", "2026-11-21");
        var shards = new List<string>();
        for (var k = 1; k <= 3; k++)
        {
            Run("check", ".", "--shard", $"{k}/3", "--format", $"json=s{k}.json", "--format", $"sarif=s{k}.sarif", "--as-of", "2026-11-21");
            shards.Add($"s{k}");
        }

        Run(["merge", .. shards.Select(s => s + ".json"), "-o", "merged.json"]).Code.ShouldBe(0);
        Run(["merge", .. shards.Select(s => s + ".sarif"), "-o", "merged.sarif"]).Code.ShouldBe(0);
        File.ReadAllBytes(Path.Combine(_dir, "merged.json")).ShouldBe(File.ReadAllBytes(Path.Combine(_dir, "all.json")));
        File.ReadAllBytes(Path.Combine(_dir, "merged.sarif")).ShouldBe(File.ReadAllBytes(Path.Combine(_dir, "all.sarif")));
        Run("check", ".", "--shard", "4/3").Code.ShouldBe(2);
    }

    [Fact]
    public void Init_writes_a_starter_configuration_that_loads_and_keeps_the_tools_output_out_of_git()
    {
        File.WriteAllText(Path.Combine(_dir, ".gitignore"), "bin/\r\n/provenance-reports");
        var (code, output, _) = Run("init");
        code.ShouldBe(0);
        output.ShouldContain("added .provenance-cache to .gitignore");
        File.ReadAllText(Path.Combine(_dir, ".gitignore")).ShouldBe("bin/\r\n/provenance-reports\r\n# Provenance: the analysis cache and watch's reports\r\n.provenance-cache\r\n");
        Run("init").Code.ShouldBe(2);
        Run("init", "--force").Output.ShouldNotContain(".gitignore");
        Sample("a.txt", "ceasefire-banxchange.txt");
        Run("check", ".").Code.ShouldBe(0);
    }

    [Fact]
    public void A_redirected_report_is_whole_and_comes_before_the_closing_line_in_one_log()
    {
        // Output to a pipe or file is buffered; it must all be written, and before the run's last word on the error stream.
        Sample("a.txt", "miami-restraint-spun.txt");
        Sample("b.txt", "ceasefire-banxchange.txt");
        var start = new ProcessStartInfo("sh") { WorkingDirectory = _dir, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"dotnet '{ToolProcess.Tool}' check . 2>&1");
        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEnd().TrimEnd('\n').Split('\n');
        process.WaitForExit();

        log[^1].ShouldStartWith("provenance: 2 files checked in ");
        log[^2].ShouldStartWith("Grades: ");
        log.ShouldContain(line => line.StartsWith("b.txt(", StringComparison.Ordinal));
    }

    private (int Code, string Output, string Error) Run(params string[] arguments) => ToolProcess.Run(_dir, arguments);

    private void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"git {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_dir, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private void Sample(string path, string sample) => Write(path, File.ReadAllText(RepoPaths.Sample(sample)));
}
