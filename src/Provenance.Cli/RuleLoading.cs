using Provenance.Outlets;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Cli;

/// <summary>Loads rule packs, the outlet registry and the scoring model from the built-in set or from folders the user names.</summary>
internal static class RuleLoading
{
    /// <summary>The built-in packs, or the packs (*.rules.json) of <paramref name="directory"/> with its outlets.json when present.</summary>
    /// <exception cref="UsageException">The folder is missing or has no rule packs.</exception>
    /// <exception cref="Json.JsonLoadException">A file does not load.</exception>
    public static RuleSet LoadRules(string? directory, string baseDirectory, IReadOnlyCollection<string>? extraDirectories = null, int articles = int.MaxValue)
    {
        // Compiling expressions costs more than it saves on a handful of articles.
        var limits = RuleLimits.Default with { CompileExpressions = articles >= 50 };
        if (directory is null && (extraDirectories is null || extraDirectories.Count == 0))
        {
            return DefaultRules.LoadRuleSet(limits);
        }

        if (directory is null)
        {
            // Configuration files add packs to the built-in ones.
            var sources = DefaultRules.RuleSources().Concat(extraDirectories!.SelectMany(d => Packs(d, baseDirectory)));
            return RuleSetLoader.Load(sources, limits, DefaultRules.LoadOutletRegistry());
        }

        var full = Path.GetFullPath(directory, baseDirectory);
        if (!Directory.Exists(full))
        {
            throw new UsageException($"{directory}: no such rules folder");
        }

        var files = Directory.GetFiles(full, "*.rules.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new UsageException($"{directory}: no rule packs (*.rules.json) in this folder");
        }

        var extra = (extraDirectories ?? []).SelectMany(d => Packs(d, baseDirectory));
        var outlets = Path.Combine(full, "outlets.json");
        var registry = File.Exists(outlets)
            ? OutletRegistryLoader.Load(ContentFiles.Display(outlets, baseDirectory), File.ReadAllText(outlets))
            : DefaultRules.LoadOutletRegistry();
        return RuleSetLoader.Load(files.Select(f => new RuleSource(ContentFiles.Display(f, baseDirectory), File.ReadAllText(f))).Concat(extra), limits, registry);
    }

    private static IEnumerable<RuleSource> Packs(string directory, string baseDirectory)
    {
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"{ContentFiles.Display(directory, baseDirectory)}: no such rules folder (named in a configuration file)");
        }

        return Directory.GetFiles(directory, "*.rules.json").Order(StringComparer.Ordinal)
            .Select(f => new RuleSource(ContentFiles.Display(f, baseDirectory), File.ReadAllText(f)));
    }

    /// <summary>The built-in scoring model, or the one in <paramref name="file"/>.</summary>
    public static ScoringModel LoadScoring(string? file, string baseDirectory)
    {
        if (file is null)
        {
            return DefaultRules.LoadScoringModel();
        }

        var full = Path.GetFullPath(file, baseDirectory);
        return File.Exists(full)
            ? ScoringModelLoader.Load(ContentFiles.Display(full, baseDirectory), File.ReadAllText(full))
            : throw new UsageException($"{file}: no such scoring model");
    }
}
