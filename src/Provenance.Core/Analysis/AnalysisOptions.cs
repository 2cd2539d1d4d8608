using System.Collections.Frozen;
using Provenance.Rules;

namespace Provenance.Analysis;

/// <summary>
/// How one analysis departs from the rules' defaults, as a configuration file says: a severity per
/// rule id or per category (<see langword="null"/> turns the rule off), and count thresholds per rule.
/// </summary>
public sealed class AnalysisOptions
{
    // Null when the configuration sets nothing of the kind, as it usually does not: a lookup is then
    // no work, and a check that configures nothing builds no dictionaries of nullable values (their
    // code is compiled at start-up, which a one-file check feels).
    private readonly FrozenDictionary<string, Severity?>? _rules;
    private readonly FrozenDictionary<string, Severity?>? _categories;
    private readonly FrozenDictionary<string, (int? AtLeast, int? AtMost)>? _counts;
    private readonly string _fingerprint;

    /// <summary>Creates options from per-rule and per-category severities and count thresholds.</summary>
    public AnalysisOptions(
        IReadOnlyDictionary<string, Severity?>? ruleSeverities = null,
        IReadOnlyDictionary<string, Severity?>? categorySeverities = null,
        IReadOnlyDictionary<string, (int? AtLeast, int? AtMost)>? countThresholds = null)
    {
        _rules = ruleSeverities is { Count: > 0 } ? ruleSeverities.ToFrozenDictionary(StringComparer.Ordinal) : null;
        _categories = categorySeverities is { Count: > 0 } ? categorySeverities.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase) : null;
        _counts = countThresholds is { Count: > 0 } ? countThresholds.ToFrozenDictionary(StringComparer.Ordinal) : null;

        // Options never change after construction, and a cached run asks for the key once per file.
        _fingerprint = string.Join(';', [
            .. Described("r", _rules, s => s?.ToName() ?? "none"),
            .. Described("c", _categories, s => s?.ToName() ?? "none"),
            .. Described("n", _counts, c => $"{c.AtLeast}-{c.AtMost}")]);
    }

    private static IEnumerable<string> Described<T>(string kind, FrozenDictionary<string, T>? settings, Func<T, string> value) =>
        settings is null ? [] : settings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{kind}:{p.Key}={value(p.Value)}");

    /// <summary>No departures: every rule as its pack defines it.</summary>
    public static AnalysisOptions Default { get; } = new();

    /// <summary>The rule's effective severity, or <see langword="null"/> when it is turned off.</summary>
    public Severity? SeverityOf(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return SeverityOf(rule.Descriptor);
    }

    /// <summary>
    /// The effective severity of the rule <paramref name="descriptor"/> describes, or
    /// <see langword="null"/> when it is turned off: for rules outside the rule set, such as the
    /// copy rules a run that looks for copies reports.
    /// </summary>
    public Severity? SeverityOf(RuleDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (_rules is not null && _rules.TryGetValue(descriptor.Id, out var severity))
        {
            return severity;
        }

        if (_categories is not null && _categories.TryGetValue(descriptor.Category, out var byCategory))
        {
            return byCategory;
        }

        return descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : null;
    }

    /// <summary>A count rule's thresholds as configured, or none.</summary>
    public (int? AtLeast, int? AtMost) CountThresholds(string ruleId) => _counts is null ? default : _counts.GetValueOrDefault(ruleId);

    /// <summary>A stable text form of the options, for cache keys.</summary>
    public string Fingerprint() => _fingerprint;
}
