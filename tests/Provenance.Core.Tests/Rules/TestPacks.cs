using Provenance.Outlets;
using Provenance.Rules;

namespace Provenance.Core.Tests.Rules;

/// <summary>A pack of one rule PRV9001 written for a test: its kind's keys, the common ones filled in.</summary>
internal static class TestPacks
{
    private static readonly Lazy<OutletRegistry> Registry = new(DefaultRules.LoadOutletRegistry);

    /// <summary>A pack "test" of the rules given, each a rule's whole JSON.</summary>
    public static RuleSet Load(params string[] rules) =>
        RuleSetLoader.Load([new RuleSource("test.rules.json", $$"""{ "name": "test", "version": "1.0.0", "rules": [ {{string.Join(",", rules)}} ] }""")], registry: Registry.Value);

    /// <summary>The built-in packs and a house pack "house" of the rules given, as a newsroom adds its own.</summary>
    public static RuleSet WithBuiltIn(params string[] houseRules) =>
        RuleSetLoader.Load([.. DefaultRules.RuleSources(), new RuleSource("house.rules.json", $$"""{ "name": "house", "version": "1.0.0", "rules": [ {{string.Join(",", houseRules)}} ] }""")], registry: Registry.Value);

    public static RuleSet One(string kindKeys, string messageFormat = "{0}")
    {
        var keys = kindKeys.Trim().TrimStart('{').TrimEnd('}');
        var rule = $$"""{ "id": "PRV9001", "title": "Test rule", "messageFormat": "{{messageFormat}}", "category": "Test", "defaultSeverity": "info", {{keys}} }""";
        return RuleSetLoader.Load([new RuleSource("test.rules.json", $$"""{ "name": "test", "version": "1.0.0", "rules": [ {{rule}} ] }""")], registry: Registry.Value);
    }
}
