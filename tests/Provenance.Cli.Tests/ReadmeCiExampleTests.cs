using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Provenance.Tests;
using YamlDotNet.RepresentationModel;

namespace Provenance.Cli.Tests;

/// <summary>
/// The README's CI examples run as written: the tool is packed as the Install section says (only
/// the portable package, to keep the test short) into a folder standing in for the team's feed,
/// and each example's steps are read from the README and run in order in a fresh content
/// repository with a fresh home folder — GitHub Actions' <c>run</c> steps on a pull-request branch
/// with its base fetched, GitLab's <c>script</c> in one shell — with <c>PROVENANCE_FEED</c> and
/// the base branch filled in. What a runner's own actions do (checkout, setup-dotnet, uploading
/// SARIF) is done or checked here.
/// </summary>
public sealed partial class ReadmeCiExampleTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("provenance-ci-example-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void The_github_actions_and_gitlab_examples_run_as_written_on_a_fresh_content_repository()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var feed = Pack();

        // GitHub Actions: main holds the content and its baseline, made as the README says; a
        // pull request adds one article.
        var github = Section(readme, "### GitHub Actions");
        var origin = Git(_work, "init", "-q", "--bare", "-b", "main", "origin.git");
        var seed = Content("seed");
        var developer = Home("developer");
        NoOtherFeed(seed);
        Shell(seed, developer, $"dotnet tool install --global --add-source \"{feed}\" Provenance.Cli").Code.ShouldBe(0);
        var prepare = Shell(seed, developer, Block(github, "sh"));
        prepare.Code.ShouldBe(0, prepare.Output);
        File.Exists(Path.Combine(seed, "provenance-baseline.json")).ShouldBeTrue();
        File.Delete(Path.Combine(seed, "nuget.config"));
        Git(seed, "add", "-A");
        Git(seed, "commit", "-qm", "content");
        Git(seed, "push", "-q", origin, "main");
        Git(seed, "checkout", "-qb", "pull-request");
        File.Copy(RepoPaths.Sample("miami-restraint-spun.txt"), Path.Combine(seed, "content", "new-story.txt"));
        Git(seed, "add", "-A");
        Git(seed, "commit", "-qm", "a new story");
        Git(seed, "push", "-q", origin, "pull-request");

        // actions/checkout with fetch-depth 0: the whole history, the base branch as origin/main.
        var workspace = Path.Combine(_work, "github");
        Git(_work, "clone", "-q", "-b", "pull-request", origin, workspace);
        NoOtherFeed(workspace);
        var runner = Home("github");
        var job = new YamlStream();
        job.Load(new StringReader(Block(github, "yaml")));
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)job.Documents[0].RootNode)["jobs"])["check"])["steps"];
        var runs = steps.Cast<YamlMappingNode>().Where(s => s.Children.ContainsKey("run")).Select(s => ((YamlScalarNode)s["run"]).Value!).ToList();
        runs.Count.ShouldBe(2);
        var last = string.Empty;
        foreach (var run in runs)
        {
            var script = run.Replace("${{ vars.PROVENANCE_FEED }}", feed, StringComparison.Ordinal).Replace("${{ github.base_ref }}", "main", StringComparison.Ordinal);
            script.ShouldNotContain("${{");
            var (code, output) = Shell(workspace, runner, script);
            code.ShouldBe(0, $"{script}\n{output}");
            last = output;
        }

        // Only the new article is reported; the SARIF file for upload-sarif is there.
        last.ShouldContain("file=content/new-story.txt");
        Regex.Matches(last, "^::(?:error|warning|notice) file=(?<file>[^,]+)", RegexOptions.Multiline).Select(m => m.Groups["file"].Value).Distinct().ShouldBe(["content/new-story.txt"]);
        using (var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace, "provenance.sarif"))))
        {
            sarif.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        }

        // GitLab CI: the script's lines in one shell, PROVENANCE_FEED as a CI/CD variable.
        var gitlab = Section(readme, "### GitLab CI");
        var pipeline = new YamlStream();
        pipeline.Load(new StringReader(Block(gitlab, "yaml")));
        var lines = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)pipeline.Documents[0].RootNode)["provenance"])["script"]).Select(n => ((YamlScalarNode)n).Value!).ToList();
        var project = Content("gitlab");
        NoOtherFeed(project);
        var result = Shell(project, Home("gitlab"), string.Join('\n', lines), ("PROVENANCE_FEED", feed));
        result.Code.ShouldBe(0, result.Output);
        foreach (var artifact in (string[])["gl-code-quality.json", "provenance-junit.xml", "provenance-report/index.html", ".provenance-cache"])
        {
            Path.Exists(Path.Combine(project, artifact)).ShouldBeTrue($"{artifact} is not there after the GitLab job");
        }
    }

    // The Install section's pack command, into a folder standing in for the feed.
    private string Pack()
    {
        var install = Block(Section(File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")), "### Install"), "sh");
        install.ShouldContain("dotnet pack src/Provenance.Cli -c Release -o artifacts/nupkg");
        var feed = Path.Combine(_work, "feed");
        var (code, output) = Run(RepoPaths.Root, null, "dotnet", ["pack", "src/Provenance.Cli", "-c", "Release", "-o", feed, "-p:ToolPackageRuntimeIdentifiers=any"]);
        code.ShouldBe(0, output);
        return feed;
    }

    private string Content(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_work, name, "content")).Parent!.FullName;
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.txt"))
        {
            File.Copy(sample, Path.Combine(folder, "content", Path.GetFileName(sample)));
        }

        if (name != "gitlab")
        {
            Git(folder, "init", "-q", "-b", "main");
            Git(folder, "config", "user.email", "editor@example.com");
            Git(folder, "config", "user.name", "Editor");
        }

        return folder;
    }

    // Only the feed: a package of the same name on a public source must not stand in for ours.
    private static void NoOtherFeed(string folder) =>
        File.WriteAllText(Path.Combine(folder, "nuget.config"), "<configuration><packageSources><clear /></packageSources></configuration>");

    private string Home(string name) => Directory.CreateDirectory(Path.Combine(_work, "home-" + name)).FullName;

    private static (int Code, string Output) Shell(string folder, string home, string script, params (string Name, string Value)[] variables) =>
        Run(folder, home, "bash", ["-e", "-o", "pipefail", "-c", script], variables);

    private static string Git(string folder, params string[] arguments)
    {
        var (code, output) = Run(folder, null, "git", arguments);
        code.ShouldBe(0, $"git {string.Join(' ', arguments)}: {output}");
        return arguments is ["init", .., var path] ? Path.Combine(folder, path) : output;
    }

    private static (int Code, string Output) Run(string folder, string? home, string program, IEnumerable<string> arguments, params (string Name, string Value)[] variables)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (home is not null)
        {
            // A fresh machine: its own home, global tools on the PATH as on the hosted runners.
            start.Environment["HOME"] = home;
            start.Environment["DOTNET_CLI_HOME"] = home;
            start.Environment["PATH"] = $"{Path.Combine(home, ".dotnet", "tools")}:{Environment.GetEnvironmentVariable("PATH")}";
            start.Environment["CI"] = "true";
            start.Environment["DOTNET_NOLOGO"] = "1";
        }

        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static string Section(string readme, string heading)
    {
        var start = readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"the README has no '{heading}'");
        // The section ends at the next heading of its level or above (a "# comment" in a block is not one).
        var end = Regex.Match(readme[(start + heading.Length + 2)..], "^#{2,3} ", RegexOptions.Multiline) is { Success: true } next ? start + heading.Length + 2 + next.Index : -1;
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    private static string Block(string section, string language)
    {
        var match = Regex.Match(section, $"```{language}\\n(?<body>.*?)```", RegexOptions.Singleline);
        match.Success.ShouldBeTrue($"no ```{language} block in the section");
        return match.Groups["body"].Value;
    }
}
