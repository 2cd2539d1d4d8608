using System.Text.Json;
using System.Text.RegularExpressions;
using Provenance.Cli;
using Provenance.Hosting;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary><c>provenance check</c> in-process, against the shipped samples and temporary folders.</summary>
public sealed partial class CheckCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("provenance-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Text_output_lists_findings_in_compiler_form_then_scorecards_and_a_summary()
    {
        var (code, output, error) = Check(["samples"]);
        code.ShouldBe(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldContain(l => l.StartsWith("samples/hezbollah-original-source-cnn.txt(11,1): info PRV1001: Credits CNN (www.cnn.com) as the original source", StringComparison.Ordinal));
        lines.Count(l => ScoreLine().IsMatch(l)).ShouldBe(5);
        lines.Count(l => FindingLine().IsMatch(l)).ShouldBeGreaterThan(50);
        lines[^2].ShouldStartWith("5 articles checked: 0 errors, ");
        lines[^1].ShouldStartWith("Grades: ");
    }

    [Fact]
    public void Json_output_has_every_article_with_score_grade_and_located_findings()
    {
        var (code, output, _) = Check(["samples", "--format", "json"]);
        code.ShouldBe(0);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        var articles = root.GetProperty("articles").EnumerateArray().ToList();
        articles.Select(a => a.GetProperty("path").GetString()).ShouldBe(
        [
            "samples/ceasefire-banxchange.txt", "samples/gaza-blinken-dated.txt", "samples/gaza-second-phase-blog.txt",
            "samples/hezbollah-original-source-cnn.txt", "samples/miami-restraint-spun.txt",
        ]);
        foreach (var article in articles)
        {
            article.GetProperty("format").GetString().ShouldBe("text");
            article.GetProperty("score").GetInt32().ShouldBeInRange(0, 100);
            article.GetProperty("grade").GetString().ShouldNotBeNullOrEmpty();
            article.GetProperty("contributions").EnumerateArray().Sum(c => c.GetProperty("points").GetInt32()).ShouldBe(article.GetProperty("score").GetInt32());
            foreach (var finding in article.GetProperty("findings").EnumerateArray())
            {
                foreach (var key in new[] { "ruleId", "category", "severity", "message", "matchedText" })
                {
                    finding.GetProperty(key).ValueKind.ShouldBe(JsonValueKind.String);
                }

                foreach (var key in new[] { "line", "column", "endLine", "endColumn" })
                {
                    finding.GetProperty(key).GetInt32().ShouldBeGreaterThan(0);
                }
            }
        }

        var credit = articles[3].GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "PRV1001");
        (credit.GetProperty("line").GetInt32(), credit.GetProperty("column").GetInt32(), credit.GetProperty("endLine").GetInt32(), credit.GetProperty("endColumn").GetInt32()).ShouldBe((11, 1, 11, 29));
        credit.GetProperty("matchedText").GetString().ShouldBe("Original Source: www.cnn.com");
        root.GetProperty("summary").GetProperty("articles").GetInt32().ShouldBe(5);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Output_is_the_same_bytes_whatever_the_parallelism(string format)
    {
        var one = Check(["samples", "--format", format, "--jobs", "1"]).Output;
        var many = Check(["samples", "--format", format, "--jobs", "8"]).Output;
        many.ShouldBe(one);
        Check(["samples", "--format", format, "--jobs", "8"]).Output.ShouldBe(one);
    }

    [Fact]
    public void A_broken_rule_file_stops_the_run_with_exit_code_2_and_a_located_message()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_temp, "rules")).FullName;
        File.WriteAllText(Path.Combine(rules, "broken.rules.json"), """
            {
              "name": "broken",
              "version": "1.0.0",
              "rules": [
                { "id": "PRV9001", "kind": "lexicon", "title": "T", "messageFormat": "m {0}", "category": "c", "defaultSeverity": "info", "phrase": ["x"] }
              ]
            }
            """);
        var (code, output, error) = Check(["samples", "--rules", rules]);
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("broken.rules.json(5,");
        error.ShouldContain("$.rules[0].phrase: unknown key 'phrase'; did you mean 'phrases'?");
        error.ShouldContain("$.rules[0]: missing required key 'phrases'");
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public void A_broken_scoring_model_stops_the_run_but_broken_rules_are_reported_first()
    {
        // The scoring model loads while the rules do; what is reported stays what it was when it loaded after them.
        var scoring = Path.Combine(_temp, "scoring.json");
        File.WriteAllText(scoring, "{ \"version\": ");
        var (code, output, error) = Check(["samples", "--scoring", scoring]);
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("scoring.json(1,");

        var rules = Directory.CreateDirectory(Path.Combine(_temp, "rules")).FullName;
        File.WriteAllText(Path.Combine(rules, "broken.rules.json"), "{ \"name\": ");
        (code, output, error) = Check(["samples", "--scoring", scoring, "--rules", rules]);
        code.ShouldBe(2);
        error.ShouldContain("broken.rules.json(1,");
        error.ShouldNotContain("scoring.json");
    }

    [Fact]
    public void A_custom_rules_folder_replaces_the_default_packs()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_temp, "rules")).FullName;
        File.WriteAllText(Path.Combine(rules, "house.rules.json"), """
            { "name": "house", "version": "1.0.0", "rules": [
              { "id": "PRV9101", "kind": "lexicon", "title": "House style", "messageFormat": "Banned word \"{0}\"", "category": "Style", "defaultSeverity": "warning", "phrases": ["pivotal"] } ] }
            """);
        var (code, output, _) = Check(["samples/gaza-blinken-dated.txt", "--rules", rules]);
        code.ShouldBe(0);
        output.ShouldContain("samples/gaza-blinken-dated.txt(1,138): warning PRV9101: Banned word \"pivotal\"");
        output.ShouldNotContain("PRV7003");
    }

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        var (code, _, error) = Check(["no-such-folder"]);
        code.ShouldBe(2);
        error.Trim().ShouldBe("provenance: no-such-folder: no such file or folder");
    }

    [Fact]
    public void A_binary_file_is_reported_and_the_rest_of_the_run_completes()
    {
        File.WriteAllBytes(Path.Combine(_temp, "image.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]);
        File.Copy(RepoPaths.Sample("miami-restraint-spun.txt"), Path.Combine(_temp, "miami.txt"));
        var (code, output, _) = Check([_temp]);
        code.ShouldBe(1, "an unreadable file is an error finding, which fails the run at the default level");
        output.ShouldContain("image.txt(1,1): error PRV0001: the file is binary (it contains NUL bytes), not text");
        output.ShouldContain("miami.txt: score ");
        output.ShouldContain("1 article checked, 1 unreadable: 1 errors");
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "utf-8")]
    [InlineData(new byte[] { 0xFF, 0xFE }, "utf-16")]
    [InlineData(new byte[0], "utf-8")]
    public void Encodings_are_detected_and_locations_stay_right(byte[] bom, string encoding)
    {
        var text = "Council passes budget\n\nThe council met on Monday.\n\nOriginal Source: www.cnn.com\n";
        var body = encoding == "utf-16" ? System.Text.Encoding.Unicode.GetBytes(text) : System.Text.Encoding.UTF8.GetBytes(text);
        File.WriteAllBytes(Path.Combine(_temp, "a.txt"), [.. bom, .. body]);
        var (_, output, _) = Check([Path.Combine(_temp, "a.txt")]);
        output.ShouldContain("a.txt(5,1): info PRV1001: Credits CNN (www.cnn.com)");
    }

    [Fact]
    public void Latin1_text_is_read_rather_than_refused()
    {
        File.WriteAllBytes(Path.Combine(_temp, "latin1.txt"), System.Text.Encoding.Latin1.GetBytes("Caf\u00e9 news\n\nThe caf\u00e9 opened on Monday.\n"));
        var (code, output, _) = Check([Path.Combine(_temp, "latin1.txt")]);
        code.ShouldBe(0);
        output.ShouldContain("latin1.txt: score ");
    }

    [Fact]
    public void Folders_are_searched_for_text_markdown_and_html_articles()
    {
        File.WriteAllText(Path.Combine(_temp, "a.md"), "# Council passes budget\n\nThe council met on Monday.\n\nOriginal Source: www.cnn.com\n");
        File.WriteAllText(Path.Combine(_temp, "b.html"), "<html><body><article><h1>Budget</h1><p>The council met on Monday to agree on the budget for the next year.</p><p>Original Source: www.cnn.com</p></article></body></html>");
        File.WriteAllText(Path.Combine(_temp, "c.txt"), "Budget\n\nThe council met.\n\nOriginal Source: www.cnn.com\n");
        File.WriteAllText(Path.Combine(_temp, "notes.json"), "{}");
        var (code, output, _) = Check([_temp, "--format", "json"]);
        code.ShouldBe(0);
        using var document = JsonDocument.Parse(output);
        var articles = document.RootElement.GetProperty("articles").EnumerateArray().ToList();
        articles.Select(a => a.GetProperty("format").GetString()).ShouldBe(["markdown", "html", "text"]);
        articles.ShouldAllBe(a => a.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("ruleId").GetString() == "PRV1001"));
    }

    [Fact]
    public void An_html_page_in_a_declared_legacy_charset_is_decoded_by_its_meta_tag()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var html = "<html><head><meta charset=\"windows-1252\"></head><body><p>The caf\u00e9 \u201cquote\u201d was reported by the council on Monday at noon.</p></body></html>";
        File.WriteAllBytes(Path.Combine(_temp, "legacy.html"), System.Text.Encoding.GetEncoding(1252).GetBytes(html));
        var output = new StringWriter();
        ShowCommand.Run(Path.Combine(_temp, "legacy.html"), "json", output, TextWriter.Null).ShouldBe(0);
        using var document = JsonDocument.Parse(output.ToString());
        document.RootElement.GetProperty("mainText").GetString().ShouldBe("The caf\u00e9 \u201cquote\u201d was reported by the council on Monday at noon.");
    }

    [Fact]
    public void A_page_re_saved_as_utf8_under_its_old_declaration_is_read_as_utf8()
    {
        // The saved qq.com page declares gb2312 but its bytes are UTF-8: read by the declaration,
        // its title was mojibake that swallowed the page's scripts and styles.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var page = Path.Combine(RepoPaths.Root, "tests", "data", "third_party", "html-testpages", "pages", "qq", "source.html");
        File.ReadAllText(page).ShouldContain("charset=gb2312");
        var output = new StringWriter();
        ShowCommand.Run(page, "json", output, TextWriter.Null).ShouldBe(0);
        using var document = JsonDocument.Parse(output.ToString());
        document.RootElement.GetProperty("metadata").GetProperty("title").GetString().ShouldBe("DeepMind\u65b0\u7535\u8111\u5df2\u53ef\u5229\u7528\u8bb0\u5fc6\u81ea\u5b66 \u4eba\u5de5\u667a\u80fd\u8fc8\u4e0a\u65b0\u53f0\u9636_\u79d1\u6280_\u817e\u8baf\u7f51");
    }

    [Theory]
    [InlineData(new[] { "samples" }, 0)]
    [InlineData(new[] { "samples", "--fail-on", "warning" }, 1)]
    [InlineData(new[] { "samples/hezbollah-original-source-cnn.txt", "--fail-on", "warning" }, 1)]
    [InlineData(new[] { "samples/hezbollah-original-source-cnn.txt", "--fail-below", "50" }, 0)]
    [InlineData(new[] { "samples/hezbollah-original-source-cnn.txt", "--fail-below", "70" }, 1)]
    [InlineData(new[] { "samples", "--fail-on", "none" }, 0)]
    public void Exit_code_follows_the_failing_level_and_threshold(string[] args, int expected)
    {
        Check(args).Code.ShouldBe(expected);
    }

    [Fact]
    public void Several_formats_go_to_files_and_one_to_the_console()
    {
        var sarif = Path.Combine(_temp, "out", "results.sarif");
        var junit = Path.Combine(_temp, "junit.xml");
        var (code, output, _) = Check(["samples", "--format", "msbuild", "--format", $"sarif={sarif}", "--format", $"junit={junit}"]);
        code.ShouldBe(0);
        output.ShouldContain("samples/hezbollah-original-source-cnn.txt(11,1,11,29): info PRV1001");
        File.ReadAllText(sarif).ShouldContain("\"version\": \"2.1.0\"");
        File.ReadAllText(junit).ShouldStartWith("<?xml");
        Directory.GetFiles(_temp, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public void Two_console_formats_are_a_usage_error()
    {
        var (code, _, error) = Check(["samples", "--format", "text", "--format", "json"]);
        code.ShouldBe(2);
        error.ShouldContain("only one --format can write to the console");
    }

    [Fact]
    public void Report_dir_gets_a_scorecard_per_article_and_an_index()
    {
        var folder = Path.Combine(_temp, "report");
        Check(["samples", "--report-dir", folder]).Code.ShouldBe(0);
        File.Exists(Path.Combine(folder, "index.html")).ShouldBeTrue();
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.txt"))
        {
            File.Exists(Path.Combine(folder, "samples", Path.GetFileName(sample) + ".html")).ShouldBeTrue();
            File.Exists(Path.Combine(folder, "samples", Path.GetFileName(sample) + ".md")).ShouldBeTrue();
        }

        File.ReadAllText(Path.Combine(folder, "samples", "gaza-blinken-dated.txt.md")).ShouldContain("2024-03-21 (2 years ago)");

        // Every rule id in a scorecard links to a help page that is there.
        var card = File.ReadAllText(Path.Combine(folder, "samples", "hezbollah-original-source-cnn.txt.html"));
        var links = System.Text.RegularExpressions.Regex.Matches(card, "href=\"(\\.\\./rules/PRV[0-9]{4}\\.html)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        links.ShouldNotBeEmpty();
        links.ShouldAllBe(link => File.Exists(Path.GetFullPath(Path.Combine(folder, "samples", link))));
    }

    [Theory]
    [InlineData("sarif")]
    [InlineData("junit")]
    [InlineData("github")]
    public void Every_file_format_is_the_same_bytes_whatever_the_parallelism(string format)
    {
        var one = Path.Combine(_temp, "one." + format);
        var many = Path.Combine(_temp, "many." + format);
        Check(["samples", "--format", $"{format}={one}", "--jobs", "1"]);
        Check(["samples", "--format", $"{format}={many}", "--jobs", "8"]);
        File.ReadAllBytes(many).ShouldBe(File.ReadAllBytes(one));
    }

    private static (int Code, string Output, string Error) Check(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CheckCommand.Run(ParseArgs(args), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static CheckRequest ParseArgs(string[] args)
    {
        var paths = new List<string>();
        var formats = new List<string>();
        string? rules = null, reportDir = null, scoring = null;
        var failOn = "error";
        int? failBelow = null;
        var jobs = 2;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--format": formats.Add(args[++i]); break;
                case "--rules": rules = args[++i]; break;
                case "--scoring": scoring = args[++i]; break;
                case "--report-dir": reportDir = args[++i]; break;
                case "--fail-on": failOn = args[++i]; break;
                case "--fail-below": failBelow = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--jobs": jobs = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                default: paths.Add(args[i]); break;
            }
        }

        var engine = new EngineOptions { BaseDirectory = RepoPaths.Root, RulesDirectory = rules, ScoringFile = scoring, Jobs = jobs, FailOn = failOn, FailBelow = failBelow, AsOf = new DateOnly(2026, 11, 21) };
        return new CheckRequest([.. paths], engine) { Formats = formats.Count == 0 ? ["text"] : [.. formats], ReportDirectory = reportDir };
    }

    [GeneratedRegex(@"^samples/[\w-]+\.txt: score \d{1,3}/100, grade [A-F] \(.+\)$")]
    private static partial Regex ScoreLine();

    [GeneratedRegex(@"^samples/[\w-]+\.txt\(\d+,\d+\): (info|warning|error) PRV\d{4}: .+$")]
    private static partial Regex FindingLine();
}
