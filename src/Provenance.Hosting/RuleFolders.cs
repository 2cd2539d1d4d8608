using Provenance.Json;
using Provenance.Outlets;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Hosting;

/// <summary>Loads rule packs, the outlet registry and the scoring model from the built-in set or from folders on disk.</summary>
public static class RuleFolders
{
    /// <summary>
    /// The built-in packs, or the packs (<c>*.rules.json</c>) of <paramref name="directory"/> with its
    /// outlets.json when present; the packs of <paramref name="extraDirectories"/> are added either way.
    /// </summary>
    /// <param name="directory">A folder that replaces the built-in packs, or null.</param>
    /// <param name="baseDirectory">Where relative paths start; file names in errors are shown relative to it.</param>
    /// <param name="extraDirectories">Folders whose packs are added.</param>
    /// <param name="limits">Match timeout, match cap and whether expressions compile.</param>
    /// <exception cref="ProvenanceSetupException">A folder is missing or has no rule packs.</exception>
    /// <exception cref="JsonLoadException">A file does not load; its errors name file, line, column and JSON path.</exception>
    public static RuleSet LoadRules(string? directory, string baseDirectory, IReadOnlyCollection<string>? extraDirectories = null, RuleLimits? limits = null) =>
        LoadRules(directory, baseDirectory, extraDirectories, limits, loadRegistryNow: false);

    /// <summary>As <see cref="LoadRules(string?, string, IReadOnlyCollection{string}?, RuleLimits?)"/>; with <paramref name="loadRegistryNow"/> the built-in outlet registry loads alongside the packs.</summary>
    internal static RuleSet LoadRules(string? directory, string baseDirectory, IReadOnlyCollection<string>? extraDirectories, RuleLimits? limits, bool loadRegistryNow)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        limits ??= RuleLimits.Default;
        var extra = (extraDirectories ?? []).Select(d => Path.GetFullPath(d, baseDirectory)).ToList();
        if (directory is null && extra.Count == 0)
        {
            return DefaultRules.LoadRuleSet(limits, loadRegistryNow);
        }

        var added = extra.SelectMany(d => Packs(d, baseDirectory, Display(d, baseDirectory) + ": no such rules folder (named in a configuration file)"));
        if (directory is null)
        {
            return RuleSetLoader.Load(DefaultRules.RuleSources().Concat(added), limits, DefaultRules.LoadOutletRegistry());
        }

        var full = Path.GetFullPath(directory, baseDirectory);
        var files = Packs(full, baseDirectory, $"{directory}: no such rules folder").ToList();
        if (files.Count == 0)
        {
            throw new ProvenanceSetupException($"{directory}: no rule packs (*.rules.json) in this folder");
        }

        var outlets = Path.Combine(full, "outlets.json");
        var registry = File.Exists(outlets)
            ? OutletRegistryLoader.Load(Display(outlets, baseDirectory), File.ReadAllText(outlets))
            : DefaultRules.LoadOutletRegistry();
        return RuleSetLoader.Load(files.Concat(added), limits, registry);
    }

    /// <summary>The built-in scoring model, or the one in <paramref name="file"/>.</summary>
    /// <exception cref="ProvenanceSetupException">The file does not exist.</exception>
    /// <exception cref="JsonLoadException">The file does not load.</exception>
    public static ScoringModel LoadScoring(string? file, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        if (file is null)
        {
            return DefaultRules.LoadScoringModel();
        }

        var full = Path.GetFullPath(file, baseDirectory);
        return File.Exists(full)
            ? ScoringModelLoader.Load(Display(full, baseDirectory), File.ReadAllText(full))
            : throw new ProvenanceSetupException($"{file}: no such scoring model");
    }

    /// <summary>A path as messages show it: relative to <paramref name="baseDirectory"/> when inside it, with forward slashes.</summary>
    public static string Display(string fullPath, string baseDirectory)
    {
        var relative = Path.GetRelativePath(baseDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
        return shown.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static IEnumerable<RuleSource> Packs(string directory, string baseDirectory, string missing)
    {
        if (!Directory.Exists(directory))
        {
            throw new ProvenanceSetupException(missing);
        }

        return Directory.GetFiles(directory, "*.rules.json").Order(StringComparer.Ordinal)
            .Select(f => new RuleSource(Display(f, baseDirectory), File.ReadAllText(f)));
    }
}
