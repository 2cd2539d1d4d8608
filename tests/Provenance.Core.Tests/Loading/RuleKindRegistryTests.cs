using System.Text.Json;
using Provenance.Rules;
using Provenance.Tests;

namespace Provenance.Core.Tests.Loading;

/// <summary>
/// A rule kind is defined once (<see cref="RuleKinds"/>): rules.schema.json, which editors validate
/// rule packs with, must say what the loader says — the same kinds, and for each the same keys —
/// checked here in-process, without node or a network.
/// </summary>
public sealed class RuleKindRegistryTests
{
    private static readonly Lazy<JsonDocument> Schema = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "rules.schema.json"))));

    private static JsonElement RuleSchema => Schema.Value.RootElement.GetProperty("$defs").GetProperty("rule");

    [Fact]
    public void The_schema_names_the_kinds_the_loader_knows()
    {
        RuleSchema.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(RuleKinds.Names);
    }

    [Fact]
    public void The_schema_allows_each_kind_the_keys_the_loader_reads_and_every_rule_the_common_ones()
    {
        RuleSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)
            .ShouldBe(RuleSetLoader.CommonKeys.Order(StringComparer.Ordinal));
        var byKind = RuleSchema.GetProperty("allOf").EnumerateArray()
            .Where(e => e.TryGetProperty("if", out _))
            .ToDictionary(
                e => e.GetProperty("if").GetProperty("properties").GetProperty("kind").GetProperty("const").GetString()!,
                e => e.GetProperty("then").TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList() : []);
        byKind.Keys.Order(StringComparer.Ordinal).ShouldBe(RuleKinds.Names.Order(StringComparer.Ordinal));
        foreach (var kind in RuleKinds.All)
        {
            byKind[kind.Name].ShouldBe([.. kind.Keys.Order(StringComparer.Ordinal)], $"the keys of '{kind.Name}' rules");
        }
    }
}
