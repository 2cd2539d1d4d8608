namespace Provenance.Reporting;

/// <summary>Writes a run in one format. Output depends only on the run, so it is the same bytes every time.</summary>
public interface IReporter
{
    /// <summary>The format's name on the command line (<c>--format</c>).</summary>
    string Name { get; }

    /// <summary>Writes the run.</summary>
    void Write(CheckRun run, TextWriter writer);
}

/// <summary>The reporters by name, as <c>--format</c> takes them.</summary>
public static class Reporters
{
    /// <summary>Every format that writes a whole run to one stream.</summary>
    public static IReadOnlyList<string> Names { get; } = ["text", "json", "sarif", "junit", "github", "msbuild"];

    /// <summary>Creates the reporter for <paramref name="name"/>.</summary>
    public static IReporter Create(string name, ReportContext context) => name switch
    {
        "text" => new TextReporter(context),
        "json" => new JsonReporter(context),
        "sarif" => new SarifReporter(context),
        "junit" => new JUnitReporter(context),
        "github" => new GitHubReporter(context),
        "msbuild" => new MsBuildReporter(),
        _ => throw new ArgumentException($"unknown format '{name}'; expected one of {string.Join(", ", Names)}", nameof(name)),
    };
}
