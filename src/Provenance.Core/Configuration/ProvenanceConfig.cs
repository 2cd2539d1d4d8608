using System.Collections.Immutable;
using Provenance.Rules;

namespace Provenance.Configuration;

/// <summary>Settings a configuration file, or one of its sections, gives.</summary>
/// <param name="Rules">Severity per rule id; <see langword="null"/> turns the rule off.</param>
/// <param name="Categories">Severity per rule category; <see langword="null"/> turns them off.</param>
/// <param name="RuleOptions">Count thresholds per rule.</param>
/// <param name="FailOn">The least severe finding that fails an article.</param>
/// <param name="FailBelow">The score under which an article fails.</param>
/// <param name="MaxWarnings">The most warnings a run may have before it fails.</param>
public sealed record ConfigSettings(
    ImmutableDictionary<string, Severity?> Rules,
    ImmutableDictionary<string, Severity?> Categories,
    ImmutableDictionary<string, (int? AtLeast, int? AtMost)> RuleOptions,
    Severity? FailOn,
    int? FailBelow,
    int? MaxWarnings)
{
    /// <summary>No settings.</summary>
    public static ConfigSettings Empty { get; } = new(
        ImmutableDictionary<string, Severity?>.Empty, ImmutableDictionary<string, Severity?>.Empty,
        ImmutableDictionary<string, (int?, int?)>.Empty, null, null, null);

    /// <summary>
    /// The least share of one article's text found in another for the two to count as copies
    /// (<c>copies.minShare</c>; a run's setting, read from the file's top level only).
    /// </summary>
    public double? CopyMinShare { get; init; }

    /// <summary>The least number of five-word runs two copies share (<c>copies.minShingles</c>; top level only).</summary>
    public int? CopyMinShingles { get; init; }

    /// <summary>These settings with <paramref name="other"/>'s laid over them: the later wins, key by key.</summary>
    public ConfigSettings Merge(ConfigSettings other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ConfigSettings(
            Rules.SetItems(other.Rules),
            Categories.SetItems(other.Categories),
            RuleOptions.SetItems(other.RuleOptions),
            other.FailOn ?? FailOn,
            other.FailBelow ?? FailBelow,
            other.MaxWarnings ?? MaxWarnings)
        {
            CopyMinShare = other.CopyMinShare ?? CopyMinShare,
            CopyMinShingles = other.CopyMinShingles ?? CopyMinShingles,
        };
    }

    /// <summary>The copy thresholds these settings give, the defaults where they give none.</summary>
    public Corpus.CopyOptions CopyOptions()
    {
        var defaults = new Corpus.CopyOptions();
        return new Corpus.CopyOptions(CopyMinShare ?? defaults.MinShare, CopyMinShingles ?? defaults.MinShingles);
    }

    /// <summary>The analysis options these settings give.</summary>
    public Analysis.AnalysisOptions ToAnalysisOptions() => new(Rules, Categories, RuleOptions);

    /// <summary>
    /// Equal when they say the same: the same severities, options and policy, whichever files they
    /// were merged from. Each file's settings are merged afresh, so equality by content is what lets
    /// a run (or a service checking article after article) share one analysis per configuration.
    /// </summary>
    public bool Equals(ConfigSettings? other) =>
        other is not null
        && FailOn == other.FailOn && FailBelow == other.FailBelow && MaxWarnings == other.MaxWarnings
        && CopyMinShare == other.CopyMinShare && CopyMinShingles == other.CopyMinShingles
        && SameItems(Rules, other.Rules) && SameItems(Categories, other.Categories) && SameItems(RuleOptions, other.RuleOptions);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(HashCode.Combine(FailOn, FailBelow, MaxWarnings, CopyMinShare, CopyMinShingles), ItemsHash(Rules), ItemsHash(Categories), ItemsHash(RuleOptions));

    private static bool SameItems<T>(ImmutableDictionary<string, T> a, ImmutableDictionary<string, T> b) =>
        ReferenceEquals(a, b) || (a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && EqualityComparer<T>.Default.Equals(pair.Value, value)));

    // Order-free: the same items in any order hash alike.
    private static int ItemsHash<T>(ImmutableDictionary<string, T> items)
    {
        var hash = items.Count;
        foreach (var (key, value) in items)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value);
        }

        return hash;
    }
}

/// <summary>A section that applies to the files its globs match.</summary>
/// <param name="Files">Globs relative to the configuration file's folder.</param>
/// <param name="Settings">What it sets.</param>
public sealed record ConfigOverride(ImmutableArray<Glob> Files, ConfigSettings Settings);

/// <summary>
/// One <c>provenance.json</c>: its folder, whether the search for parent configurations stops here,
/// its settings, ignores, extra rule folders and glob sections, applied in order.
/// </summary>
/// <param name="Source">The file's name as shown to the user.</param>
/// <param name="Directory">The folder its relative paths and globs are taken from.</param>
/// <param name="Root">Whether parent folders' configurations are ignored.</param>
/// <param name="Settings">Settings for every file under it.</param>
/// <param name="Ignore">Globs of files not to check.</param>
/// <param name="RuleDirectories">Folders of extra rule packs, relative to <paramref name="Directory"/>.</param>
/// <param name="Overrides">Glob sections, applied in order after <paramref name="Settings"/>.</param>
public sealed record ProvenanceConfig(
    string Source,
    string Directory,
    bool Root,
    ConfigSettings Settings,
    ImmutableArray<Glob> Ignore,
    ImmutableArray<string> RuleDirectories,
    ImmutableArray<ConfigOverride> Overrides)
{
    /// <summary>The file name searched for in each folder.</summary>
    public const string FileName = "provenance.json";

    /// <summary>The settings for a file at <paramref name="relativePath"/> from <see cref="Directory"/>.</summary>
    public ConfigSettings SettingsFor(string relativePath)
    {
        var settings = Settings;
        foreach (var section in Overrides)
        {
            if (section.Files.Any(g => g.IsMatch(relativePath)))
            {
                settings = settings.Merge(section.Settings);
            }
        }

        return settings;
    }

    /// <summary>Whether a file at <paramref name="relativePath"/> from <see cref="Directory"/> is ignored.</summary>
    public bool Ignores(string relativePath) => Ignore.Any(g => g.IsMatch(relativePath));
}
