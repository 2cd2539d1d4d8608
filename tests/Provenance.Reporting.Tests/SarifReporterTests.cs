using System.Text.Json;
using Provenance.Reporting;
using Provenance.Tests;

namespace Provenance.Reporting.Tests;

public sealed class SarifReporterTests
{
    [Fact]
    public void Output_is_valid_against_the_official_sarif_2_1_0_schema()
    {
        var sarif = RunFixture.Write(new SarifReporter(RunFixture.Context(docs: new Uri("https://example.org/docs/rules/"))), RunFixture.Samples());
        var result = Validate(sarif);
        result.GetProperty("valid").GetBoolean().ShouldBeTrue(result.GetProperty("errors").ToString());
    }

    [Fact]
    public void The_validator_rejects_a_broken_log()
    {
        var sarif = RunFixture.Write(new SarifReporter(RunFixture.Context()), RunFixture.Samples()).Replace("\"version\": \"2.1.0\"", "\"version\": \"2.0\"", StringComparison.Ordinal);
        Validate(sarif).GetProperty("valid").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void Results_point_at_their_rules_and_relative_files()
    {
        using var log = JsonDocument.Parse(RunFixture.Write(new SarifReporter(RunFixture.Context(docs: new Uri("https://example.org/docs/rules/"))), RunFixture.Samples()));
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        rules.ShouldContain(r => r.GetProperty("id").GetString() == "PRV1001" && r.GetProperty("helpUri").GetString() == "https://example.org/docs/rules/PRV1001.md");
        foreach (var rule in rules)
        {
            rule.GetProperty("defaultConfiguration").GetProperty("level").GetString().ShouldBeOneOf("none", "note", "warning", "error");
        }
        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.ShouldNotBeEmpty();
        foreach (var result in results)
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            rules[index].GetProperty("id").GetString().ShouldBe(result.GetProperty("ruleId").GetString());
            var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            artifact.GetProperty("uri").GetString()!.ShouldStartWith("samples/");
            artifact.GetProperty("uriBaseId").GetString().ShouldBe("SRCROOT");
        }

        var credit = results.Single(r => r.GetProperty("ruleId").GetString() == "PRV1001");
        var region = credit.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endColumn").GetInt32()).ShouldBe((11, 1, 29));
        results.ShouldContain(r => r.GetProperty("ruleId").GetString() == "PRV0001" && r.GetProperty("level").GetString() == "error");
    }

    [Fact]
    public void Without_a_docs_url_relative_help_links_are_left_out()
    {
        using var log = JsonDocument.Parse(RunFixture.Write(new SarifReporter(RunFixture.Context()), RunFixture.Samples()));
        var rules = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray();
        rules.Count(r => r.TryGetProperty("helpUri", out var _)).ShouldBe(0);
        rules.Where(r => r.GetProperty("id").GetString()!.StartsWith("PRV1", StringComparison.Ordinal)).ShouldAllBe(r => r.GetProperty("help").GetProperty("markdown").GetString()!.StartsWith("# PRV", StringComparison.Ordinal));
    }

    [Fact]
    public void Fingerprints_survive_lines_moving()
    {
        var before = Fingerprints(RunFixture.Samples());
        var after = Fingerprints(RunFixture.Samples(text => "\n\n\n" + text));
        after.ShouldBe(before);
        before.Distinct().Count().ShouldBe(before.Count);
    }

    private static List<string> Fingerprints(CheckRun run)
    {
        using var log = JsonDocument.Parse(RunFixture.Write(new SarifReporter(RunFixture.Context()), run));
        return [.. log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("partialFingerprints").GetProperty("provenanceFindingHash/v1").GetString()!)];
    }

    private static JsonElement Validate(string sarif)
    {
        var file = RunFixture.Temp("out.sarif", sarif);
        return JsonDocument.Parse(NodeTools.Run("validate.mjs", NodeTools.SarifSchema, file)).RootElement.Clone();
    }
}
