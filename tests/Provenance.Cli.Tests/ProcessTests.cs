using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary>The real executable, as a user runs it: argument parsing, exit codes and streams.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void Check_on_the_samples_exits_0_and_prints_scorecards()
    {
        var (code, output, error) = Run("check", "samples");
        code.ShouldBe(0, error);
        output.ShouldContain("samples/hezbollah-original-source-cnn.txt: score ");
        output.ShouldContain("5 articles checked");
    }

    [Fact]
    public void The_tool_is_configured_as_a_batch_job_for_the_jit()
    {
        // Without these the hot loops of a run of a few thousand articles stay unoptimised for
        // seconds (docs/benchmarks.md, session 6); the settings live in the CLI's project file.
        var properties = RuntimeConfigProperties();
        properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32().ShouldBeInRange(1, 50);
        properties.GetProperty("System.Runtime.TieredPGO").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void The_tool_starts_without_setting_up_event_sources()
    {
        // Set up before Main on every start otherwise, for counters a batch job never publishes.
        var properties = RuntimeConfigProperties();
        properties.GetProperty("System.Diagnostics.Tracing.EventSource.IsSupported").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void The_tool_keeps_page_sized_objects_young_and_takes_no_file_locks()
    {
        // A page's text past the default 85,000-byte threshold made a full collection every few
        // pages (docs/benchmarks.md, session 16); a lock per article read guarded nothing.
        var properties = RuntimeConfigProperties();
        properties.GetProperty("System.GC.LOHThreshold").GetInt32().ShouldBeGreaterThanOrEqualTo(1024 * 1024);
        properties.GetProperty("System.IO.DisableFileLocking").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void An_article_another_process_holds_open_exclusively_is_still_checked()
    {
        // On Unix .NET turns FileShare.None into an exclusive flock; the tool's read used to take a
        // shared one and so failed on a file an editor written in .NET was saving.
        var dir = Directory.CreateTempSubdirectory("provenance-locked-");
        try
        {
            var article = Path.Combine(dir.FullName, "held.txt");
            File.WriteAllText(article, "Held Open\n\nBy Jane Doe\n\nThe council met on Tuesday, Reuters reported.\n");
            using (new FileStream(article, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                var (code, output, error) = ToolProcess.Run(dir.FullName, ["check", "held.txt"], asInCi: false);
                code.ShouldBe(0, error);
                output.ShouldContain("held.txt: score ");
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var (code, _, error) = Run("check", "samples", "--format", "yaml");
        code.ShouldNotBe(0);
        error.ShouldContain("yaml");
    }

    [Fact]
    public void Show_prints_the_parsed_blocks()
    {
        var (code, output, _) = Run("show", "samples/gaza-second-phase-blog.txt");
        code.ShouldBe(0);
        output.ShouldContain("title:             U.S. Announces Launch of Second Phase of Gaza Peace Plan");
        output.ShouldContain("35  Footer     Footer About the Creator");
    }

    [Fact]
    public void Show_as_json_includes_the_main_text_for_tools()
    {
        var (code, output, _) = Run("show", "samples/hezbollah-original-source-cnn.txt", "--format", "json");
        code.ShouldBe(0);
        using var document = System.Text.Json.JsonDocument.Parse(output);
        document.RootElement.GetProperty("mainText").GetString()!.ShouldStartWith("US Pursues Diplomatic Efforts");
        document.RootElement.GetProperty("blocks").GetArrayLength().ShouldBeGreaterThan(5);
    }

    // The settings the CLI's project file gives the runtime, as the built tool carries them.
    private static System.Text.Json.JsonElement RuntimeConfigProperties()
    {
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "provenance.runtimeconfig.json")));
        return config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    private static (int Code, string Output, string Error) Run(params string[] arguments) => ToolProcess.Run(RepoPaths.Root, arguments, asInCi: false);
}
