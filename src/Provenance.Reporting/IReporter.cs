using System.Collections.Immutable;
using Provenance.Rules;

namespace Provenance.Reporting;

/// <summary>Writes a run in one format. Output depends only on the run, so it is the same bytes every time.</summary>
public interface IReporter
{
    /// <summary>The format's name on the command line (<c>--format</c>).</summary>
    string Name { get; }

    /// <summary>Writes a whole run.</summary>
    void Write(CheckRun run, TextWriter writer);

    /// <summary>
    /// Starts writing a run whose articles are added one by one as they are checked, in order, so
    /// that a run of any size is reported without being held: the writer keeps only counts (and,
    /// for formats whose totals come first, what those need).
    /// </summary>
    IRunWriter Open(RunInfo info, TextWriter writer);
}

/// <summary>A run being written article by article (<see cref="IReporter.Open"/>).</summary>
public interface IRunWriter
{
    /// <summary>Writes the next article of the run.</summary>
    void Add(RunItem item);

    /// <summary>Writes what follows the articles (a table, a summary, closing brackets).</summary>
    void Finish();
}

/// <summary>What is known of a run before its first article: the rule packs and the scoring model's version.</summary>
/// <param name="Packs">The rule packs used.</param>
/// <param name="ScoringVersion">The scoring model's version.</param>
public sealed record RunInfo(ImmutableArray<RulePackInfo> Packs, string ScoringVersion);

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

    /// <summary>Writes a whole run through a reporter's run writer: the one way every format is written.</summary>
    public static void WriteWhole(IReporter reporter, CheckRun run, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(writer);
        var open = reporter.Open(run.Info, writer);
        foreach (var item in run.Items)
        {
            open.Add(item);
        }

        open.Finish();
    }
}
