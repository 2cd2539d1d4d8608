using Provenance.Rules;

namespace Provenance.Hosting;

/// <summary>
/// How a host builds its checker, bound from configuration (the <c>Provenance</c> section of
/// appsettings.json) or set in code. Relative paths are resolved against <see cref="BaseDirectory"/>.
/// </summary>
public sealed class ProvenanceOptions
{
    /// <summary>The configuration section <c>AddProvenance(configuration)</c> binds by default.</summary>
    public const string SectionName = "Provenance";

    /// <summary>A folder of rule packs (<c>*.rules.json</c>, with an optional outlets.json) that replaces the built-in packs.</summary>
    public string? RulesDirectory { get; set; }

    /// <summary>Folders of rule packs added to the built-in ones (or to <see cref="RulesDirectory"/>).</summary>
    public IList<string> ExtraRuleDirectories { get; } = [];

    /// <summary>A scoring model file (scoring.json) that replaces the built-in model.</summary>
    public string? ScoringFile { get; set; }

    /// <summary>The least severe finding that fails an article: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public string FailOn { get; set; } = "error";

    /// <summary>A score under which an article fails, if any.</summary>
    public int? FailBelow { get; set; }

    /// <summary>The longest one regular-expression match may take before the rule is reported and skipped.</summary>
    public TimeSpan MatchTimeout { get; set; } = RuleLimits.Default.MatchTimeout;

    /// <summary>Where relative paths start; the current directory when not set.</summary>
    public string? BaseDirectory { get; set; }

    /// <summary><see cref="FailOn"/> as a severity.</summary>
    /// <exception cref="ProvenanceSetupException">It is not a severity name.</exception>
    public Severity FailOnSeverity => ParseFailOn(FailOn) ?? throw new ProvenanceSetupException(Problems()[0]);

    /// <summary>The problems with these options, one sentence each naming the key; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ParseFailOn(FailOn) is null)
        {
            problems.Add($"Provenance:FailOn is '{FailOn}'; expected error, warning or info");
        }

        if (FailBelow is < 0 or > 100)
        {
            problems.Add($"Provenance:FailBelow is {FailBelow}; expected a score from 0 to 100");
        }

        if (MatchTimeout <= TimeSpan.Zero)
        {
            problems.Add($"Provenance:MatchTimeout is {MatchTimeout}; it must be positive");
        }

        return problems;
    }

    private static Severity? ParseFailOn(string? name) => name?.ToLowerInvariant() switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        _ => null,
    };
}
