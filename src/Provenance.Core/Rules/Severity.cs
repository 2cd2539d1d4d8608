namespace Provenance.Rules;

/// <summary>How serious a finding is. Ordered: a higher value is more severe.</summary>
public enum Severity
{
    /// <summary>Recorded and scored, but not shown by default.</summary>
    Hidden,

    /// <summary>A fact worth knowing (a credit, a disclosure).</summary>
    Info,

    /// <summary>A weakness an editor should look at.</summary>
    Warning,

    /// <summary>A problem that should stop publication as is.</summary>
    Error,
}

/// <summary>Names of severities as they appear in rule files and reports.</summary>
public static class SeverityNames
{
    /// <summary>The names, least severe first.</summary>
    public static IReadOnlyList<string> All { get; } = ["hidden", "info", "warning", "error"];

    /// <summary>The lower-case name used in files and reports.</summary>
    public static string ToName(this Severity severity) => All[(int)severity];

    /// <summary>Parses a name from <see cref="All"/>.</summary>
    public static bool TryParse(string? name, out Severity severity)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.OrdinalIgnoreCase))
            {
                severity = (Severity)i;
                return true;
            }
        }

        severity = Severity.Hidden;
        return false;
    }
}
