using Provenance.Hosting;

namespace Provenance.Cli.Tests;

/// <summary>How a check estimates the text it will analyse, which decides whether the rules' expressions are compiled.</summary>
public sealed class RuleLoadingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("provenance-size-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Text_is_estimated_from_file_sizes_with_html_counted_at_a_fifth()
    {
        var files = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var path = Path.Combine(_dir, i % 3 == 0 ? $"p{i:000}.html" : $"a{i:000}.txt");
            File.WriteAllText(path, new string('x', 1000));
            files.Add(path);
        }

        // 200 text files of 1,000 bytes and 100 pages counted at 200 bytes each.
        var expected = (200 * 1000) + (100 * 200);
        var estimate = RuleLoading.ExpectedTextBytes(files, ContentFiles.Extensions);
        estimate.ShouldBeInRange((long)(expected * 0.9), (long)(expected * 1.1));
        RuleLoading.ExpectedTextBytes([], ContentFiles.Extensions).ShouldBe(0);
        RuleLoading.ExpectedTextBytes([Path.Combine(_dir, "gone.txt")], ContentFiles.Extensions).ShouldBe(0);
    }

    [Theory]
    [InlineData(null, 0, 1L, false, true)]
    [InlineData(null, 0, RuleLoading.CompileAboveTextBytes - 1, false, true)]
    [InlineData(null, 0, RuleLoading.CompileAboveTextBytes, false, false)]
    [InlineData(null, 0, 0L, false, false)]
    [InlineData("rules", 0, 1L, false, false)]
    [InlineData(null, 1, 1L, false, false)]
    // Precompiled, whether expressions would be compiled makes no difference: a large run takes them too.
    [InlineData(null, 0, RuleLoading.CompileAboveTextBytes, true, true)]
    [InlineData(null, 0, 1L, true, true)]
    [InlineData(null, 0, 0L, true, false)]
    [InlineData("rules", 0, RuleLoading.CompileAboveTextBytes, true, false)]
    [InlineData(null, 1, RuleLoading.CompileAboveTextBytes, true, false)]
    public void Only_a_run_that_would_load_the_same_built_in_rules_takes_the_preloaded_ones(string? directory, int extras, long textBytes, bool precompiled, bool takes) =>
        RuleLoading.CanTakePreloaded(directory, [.. Enumerable.Repeat("more-rules", extras)], textBytes, precompiled).ShouldBe(takes);

    [Fact]
    public void A_check_takes_the_preloaded_rules_when_it_would_load_the_same_and_loads_its_own_otherwise()
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "Headline\n\nThe council said on Monday it would act.\n");
        var rules = RuleLoading.LoadForSmallRun();
        var preloaded = Task.FromResult(rules);
        var small = new EngineOptions { BaseDirectory = _dir, Jobs = 1, Preloaded = preloaded };
        new ProvenanceEngine(small).Prepare([_dir]).Context.Rules.ShouldBeSameAs(rules);

        var ownRules = Path.Combine(_dir, "rules");
        Directory.CreateDirectory(ownRules);
        foreach (var pack in DefaultRules.RuleSources())
        {
            File.WriteAllText(Path.Combine(ownRules, Path.GetFileName(pack.Name)), pack.Json);
        }

        var a = Path.Combine(_dir, "a.txt");
        new ProvenanceEngine(small with { RulesDirectory = ownRules }).Prepare([a]).Context.Rules.ShouldNotBeSameAs(rules);
        new ProvenanceEngine(small with { CacheFile = Path.Combine(_dir, "cache") }).Prepare([a]).Context.Rules.ShouldBeSameAs(rules);
    }
}

/// <summary>Which builds of the tool take the built-in expressions from code compiled ahead of time.</summary>
public sealed class PrecompiledExpressionsSwitchTests
{
    [Theory]
    [InlineData("-p:PublishProfile=fast-start-linux-x64", true)]
    [InlineData("-p:PublishReadyToRun=true", true)]
    [InlineData("-p:Configuration=Release", false)]
    public async Task Only_a_ReadyToRun_build_sets_the_switch(string property, bool set)
    {
        var options = await RuntimeOptions(property);
        options.GetValueOrDefault(RuleLoading.PrecompiledExpressionsSwitch).ShouldBe(set ? "true" : null);
    }

    [Theory]
    [InlineData("-p:PublishProfile=fast-start-linux-x64", "false")]
    [InlineData("-p:PublishReadyToRun=true", null)]
    [InlineData("-p:Configuration=Release", null)]
    public async Task Only_the_composite_build_keeps_its_precompiled_code_for_the_whole_run(string property, string? tiered)
    {
        // Outside one composite image, precompiled code cannot inline across assemblies: there the
        // recompilation of hot methods is what makes a long run fast.
        var options = await RuntimeOptions(property);
        options.GetValueOrDefault("System.Runtime.TieredCompilation").ShouldBe(tiered);
    }

    private static async Task<Dictionary<string, string?>> RuntimeOptions(string property)
    {
        var project = Path.Combine(Provenance.Tests.RepoPaths.Root, "src", "Provenance.Cli", "Provenance.Cli.csproj");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "msbuild", project, "-getItem:RuntimeHostConfigurationOption", property })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var text = await output;
        process.ExitCode.ShouldBe(0, text);

        using var items = System.Text.Json.JsonDocument.Parse(text);
        return items.RootElement.GetProperty("Items").GetProperty("RuntimeHostConfigurationOption").EnumerateArray()
            .ToDictionary(o => o.GetProperty("Identity").GetString()!, o => o.GetProperty("Value").GetString());
    }

    [Fact]
    public void The_tool_these_tests_run_is_a_plain_build_without_the_switch()
    {
        var config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "provenance.runtimeconfig.json"));

        config.ShouldNotContain(RuleLoading.PrecompiledExpressionsSwitch);
    }
}
