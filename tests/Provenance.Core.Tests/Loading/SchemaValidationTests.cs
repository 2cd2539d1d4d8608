using System.Text.Json;
using Provenance.Tests;

namespace Provenance.Core.Tests.Loading;

/// <summary>
/// rules.schema.json checked by a real JSON Schema 2020-12 validator (ajv, from npm): every shipped
/// rule pack is valid, every fixture under Fixtures/invalid is not. The loader rejects the same
/// fixtures (<see cref="RuleSetLoaderTests"/>), so editors with the schema and the engine agree.
/// </summary>
public sealed class SchemaValidationTests
{
    private static readonly Lazy<Dictionary<string, (bool Valid, string[] Errors)>> Results = new(ValidateAll);

    [Fact]
    public void Every_shipped_rule_pack_is_valid_against_the_schema()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Rules, "*.rules.json"))
        {
            var (valid, errors) = Results.Value[Path.GetFullPath(file)];
            valid.ShouldBeTrue($"{file}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public void Every_invalid_fixture_is_rejected_by_the_schema()
    {
        var fixtures = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "invalid"));
        fixtures.ShouldNotBeEmpty();
        foreach (var file in fixtures)
        {
            Results.Value[Path.GetFullPath(file)].Valid.ShouldBeFalse($"{Path.GetFileName(file)} passes the schema");
        }
    }

    [Theory]
    [InlineData("invalid/unknown-key.rules.json", "unevaluated properties (scopee)")]
    [InlineData("invalid/bad-severity.rules.json", "/rules/0/defaultSeverity")]
    [InlineData("invalid/missing-key.rules.json", "required property 'title'")]
    [InlineData("invalid/reserved-id.rules.json", "/rules/0/id")]
    [InlineData("invalid/echo-suffix-not-letters.rules.json", "/rules/0/suffixes/1")]
    public void The_schema_rejects_for_the_same_reason_as_the_loader(string fixture, string expected)
    {
        var (_, errors) = Results.Value[Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture))];
        errors.ShouldContain(e => e.Contains(expected, StringComparison.Ordinal));
    }

    private static Dictionary<string, (bool, string[])> ValidateAll()
    {
        var files = Directory.GetFiles(RepoPaths.Rules, "*.rules.json")
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "invalid")))
            .Select(Path.GetFullPath)
            .ToList();
        var output = NodeTools.Run(["validate.mjs", Path.Combine(RepoPaths.Root, "rules.schema.json"), .. files]);
        var results = new Dictionary<string, (bool, string[])>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            results[root.GetProperty("file").GetString()!] = (
                root.GetProperty("valid").GetBoolean(),
                [.. root.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)]);
        }

        return results;
    }
}
