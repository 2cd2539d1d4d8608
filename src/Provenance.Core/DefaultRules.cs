using System.Reflection;
using Provenance.Outlets;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance;

/// <summary>
/// The rule packs and scoring model shipped in <c>rules/</c> and embedded in this library, so a
/// check works with no setup. Reading embedded resources is not file I/O: they are part of the assembly.
/// </summary>
public static class DefaultRules
{
    private const string Prefix = "Provenance.Rules.";
    private const string PackSuffix = ".rules.json";
    private const string ScoringName = "scoring.json";
    private const string OutletsName = "outlets.json";

    /// <summary>The embedded rule packs, by file name.</summary>
    public static IReadOnlyList<RuleSource> RuleSources()
    {
        var sources = new List<RuleSource>();
        foreach (var name in Names())
        {
            if (name.EndsWith(PackSuffix, StringComparison.Ordinal))
            {
                sources.Add(new RuleSource("rules/" + name, Read(name)));
            }
        }

        return sources;
    }

    /// <summary>The embedded scoring model's JSON.</summary>
    public static RuleSource ScoringSource() => new("rules/" + ScoringName, Read(ScoringName));

    /// <summary>The embedded outlet registry's JSON.</summary>
    public static RuleSource OutletsSource() => new("rules/" + OutletsName, Read(OutletsName));

    /// <summary>Compiles the embedded rule packs with the embedded outlet registry.</summary>
    public static RuleSet LoadRuleSet() => LoadRuleSet(RuleLimits.Default);

    /// <summary>Compiles the embedded rule packs under the given limits; the registry loads when first needed.</summary>
    public static RuleSet LoadRuleSet(RuleLimits limits) => LoadRuleSet(limits, loadRegistryNow: false);

    /// <summary>
    /// Compiles the embedded rule packs under the given limits. With <paramref name="loadRegistryNow"/>
    /// the outlet registry loads on another thread while the packs compile, for a caller about to
    /// analyse articles (the first needs it); otherwise it loads when first needed.
    /// </summary>
    internal static RuleSet LoadRuleSet(RuleLimits limits, bool loadRegistryNow)
    {
        // The registry's 436 KB are read where it loads, on another thread when it loads now: the
        // packs, which every check waits for, start compiling at once.
        var outlets = new Lazy<RuleSource>(OutletsSource);
        var registry = new Lazy<OutletRegistry>(() => OutletRegistryLoader.Load(outlets.Value.Name, outlets.Value.Json));
        if (loadRegistryNow)
        {
            // A failure stays in the Lazy and is raised where the registry is first used. The name
            // searches are built there too: the first article needs them, and would otherwise wait
            // for them on the one busy core (about 4 ms of a one-file check).
            _ = Threading.OwnThread.Run(
                () =>
                {
                    registry.Value.Matcher.Prepare();
                    return true;
                },
                "registry");
        }

        return RuleSetLoader.Load(RuleSources(), limits, registry,
            () => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(outlets.Value.Json))));
    }

    /// <summary>Loads the embedded outlet registry.</summary>
    public static OutletRegistry LoadOutletRegistry()
    {
        var source = OutletsSource();
        return OutletRegistryLoader.Load(source.Name, source.Json);
    }

    /// <summary>Loads the embedded scoring model.</summary>
    public static ScoringModel LoadScoringModel()
    {
        var source = ScoringSource();
        return ScoringModelLoader.Load(source.Name, source.Json);
    }

    private static List<string> Names()
    {
        var names = new List<string>();
        foreach (var name in typeof(DefaultRules).Assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                names.Add(name[Prefix.Length..]);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    // Decoded in one step from the bytes: a reader growing a buffer for the registry's 436 KB cost
    // a one-file check several milliseconds on the path every check waits on.
    private static string Read(string name)
    {
        using var stream = typeof(DefaultRules).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {typeof(DefaultRules).Assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        ReadOnlySpan<byte> text = bytes;
        return System.Text.Encoding.UTF8.GetString(text.StartsWith(System.Text.Encoding.UTF8.Preamble) ? text[System.Text.Encoding.UTF8.Preamble.Length..] : text);
    }
}
