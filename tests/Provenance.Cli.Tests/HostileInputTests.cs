using System.Text;
using Provenance.Cli;
using Provenance.Hosting;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary>
/// Hostile and odd inputs through the whole check: each run completes, no stack trace, the bad
/// article gets a located diagnostic or reads as what it is, and the rest of the run goes on.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("provenance-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Empty_and_blank_files_are_checked_without_error()
    {
        File.WriteAllText(Path.Combine(_dir, "empty.txt"), string.Empty);
        File.WriteAllText(Path.Combine(_dir, "blank.md"), "  \n\n\t\n");
        File.WriteAllText(Path.Combine(_dir, "blank.html"), string.Empty);
        var (code, output, error) = Check(_dir);
        code.ShouldBe(0, error);
        output.ShouldContain("3 articles checked");
    }

    [Fact]
    public void Utf16_big_endian_and_text_with_nul_bytes()
    {
        var text = "Budget passes\n\nThe council met on Monday.\n\nOriginal Source: www.cnn.com\n";
        File.WriteAllBytes(Path.Combine(_dir, "be.txt"), [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)]);
        File.WriteAllBytes(Path.Combine(_dir, "nul.txt"), [.. Encoding.UTF8.GetBytes(text), 0, .. Encoding.UTF8.GetBytes("more")]);
        var (code, output, _) = Check(_dir);
        code.ShouldBe(1, "a binary file is an error finding");
        output.ShouldContain("be.txt(5,1): info PRV1001");
        output.ShouldContain("nul.txt(1,1): error PRV0001: the file is binary");
    }

    [Fact]
    public void A_symlink_loop_in_a_content_folder_is_not_followed()
    {
        var inner = Directory.CreateDirectory(Path.Combine(_dir, "a")).FullName;
        File.WriteAllText(Path.Combine(inner, "x.txt"), "Title\n\nThe council met on Monday.\n");
        Directory.CreateSymbolicLink(Path.Combine(inner, "loop"), _dir);
        var (code, output, _) = Check(_dir);
        code.ShouldBe(0);
        output.ShouldContain("1 article checked");
    }

    [Fact]
    public void A_five_megabyte_single_line_is_checked_whole()
    {
        var words = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var line = new StringBuilder();
        var random = new Random(3);
        while (line.Length < 5_000_000)
        {
            line.Append(words[random.Next(words.Length)]).Append(' ');
        }

        File.WriteAllText(Path.Combine(_dir, "long.txt"), line.ToString());
        var (code, output, _) = Check(_dir);
        code.ShouldBe(0);
        output.ShouldContain("long.txt(1,");
        output.ShouldMatch(@"long\.txt\(1,4\d{6}\)", "findings are located near the end of the line too");
        output.ShouldContain("1 article checked");
    }

    [Fact]
    public void Html_nested_a_hundred_thousand_deep_and_broken_markup_are_read()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>Deep text that the council published on Monday for readers.</p>" + string.Concat(Enumerable.Repeat("</div>", 100_000));
        File.WriteAllText(Path.Combine(_dir, "deep.html"), html);
        File.WriteAllText(Path.Combine(_dir, "broken.html"), "<p>unclosed <b>bold <i>italic &bogus; &#99999999; <div");
        var (code, output, error) = Check(_dir);
        code.ShouldBe(0, error);
        output.ShouldContain("deep.html(1,2561): warning PRV0005: the page nests elements more than 512 deep");
        output.ShouldContain("2 articles checked");
    }

    [Fact]
    public void A_file_over_the_size_limit_is_reported_without_being_read()
    {
        // Sparse: 50 MB on paper, nothing on disk; reading it would take a minute and 600 MB.
        using (var huge = File.Create(Path.Combine(_dir, "huge.txt")))
        {
            huge.SetLength(50L * 1024 * 1024);
        }

        File.WriteAllText(Path.Combine(_dir, "two-mb.txt"), new string('x', 2 * 1024 * 1024));
        File.WriteAllText(Path.Combine(_dir, "small.txt"), "Title\n\nThe council met on Monday.\n");
        var (code, output, _) = Check(_dir);
        code.ShouldBe(1, "an article that was not checked fails the run");
        output.ShouldContain("huge.txt(1,1): error PRV0001: the file is 50.0 MB, larger than the 10 MB limit (--max-file-size); it was not checked");
        output.ShouldNotContain("two-mb.txt(1,1): error PRV0001");
        output.ShouldContain("2 articles checked, 1 unreadable");

        // show reads the same way.
        var shown = new StringWriter();
        ShowCommand.Run(Path.Combine(_dir, "huge.txt"), "text", new StringWriter(), shown).ShouldBe(2);
        shown.ToString().ShouldContain("huge.txt: the file is 50.0 MB, larger than the 10 MB limit (--max-file-size)");

        var error = new StringWriter();
        var output2 = new StringWriter();
        var options = new CheckRequest([_dir], new EngineOptions { BaseDirectory = RepoPaths.Root, Jobs = 2, MaxFileBytes = 1024 * 1024 });
        CheckCommand.Run(options, output2, error).ShouldBe(1);
        output2.ToString().ShouldContain("two-mb.txt(1,1): error PRV0001: the file is 2.0 MB, larger than the 1 MB limit (--max-file-size)");
    }

    [Fact]
    public void A_file_that_is_gone_or_unreadable_when_it_is_read_is_reported_not_thrown()
    {
        // The step a run takes for each listed file, given one deleted since the listing.
        var item = CheckRunner.CheckFile(Provenance.ProvenanceChecker.CreateDefault(), Path.Combine(_dir, "deleted.txt"), "deleted.txt", Provenance.Analysis.AnalysisOptions.Default);
        item.Report.ShouldBeNull();
        item.Error.ShouldBe("the file was gone when it was to be read (deleted or moved during the run, or a broken link)");

        // Unreadable in its place (tests run as root, which file modes do not stop): a folder by that name.
        Directory.CreateDirectory(Path.Combine(_dir, "replaced.txt"));
        var unreadable = CheckRunner.CheckFile(Provenance.ProvenanceChecker.CreateDefault(), Path.Combine(_dir, "replaced.txt"), "replaced.txt", Provenance.Analysis.AnalysisOptions.Default);
        unreadable.Report.ShouldBeNull();
        unreadable.Error!.ShouldStartWith("the file could not be read: ");
    }

    [Fact]
    public async Task Files_deleted_while_the_run_reads_them_are_each_either_checked_or_reported()
    {
        const int Count = 400;
        for (var i = 0; i < Count; i++)
        {
            File.WriteAllText(Path.Combine(_dir, $"a{i:000}.txt"), $"Title {i}\n\nThe council met on Monday, said Jane Doe.\n");
        }

        var deleting = Task.Run(() =>
        {
            // Paced so the deletions span the listing, the rule loading and the checks.
            for (var i = Count - 1; i >= 0; i -= 2)
            {
                File.Delete(Path.Combine(_dir, $"a{i:000}.txt"));
                Thread.Sleep(2);
            }
        }, TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CheckCommand.Run([_dir], "json", null, null, 2, RepoPaths.Root, output, error);
        await deleting;
        error.ToString().ShouldNotContain("   at ");
        code.ShouldBeOneOf(0, 1);
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        var articles = json.RootElement.GetProperty("articles").EnumerateArray().ToList();
        articles.Count.ShouldBeInRange(Count / 2, Count, "every file listed is in the report, checked or not");
        foreach (var article in articles)
        {
            var gone = article.TryGetProperty("error", out var message) && message.GetString()!.StartsWith("the file was gone", StringComparison.Ordinal);
            var checkedWhole = article.TryGetProperty("score", out var score) && score.ValueKind == System.Text.Json.JsonValueKind.Number;
            (gone ^ checkedWhole).ShouldBeTrue($"{article.GetProperty("path")} is either checked or reported gone");
        }
    }

    [Fact]
    public void Malformed_front_matter_is_a_located_warning_and_the_rest_is_checked()
    {
        File.WriteAllText(Path.Combine(_dir, "story.md"), "---\ntitle: [unclosed\nauthor: x\n---\n\n# Headline\n\nBy Jane Doe\n\nThe council met on Monday, Reuters reported.\n");
        var (code, output, error) = Check(_dir);
        code.ShouldBe(0, error);
        output.ShouldMatch(@"story\.md\(\d+,\d+\): warning PRV0005: the front matter is not valid YAML");
        output.ShouldContain("Cites Reuters");
    }

    [Fact]
    public async Task A_named_pipe_in_a_content_folder_does_not_hang_the_run()
    {
        // Opening a pipe for reading waits for a writer; none will come.
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(_dir, "pipe.txt")]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
            mkfifo.ExitCode.ShouldBe(0);
        }

        File.WriteAllText(Path.Combine(_dir, "a.txt"), "Title\n\nThe council met on Monday.\n");
        var run = Task.Run(() => Check(_dir), TestContext.Current.CancellationToken);
        var (code, output, error) = await run.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        code.ShouldBe(0, error);
        output.ShouldContain("2 articles checked");
    }

    private (int Code, string Output, string Error) Check(string path)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CheckCommand.Run([path], "text", null, null, 2, RepoPaths.Root, output, error);
        error.ToString().ShouldNotContain("   at ");
        return (code, output.ToString(), error.ToString());
    }
}
