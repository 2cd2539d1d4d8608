using System.Reflection;

namespace Provenance.Reporting;

/// <summary>The tool's name and version as every report, host and cache states them.</summary>
public static class ToolInfo
{
    /// <summary>The version without build metadata (0.1.0, not 0.1.0+abc123), so reports are the same bytes on every build of a release.</summary>
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
