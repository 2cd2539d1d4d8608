using System.Net;
using System.Text;
using System.Text.Json;
using Provenance.Cli;
using Provenance.Hosting;
using Provenance.Reporting;
using Provenance.Tests;

namespace Provenance.Service.Tests;

/// <summary>
/// One engine for every host: the same folder under the same configuration gives the same JSON,
/// byte for byte, through <c>check</c>, the library's engine, the service's batch endpoint and
/// <c>watch</c>'s first pass.
/// </summary>
public sealed class EngineParityTests : IDisposable
{
    // Rules switched off and raised, a category lowered, and a policy that fails some samples and
    // not others: every part of a configuration that shows in the JSON.
    private const string Config = """
        {
          "root": true,
          "rules": { "PRV6002": "none", "PRV2005": "error" },
          "categories": { "Integrity": "info" },
          "failOn": "warning",
          "failBelow": 45
        }
        """;

    private readonly string _site = Directory.CreateTempSubdirectory("provenance-parity-").FullName;

    public EngineParityTests()
    {
        var content = Directory.CreateDirectory(Path.Combine(_site, "content")).FullName;
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.txt"))
        {
            File.Copy(sample, Path.Combine(content, Path.GetFileName(sample)));
        }

        // A real page, and a Markdown article in a folder of its own with its own configuration
        // (it quotes no one and is long enough to be judged, so whether "no direct quote" is on shows in its findings).
        File.Copy(RepoPaths.TestPages.Single(p => p.Contains("daringfireball-1", StringComparison.Ordinal)), Path.Combine(content, "daringfireball.html"));
        var opinion = Directory.CreateDirectory(Path.Combine(content, "opinion")).FullName;
        File.WriteAllText(Path.Combine(opinion, "column.md"), "# Why the vote matters\n\nBy Jane Roe\n\nThe council said on Monday it would act, officials told Reuters.\n\nThe mayor has not yet set a date for the vote, and the two members who asked for it last spring say they will not wait much longer. Residents who spoke at the last meeting want the library and the pool kept open, and the budget leaves room for one of them at most.\n");
        File.WriteAllText(Path.Combine(opinion, ProvenanceConfigName), """{ "rules": { "PRV2005": "none" }, "failBelow": 20 }""");
        File.WriteAllText(Path.Combine(content, ProvenanceConfigName), Config);
    }

    private static string ProvenanceConfigName => Configuration.ProvenanceConfig.FileName;

    public void Dispose() => Directory.Delete(_site, recursive: true);

    [Fact]
    public async Task The_cascade_gives_the_same_json_through_check_the_engine_and_watch()
    {
        var options = new EngineOptions { BaseDirectory = _site, Jobs = 2 };
        var viaCheck = Check(options);
        viaCheck.ShouldContain("\"path\": \"content/opinion/column.md\"");

        (await ViaEngine(options)).ShouldBe(viaCheck);
        (await ViaWatch(options)).ShouldBe(viaCheck);

        // The configuration is applied, not merely read: without it the JSON differs.
        Check(options with { FindConfigFiles = false }).ShouldNotBe(viaCheck);
        Check(options with { ConfigFile = Path.Combine("content", ProvenanceConfigName) }).ShouldNotBe(viaCheck);
    }

    [Fact]
    public async Task One_configuration_file_gives_the_same_json_through_check_the_engine_the_service_and_watch()
    {
        // The subfolder's configuration must not apply when one file is named.
        var options = new EngineOptions { BaseDirectory = _site, Jobs = 2, ConfigFile = Path.Combine("content", ProvenanceConfigName) };
        var viaCheck = Check(options);

        (await ViaEngine(options)).ShouldBe(viaCheck);
        (await ViaService(Path.Combine(_site, options.ConfigFile!), viaCheck)).ShouldBe(viaCheck);
        (await ViaWatch(options)).ShouldBe(viaCheck);
        Check(options with { ConfigFile = null }).ShouldNotBe(viaCheck);
        Check(options with { ConfigFile = null, FindConfigFiles = false }).ShouldNotBe(viaCheck);
        viaCheck.ShouldContain("\"ruleId\": \"PRV2005\"");
    }

    [Fact]
    public async Task Watch_never_checks_its_own_report_files()
    {
        // A text report written inside the watched folder is an article by its extension; checked,
        // each rewrite would be a change that rewrites it again.
        var report = Path.Combine(_site, "content", "report.txt");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var watching = WatchCommand.RunAsync("content", Path.Combine(_site, "watch-reports"), new EngineOptions { BaseDirectory = _site }, [$"text={report}"], TextWriter.Synchronized(output), TextWriter.Null, stop.Token);
        for (var waited = 0; !output.ToString().Contains("watching content", StringComparison.Ordinal) && waited < 600; waited++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        File.Exists(report).ShouldBeTrue();
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        (await watching).ShouldBe(0);
        output.ToString().ShouldNotContain("content/report.txt");
        output.ToString().ShouldContain("watching content: 7 articles checked");
    }

    private static string Check(EngineOptions options)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter();
        CheckCommand.Run(new CheckRequest(["content"], options) { Formats = ["json"] }, output, error);
        error.ToString().ShouldContain("files checked");
        return output.ToString();
    }

    private static async Task<string> ViaEngine(EngineOptions options)
    {
        var engine = new ProvenanceEngine(options);
        var items = new List<RunItem>();
        await foreach (var item in engine.CheckFilesAsync(["content"], TestContext.Current.CancellationToken))
        {
            items.Add(item);
        }

        var json = new StringWriter { NewLine = "\n" };
        new JsonReporter(engine.Context).Write(new CheckRun([.. items], engine.Context.Rules.Packs, engine.Context.Scoring.Version), json);
        return json.ToString();
    }

    // The batch the service is sent holds each file's text under the path check shows for it.
    private static async Task<string> ViaService(string configFile, string checkJson)
    {
        using var document = JsonDocument.Parse(checkJson);
        var site = Path.GetDirectoryName(Path.GetDirectoryName(configFile))!;
        var articles = document.RootElement.GetProperty("articles").EnumerateArray()
            .Select(a => a.GetProperty("path").GetString()!)
            .Select(path => new { content = File.ReadAllText(Path.Combine(site, path)), path })
            .ToList();
        using var factory = new ServiceFactory(new Dictionary<string, string?> { ["Provenance:ConfigFile"] = configFile });
        using var response = await factory.CreateClient().PostAsync(
            new Uri("/v1/check/batch", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { articles }), Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    // watch writes its report files after the first pass; it is stopped once they are there.
    private async Task<string> ViaWatch(EngineOptions options)
    {
        var report = Path.Combine(_site, "watch-out", $"watch-{Guid.NewGuid():N}.json");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var watching = WatchCommand.RunAsync("content", Path.Combine(_site, "watch-reports"), options, [$"json={report}"], TextWriter.Synchronized(output), TextWriter.Null, stop.Token);
        var waited = TimeSpan.Zero;
        while (!File.Exists(report) && !watching.IsCompleted && waited < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            waited += TimeSpan.FromMilliseconds(50);
        }

        await stop.CancelAsync();
        (await watching).ShouldBe(0, output.ToString());
        return File.ReadAllText(report);
    }
}
