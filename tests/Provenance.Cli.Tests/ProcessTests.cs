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
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "provenance.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32().ShouldBeInRange(1, 50);
        properties.GetProperty("System.Runtime.TieredPGO").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void The_tool_starts_without_setting_up_event_sources()
    {
        // Set up before Main on every start otherwise, for counters a batch job never publishes.
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "provenance.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        properties.GetProperty("System.Diagnostics.Tracing.EventSource.IsSupported").GetBoolean().ShouldBeFalse();
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

    private static (int Code, string Output, string Error) Run(params string[] arguments) => ToolProcess.Run(RepoPaths.Root, arguments, asInCi: false);
}
