using Provenance.Json;
using Provenance.Rules.Kinds;

namespace Provenance.Rules;

/// <summary>
/// One kind of rule, as rule packs name it: its own keys (besides those every rule has), how a
/// rule of the kind is built from its JSON, and how many arguments its message format may use.
/// Each kind's file declares its definition; <see cref="RuleKinds"/> registers it.
/// </summary>
/// <param name="Name">The kind's name in rule packs (<c>"kind": "pattern"</c>).</param>
/// <param name="Keys">The keys only rules of this kind take.</param>
/// <param name="Create">Builds the rule from what every rule has and its object; null (with the errors in the reader's context) when it is wrong.</param>
/// <param name="MessageArguments">How many arguments a rule of the kind supplies to its message format.</param>
internal sealed record RuleKind(string Name, IReadOnlyCollection<string> Keys, Func<RuleCommon, ObjectReader, RuleLimits, Rule?> Create, Func<Rule, int> MessageArguments);

/// <summary>The rule kinds: adding one is its file (the rule class with its <see cref="RuleKind"/>) and one line here.</summary>
internal static class RuleKinds
{
    /// <summary>Every kind, in the order the documentation lists them.</summary>
    public static IReadOnlyList<RuleKind> All { get; } =
    [
        PatternRule.Definition,
        LexiconRule.Definition,
        OutletRule.Definition,
        LinkRule.Definition,
        ProximityRule.Definition,
        StructureRule.Definition,
        MetadataRule.Definition,
        AbsenceRule.Definition,
        LanguageRule.Definition,
        CountRule.Definition,
        ShareRule.Definition,
        EchoRule.Definition,
        QuoteRule.Definition,
    ];

    /// <summary>The kinds' names.</summary>
    public static IReadOnlyCollection<string> Names { get; } = [.. All.Select(k => k.Name)];

    /// <summary>Every kind's keys: what a rule of an unknown kind may hold, so that the kind is the one error reported.</summary>
    public static IReadOnlyCollection<string> AnyKeys { get; } = [.. All.SelectMany(k => k.Keys).Distinct(StringComparer.Ordinal)];

    /// <summary>The kind of this name, or null.</summary>
    public static RuleKind? Find(string? name) => All.FirstOrDefault(k => k.Name == name);
}
