using Provenance.Json;
using Provenance.Rules;

namespace Provenance.Hosting;

/// <summary>Builds a <see cref="ProvenanceEngine"/> or a <see cref="ProvenanceChecker"/> from <see cref="ProvenanceOptions"/>: the rule packs, scoring model and configuration they name, or the built-in ones.</summary>
public static class ProvenanceSetup
{
    /// <summary>Builds the checker the options describe.</summary>
    /// <exception cref="ProvenanceSetupException">A folder or file is missing, or a rule pack or scoring model does not load (every error is in the message, with file, line and JSON path).</exception>
    public static ProvenanceChecker CreateChecker(ProvenanceOptions options) => CreateEngine(options).Checker;

    /// <summary>Builds the engine the options describe, its rules loaded: a bad folder or file is raised here, not on first use.</summary>
    /// <exception cref="ProvenanceSetupException">As <see cref="CreateChecker"/>.</exception>
    public static ProvenanceEngine CreateEngine(ProvenanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var engine = new ProvenanceEngine(options.ToEngineOptions());
        try
        {
            _ = engine.Context;
            return engine;
        }
        catch (JsonLoadException ex)
        {
            var errors = string.Join(Environment.NewLine, ex.Errors.Select(e => e.ToString()));
            throw new ProvenanceSetupException($"the rules did not load ({ex.Errors.Count} error(s)):{Environment.NewLine}{errors}", ex);
        }
    }
}
