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

    /// <summary>
    /// A configuration file (provenance.json) applied to every article checked: its rule settings,
    /// rule folders and policy, as <c>provenance check --config</c> applies it. None when not set;
    /// paths a host is sent never make it look for one.
    /// </summary>
    public string? ConfigFile { get; set; }

    /// <summary>The least severe finding that fails an article: <c>error</c>, <c>warning</c> or <c>info</c>; when not set, as <see cref="ConfigFile"/> says, else <c>error</c>.</summary>
    public string? FailOn { get; set; }

    /// <summary>A score under which an article fails, if any.</summary>
    public int? FailBelow { get; set; }

    /// <summary>The longest one regular-expression match may take before the rule is reported and skipped.</summary>
    public TimeSpan MatchTimeout { get; set; } = RuleLimits.Default.MatchTimeout;

    /// <summary>Where relative paths start; the current directory when not set.</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>The engine options these describe: the same rules, scoring, configuration and policy.</summary>
    /// <exception cref="ProvenanceSetupException">The options are not valid.</exception>
    public EngineOptions ToEngineOptions()
    {
        if (Problems() is { Count: > 0 } problems)
        {
            throw new ProvenanceSetupException(string.Join("; ", problems));
        }

        return new EngineOptions
        {
            // Fixed now: the current folder when the host was set up, not whenever the engine is used.
            BaseDirectory = BaseDirectory ?? Directory.GetCurrentDirectory(),
            RulesDirectory = RulesDirectory,
            ExtraRuleDirectories = [.. ExtraRuleDirectories],
            ScoringFile = ScoringFile,
            ConfigFile = ConfigFile,
            FindConfigFiles = false,
            FailOn = FailOn?.ToLowerInvariant(),
            FailBelow = FailBelow,
            MatchTimeout = MatchTimeout,
        };
    }

    /// <summary><see cref="FailOn"/> as a severity.</summary>
    /// <exception cref="ProvenanceSetupException">It is not a severity name.</exception>
    public Severity FailOnSeverity => ParseFailOn(FailOn ?? "error") ?? throw new ProvenanceSetupException(Problems()[0]);

    /// <summary>The problems with these options, one sentence each naming the key; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (FailOn is not null && ParseFailOn(FailOn) is null)
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
