using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary>
/// <c>dotnet build samples/content-project</c>, as a content team runs it: the build analyzer gives
/// the command-line tool's findings on the sample articles, at the same places, with the same ids
/// and messages, under the compiler's own severity controls.
/// </summary>
public sealed partial class ContentProjectBuildTests : IDisposable
{
    private static readonly string Project = Path.Combine(RepoPaths.Root, "samples", "content-project");

    // The analyzer and its engine are used from the configuration the tests were built in.
    private static readonly string Configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private readonly string _temp = Directory.CreateTempSubdirectory("provenance-build-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);


    [Fact]
    public void The_build_reports_every_finding_the_cli_gives_for_the_samples_at_the_same_places()
    {
        var sarif = Path.Combine(_temp, "build.sarif");
        var (code, output) = Build($"-p:ErrorLog={sarif}%2Cversion=2.1");
        code.ShouldBe(0, output);
        output.ShouldNotContain("AD0001");
        output.ShouldNotContain("PRV0010");

        // The CLI's findings, as its MSBuild format writes them (relative paths, line and column ranges).
        var (cliCode, cli, cliError) = ToolProcess.Run(RepoPaths.Root, ["check", "samples", "--format", "msbuild", "--fail-on", "none"]);
        cliCode.ShouldBe(0, cliError);
        var expected = cli.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
        expected.Count.ShouldBeGreaterThan(40);

        // Warnings and errors are printed by the build; info-level findings go to the error log.
        var printed = output.Split('\n').Select(l => BuildLine().Match(l)).Where(m => m.Success)
            .Select(m => (Path.GetRelativePath(RepoPaths.Root, m.Groups["path"].Value).Replace('\\', '/'), int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value), m.Groups["severity"].Value, m.Groups["id"].Value, m.Groups["message"].Value))
            .Distinct().Order().ToList();
        printed.ShouldBe(expected.Where(f => f.Severity is "warning" or "error").Order().ToList());

        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        log.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        using (var validation = JsonDocument.Parse(NodeTools.Run("validate.mjs", NodeTools.SarifSchema, sarif)))
        {
            validation.RootElement.GetProperty("valid").GetBoolean().ShouldBeTrue(validation.RootElement.GetRawText());
        }

        var logged = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r =>
        {
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = location.GetProperty("region");
            var path = Path.GetRelativePath(RepoPaths.Root, new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath).Replace('\\', '/');
            var level = r.GetProperty("level").GetString() == "note" ? "info" : r.GetProperty("level").GetString()!;
            return (path, region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), level, r.GetProperty("ruleId").GetString()!, r.GetProperty("message").GetProperty("text").GetString()!);
        }).ToList();
        logged.Where(r => r.Item5 != "PRV0012").Order().ToList().ShouldBe(expected.Order().ToList());

        // Each article's score, as the CLI's JSON report gives it.
        var (_, json, _) = ToolProcess.Run(RepoPaths.Root, ["check", "samples", "--format", "json", "--fail-on", "none"]);
        using var report = JsonDocument.Parse(json);
        var scores = report.RootElement.GetProperty("articles").EnumerateArray()
            .Select(a => (a.GetProperty("path").GetString()!, 1, 1, "info", "PRV0012", $"Provenance score {a.GetProperty("score").GetInt32()}/100, grade {a.GetProperty("grade").GetString()} ({a.GetProperty("label").GetString()})"))
            .Order().ToList();
        logged.Where(r => r.Item5 == "PRV0012").Order().ToList().ShouldBe(scores);
    }

    [Fact]
    public void ProvenanceFailBelow_fails_the_build_on_each_article_scoring_under_it()
    {
        var (code, output) = Build("-p:ProvenanceFailBelow=30");
        code.ShouldNotBe(0);
        var below = output.Split('\n').Where(l => l.Contains("error PRV0013", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
        below.ShouldNotBeEmpty();
        below.ShouldAllBe(l => Regex.IsMatch(l, @"\(1,1\): error PRV0013: Provenance score \d+/100 is below 30 \(ProvenanceFailBelow\)"));

        var (passing, passingOutput) = Build("-p:ProvenanceFailBelow=0");
        passing.ShouldBe(0, passingOutput);
        passingOutput.ShouldNotContain("PRV0013");
    }

    [Fact]
    public void WarningsAsErrors_fails_the_build_on_a_rule_and_NoWarn_silences_it()
    {
        var (failed, failedOutput) = Build("-p:WarningsAsErrors=PRV2003%3BAD0001");
        failed.ShouldNotBe(0);
        failedOutput.ShouldMatch(@"ceasefire-banxchange\.txt\(4,1\): error PRV2003: Vague attribution");

        var (code, output) = Build("-p:NoWarn=PRV2003");
        code.ShouldBe(0, output);
        output.ShouldNotContain("PRV2003");
        output.ShouldContain("warning PRV2004");
    }

    [Fact]
    public void A_globalconfig_beside_the_project_sets_a_rules_severity_error_failing_the_build_or_none_silencing_it()
    {
        // A content team's own project outside this repository, with a .globalconfig beside it.
        var project = Directory.CreateDirectory(Path.Combine(_temp, "articles-project")).FullName;
        WriteLocalProject(project, $"""<AdditionalFiles Include="{RepoPaths.Samples}/*.txt" />""");
        File.WriteAllText(Path.Combine(project, ".globalconfig"), "is_global = true\ndotnet_diagnostic.PRV2003.severity = error\ndotnet_diagnostic.PRV2004.severity = none\n");

        var (code, output) = BuildIn(project);
        code.ShouldNotBe(0);
        output.ShouldMatch(@"ceasefire-banxchange\.txt\(4,1\): error PRV2003: Vague attribution");
        output.ShouldNotContain("PRV2004");
        output.ShouldContain("warning PRV1003");
    }

    [Fact]
    public void A_provenance_json_beside_the_articles_configures_the_build_as_it_does_the_cli_and_its_errors_are_reported_in_it()
    {
        var project = Directory.CreateDirectory(Path.Combine(_temp, "site")).FullName;
        var articles = Directory.CreateDirectory(Path.Combine(project, "articles")).FullName;
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.txt"))
        {
            File.Copy(sample, Path.Combine(articles, Path.GetFileName(sample)));
        }

        WriteLocalProject(project);
        var config = """
            {
              "rules": { "PRV2003": "error" },
              "overrides": [ { "files": ["articles/gaza-*.txt"], "rules": { "PRV2004": "none" } } ]
            }
            """;
        File.WriteAllText(Path.Combine(project, "provenance.json"), config);

        // The CLI over the same folder says the same.
        var (cliCode, cli, _) = ToolProcess.Run(project, ["check", "articles", "--format", "msbuild"]);
        cliCode.ShouldBe(1);
        cli.ShouldContain("articles/ceasefire-banxchange.txt(4,1,4,22): error PRV2003");
        cli.ShouldNotContain("gaza-blinken-dated.txt(1,1): warning PRV2004");

        var (code, output) = BuildIn(project);
        code.ShouldNotBe(0);
        output.ShouldMatch(@"articles/ceasefire-banxchange\.txt\(4,1\): error PRV2003: Vague attribution");
        output.ShouldNotMatch(@"gaza-blinken-dated\.txt\(1,1\): warning PRV2004");
        output.ShouldContain("warning PRV1003");

        // An error in the file is reported in it, and the file does not apply.
        File.WriteAllText(Path.Combine(project, "provenance.json"), """{ "rules": { "PRV9999": "error" } }""");
        var (badCode, bad) = BuildIn(project);
        badCode.ShouldNotBe(0);
        bad.ShouldMatch(@"provenance\.json\(1,\d+\): error PRV0011: .*PRV9999");
        bad.ShouldContain("warning PRV2003");
    }

    [Fact]
    public void The_package_added_to_a_content_project_checks_its_articles_in_the_build()
    {
        // The package packed from these sources into a feed of its own, restored into a cache of
        // its own: a content team's one package reference.
        var feed = Path.Combine(_temp, "feed");
        var (packed, packOutput) = Run(RepoPaths.Root, "pack", "src/Provenance.Analyzers", "-c", Configuration, "-o", feed, "-nologo");
        packed.ShouldBe(0, packOutput);
        using (var package = System.IO.Compression.ZipFile.OpenRead(Directory.GetFiles(feed, "Provenance.Analyzers.*.nupkg").Single()))
        {
            var files = package.Entries.Select(e => e.FullName).ToList();
            files.ShouldContain("analyzers/dotnet/cs/Provenance.Analyzers.dll");
            files.ShouldContain("analyzers/dotnet/cs/Provenance.Analyzers.CodeFixes.dll");
            files.ShouldContain("analyzers/dotnet/cs/Provenance.Core.dll");
            files.ShouldContain("build/Provenance.Analyzers.targets");
            files.ShouldNotContain(f => Path.GetFileName(f).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        }

        var project = Directory.CreateDirectory(Path.Combine(_temp, "newsroom")).FullName;
        Directory.CreateDirectory(Path.Combine(project, "stories"));
        File.Copy(RepoPaths.Sample("gaza-second-phase-blog.txt"), Path.Combine(project, "stories", "blog.txt"));
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <configuration>
              <packageSources><clear /><add key="local" value="{feed}" /></packageSources>
              <config><add key="globalPackagesFolder" value="{Path.Combine(_temp, "packages")}" /></config>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "newsroom.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <WarningsAsErrors>AD0001;PRV0010</WarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Provenance.Analyzers" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        var (code, output) = Run(project, "build", "-c", Configuration, "-nologo", "-p:UseSharedCompilation=false");
        code.ShouldBe(0, output);
        output.ShouldMatch(@"stories/blog\.txt\(4,228\): warning PRV2003: Vague attribution: ""U\.S\. officials say""");
        output.ShouldNotContain("AD0001");
    }

    // A content project outside this repository using the analyzer from its sources; its articles
    // are those below its folder unless items are given.
    private static void WriteLocalProject(string folder, string items = "")
    {
        var targets = Path.Combine(RepoPaths.Root, "src", "Provenance.Analyzers", "build", "Provenance.Analyzers.Local.targets");
        File.WriteAllText(Path.Combine(folder, Path.GetFileName(folder) + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                <WarningsAsErrors>AD0001;PRV0010</WarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>{items}</ItemGroup>
              <Import Project="{targets}" />
            </Project>
            """);
    }

    private static (string Path, int Line, int Column, string Severity, string Id, string Message) Parse(string line)
    {
        var match = CliLine().Match(line);
        match.Success.ShouldBeTrue(line);
        return (match.Groups["path"].Value, int.Parse(match.Groups["line"].Value), int.Parse(match.Groups["col"].Value), match.Groups["severity"].Value, match.Groups["id"].Value, match.Groups["message"].Value);
    }

    // The content project compiled afresh each time (its intermediate folder removed), so the
    // compiler runs and prints its diagnostics; the analyzer's projects build incrementally.
    private static (int Code, string Output) Build(params string[] properties) => BuildIn(Project, properties);

    private static (int Code, string Output) BuildIn(string project, params string[] properties)
    {
        var intermediate = Path.Combine(project, "obj", Configuration);
        if (Directory.Exists(intermediate))
        {
            Directory.Delete(intermediate, recursive: true);
        }

        return Run(project, ["build", "-c", Configuration, "-nologo", "-p:UseSharedCompilation=false", .. properties]);
    }

    private static (int Code, string Output) Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    [GeneratedRegex(@"^(?<path>[^(]+)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\): (?<severity>error|warning|info) (?<id>PRV\d{4}): (?<message>.*)$")]
    private static partial Regex CliLine();

    [GeneratedRegex(@"^\s*(?<path>/[^(]+|[A-Za-z]:\\[^(]+)\((?<line>\d+),(?<col>\d+)\): (?<severity>error|warning) (?<id>PRV\d{4}): (?<message>.*) \[[^\]]+\]\s*$")]
    private static partial Regex BuildLine();
}
