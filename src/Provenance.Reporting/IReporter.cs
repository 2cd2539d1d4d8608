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

/// <summary>A report format: its name on the command line, what it is for, and how its reporter is made.</summary>
/// <param name="Name">The name <c>--format</c> takes.</param>
/// <param name="Description">What the format is for, in a line.</param>
/// <param name="Create">Makes the format's reporter for a run's context.</param>
/// <param name="IsDocument">Whether the report is one document (JSON, XML) that text written after it on the same stream would break, rather than lines.</param>
public sealed record ReportFormat(string Name, string Description, Func<ReportContext, IReporter> Create, bool IsDocument = false);

/// <summary>The report formats by name, as <c>--format</c> takes them: adding one is its reporter's file and one line here.</summary>
public static class Reporters
{
    /// <summary>Every format that writes a whole run to one stream, in the order help lists them.</summary>
    public static IReadOnlyList<ReportFormat> All { get; } =
    [
        new("text", "findings and scores for a terminal", context => new TextReporter(context)),
        new("json", "the run document (docs/json-format.md)", context => new JsonReporter(context), IsDocument: true),
        new("sarif", "SARIF 2.1.0, for code scanning", context => new SarifReporter(context), IsDocument: true),
        new("junit", "JUnit XML, a test case per article", context => new JUnitReporter(context), IsDocument: true),
        new("github", "GitHub Actions annotations", context => new GitHubReporter(context)),
        new("gitlab", "GitLab Code Quality (artifacts:reports:codequality)", _ => new GitLabReporter(), IsDocument: true),
        new("msbuild", "MSBuild-style lines for editors and log parsers", _ => new MsBuildReporter()),
    ];

    /// <summary>The formats' names.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];

    /// <summary>The format of this name, or null.</summary>
    public static ReportFormat? Find(string name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>Creates the reporter for <paramref name="name"/>.</summary>
    public static IReporter Create(string name, ReportContext context) =>
        (Find(name) ?? throw new ArgumentException($"unknown format '{name}'; expected one of {string.Join(", ", Names)}", nameof(name))).Create(context);

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
