using Provenance.Outlets;
using Provenance.Rules;

namespace Provenance.Core.Tests.Rules;

/// <summary>A pack of one rule PRV9001 written for a test: its kind's keys, the common ones filled in.</summary>
internal static class TestPacks
{
    private static readonly Lazy<OutletRegistry> Registry = new(DefaultRules.LoadOutletRegistry);

    public static RuleSet One(string kindKeys, string messageFormat = "{0}")
    {
        var keys = kindKeys.Trim().TrimStart('{').TrimEnd('}');
        var rule = $$"""{ "id": "PRV9001", "title": "Test rule", "messageFormat": "{{messageFormat}}", "category": "Test", "defaultSeverity": "info", {{keys}} }""";
        return RuleSetLoader.Load([new RuleSource("test.rules.json", $$"""{ "name": "test", "version": "1.0.0", "rules": [ {{rule}} ] }""")], registry: Registry.Value);
    }
}
