using Provenance.Hosting;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary>
/// A run killed outright (SIGKILL) while it writes a file leaves the old file whole: the new bytes
/// go to a temporary file that is renamed over the old one only once complete. The tool is paused
/// before the temporary file is renamed (<see cref="AtomicFile.PauseVariable"/>) so the kill lands
/// mid-write every time, not by luck.
/// </summary>
public sealed class KillMidWriteTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("provenance-kill-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_report_being_written_when_the_run_is_killed_keeps_its_old_bytes()
    {
        File.Copy(RepoPaths.Sample("hezbollah-original-source-cnn.txt"), Path.Combine(_dir, "story.txt"));
        var report = Path.Combine(_dir, "report.json");
        var old = "{ \"an earlier\": \"report\" }\n"u8.ToArray();
        File.WriteAllBytes(report, old);

        var (temp, bytes) = await KillMidWrite("report.json", "check", "story.txt", "--format", "json=report.json");
        File.ReadAllBytes(report).ShouldBe(old);
        bytes.Length.ShouldBeGreaterThan(1000, "the kill came while the new report was in its temporary file");

        // Not killed, the same run replaces the report whole, and removes what the killed one left.
        using var finished = Running.Start(_dir, "check", "story.txt", "--format", "json=report.json");
        finished.WaitForExit().ShouldBe(0, finished.Errors);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(report));
        json.RootElement.GetProperty("articles").GetArrayLength().ShouldBe(1);
        File.Exists(temp).ShouldBeFalse("the killed run's temporary file was left behind");
        Directory.GetFiles(_dir, ".report.json.*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_article_being_fixed_when_the_run_is_killed_keeps_its_old_bytes()
    {
        var article = Path.Combine(_dir, "story.txt");
        File.Copy(RepoPaths.Sample("hezbollah-original-source-cnn.txt"), article);
        var old = File.ReadAllBytes(article);

        var (temp, bytes) = await KillMidWrite("story.txt", "fix", "story.txt");
        File.ReadAllBytes(article).ShouldBe(old);
        bytes.Length.ShouldBeGreaterThan(0);

        // Article files are not searched for leftovers (a fix writes many files into one folder);
        // removed here, as a person would.
        File.Delete(temp);

        using var finished = Running.Start(_dir, "fix", "story.txt");
        finished.WaitForExit().ShouldBe(0, finished.Errors);
        File.ReadAllText(article).ShouldNotContain("Leave a Reply");
    }

    // Runs the tool paused while writing `name`, kills it there and returns the unfinished
    // temporary file and its bytes.
    private async Task<(string Path, byte[] Bytes)> KillMidWrite(string name, params string[] arguments)
    {
        using var run = Running.Start(_dir, new Dictionary<string, string> { [AtomicFile.PauseVariable] = name }, arguments);
        await run.WaitForLine($"provenance: paused mid-write of {Path.Combine(_dir, name)}", inErrors: true);
        run.Kill();
        var temp = Directory.GetFiles(_dir, $".{name}.*.tmp").ShouldHaveSingleItem("the write was going to a temporary file");
        return (temp, File.ReadAllBytes(temp));
    }
}
