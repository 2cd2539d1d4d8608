using Provenance.Json;
using Provenance.Rules;

namespace Provenance.Hosting;

/// <summary>Builds a <see cref="ProvenanceChecker"/> from <see cref="ProvenanceOptions"/>: the rule packs and scoring model they name, or the built-in ones.</summary>
public static class ProvenanceSetup
{
    /// <summary>Builds the checker the options describe.</summary>
    /// <exception cref="ProvenanceSetupException">A folder or file is missing, or a rule pack or scoring model does not load (every error is in the message, with file, line and JSON path).</exception>
    public static ProvenanceChecker CreateChecker(ProvenanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseDirectory = options.BaseDirectory ?? Directory.GetCurrentDirectory();
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ProvenanceSetupException(string.Join("; ", problems));
        }

        try
        {
            var limits = RuleLimits.Default with { MatchTimeout = options.MatchTimeout };
            var rules = RuleFolders.LoadRules(options.RulesDirectory, baseDirectory, [.. options.ExtraRuleDirectories], limits);
            return new ProvenanceChecker(rules, RuleFolders.LoadScoring(options.ScoringFile, baseDirectory));
        }
        catch (JsonLoadException ex)
        {
            var errors = string.Join(Environment.NewLine, ex.Errors.Select(e => e.ToString()));
            throw new ProvenanceSetupException($"the rules did not load ({ex.Errors.Count} error(s)):{Environment.NewLine}{errors}", ex);
        }
    }
}
