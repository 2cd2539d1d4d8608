using System.Collections.Generic;

namespace Provenance.Analyzers;

/// <summary>
/// What the build analyzer asks of Provenance's engine. The analyzer targets netstandard2.0, as
/// the compiler requires; the engine is the same .NET 10 code the command-line tool runs, loaded
/// from the analyzer's folder when the compiler runs on .NET (as <c>dotnet build</c>'s does).
/// </summary>
public interface IArticleEngine
{
    /// <summary>Every rule the engine may report, the engine's own diagnostics included.</summary>
    IReadOnlyList<BuildRule> Rules { get; }

    /// <summary>The file extensions (".md") of the text formats the engine reads as articles (not Word documents, which are not text).</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>
    /// Loads a project's configuration files (<c>provenance.json</c>), each by its full path and
    /// text: they apply to the articles below their folders as they do for <c>provenance check</c>.
    /// </summary>
    /// <param name="files">Each configuration file's full path and text.</param>
    /// <param name="articles">How many articles the compilation holds: the engine keeps room for their reports.</param>
    BuildConfiguration Configure(IReadOnlyList<KeyValuePair<string, string>> files, int articles);

    /// <summary>
    /// Reads <paramref name="text"/> as the article at <paramref name="path"/> (its format from its
    /// extension), runs the rules with the configuration that applies to it and scores it;
    /// <see cref="BuildReport.Ignored"/> when the configuration ignores the article.
    /// </summary>
    BuildReport Analyze(string path, string text, BuildConfiguration configuration);

    /// <summary>
    /// The text with <paramref name="edits"/> (deletions, in order, not overlapping) made as
    /// <c>provenance fix</c> makes them: blank lines left behind folded to one.
    /// </summary>
    string ApplyFixes(string text, IReadOnlyList<BuildEdit> edits);
}

/// <summary>A deletion from an article's text: what a finding's fix removes.</summary>
public sealed class BuildEdit
{
    /// <summary>Creates a deletion.</summary>
    public BuildEdit(int start, int length)
    {
        Start = start;
        Length = length;
    }

    /// <summary>Where it starts, as an offset into the article's text.</summary>
    public int Start { get; }

    /// <summary>How many characters go.</summary>
    public int Length { get; }
}

/// <summary>What the engine found in one article, and its score.</summary>
public sealed class BuildReport
{
    /// <summary>The report of an article the configuration ignores.</summary>
    public static BuildReport Ignored { get; } = new(new BuildFinding[0], -1, string.Empty, string.Empty, null, new BuildEdit[0]);

    /// <summary>Creates a report.</summary>
    public BuildReport(IReadOnlyList<BuildFinding> findings, int score, string grade, string label, int? failBelow, IReadOnlyList<BuildEdit> fixes)
    {
        Findings = findings;
        Score = score;
        Grade = grade;
        Label = label;
        FailBelow = failBelow;
        Fixes = fixes;
    }

    /// <summary>The findings, in document order.</summary>
    public IReadOnlyList<BuildFinding> Findings { get; }

    /// <summary>The score, 0–100; -1 when the article was not checked.</summary>
    public int Score { get; }

    /// <summary>The grade, A–F.</summary>
    public string Grade { get; }

    /// <summary>The grade's words ("Weak provenance").</summary>
    public string Label { get; }

    /// <summary>The score under which the article's configuration (failBelow) fails it, if it sets one.</summary>
    public int? FailBelow { get; }

    /// <summary>Every deletion <c>provenance fix</c> would make in the article, merged and in order.</summary>
    public IReadOnlyList<BuildEdit> Fixes { get; }
}

/// <summary>A project's configuration files as the engine loaded them, with what is wrong in them.</summary>
public sealed class BuildConfiguration
{
    /// <summary>Creates a loaded configuration.</summary>
    public BuildConfiguration(object state, IReadOnlyList<BuildConfigurationError> errors, string key)
    {
        State = state;
        Errors = errors;
        Key = key;
    }

    /// <summary>
    /// A checksum of the configuration files (paths and text): reports are kept under it with each
    /// article's, so a changed provenance.json never answers from a report it did not make.
    /// </summary>
    public string Key { get; }

    /// <summary>What the engine keeps of the files; opaque to the analyzer.</summary>
    public object State { get; }

    /// <summary>Every error found, each placed in its file.</summary>
    public IReadOnlyList<BuildConfigurationError> Errors { get; }
}

/// <summary>An error in a configuration file.</summary>
public sealed class BuildConfigurationError
{
    /// <summary>Creates an error.</summary>
    public BuildConfigurationError(string path, int line, int column, string message)
    {
        Path = path;
        Line = line;
        Column = column;
        Message = message;
    }

    /// <summary>The configuration file's full path.</summary>
    public string Path { get; }

    /// <summary>The line, 1-based.</summary>
    public int Line { get; }

    /// <summary>The column, 1-based.</summary>
    public int Column { get; }

    /// <summary>What is wrong, with the JSON path.</summary>
    public string Message { get; }
}

/// <summary>How serious a finding is, as the engine rates it.</summary>
public enum BuildSeverity
{
    /// <summary>Recorded, not shown.</summary>
    Hidden,

    /// <summary>Information.</summary>
    Info,

    /// <summary>A warning.</summary>
    Warning,

    /// <summary>An error.</summary>
    Error,
}

/// <summary>A rule as the compiler lists it.</summary>
public sealed class BuildRule
{
    /// <summary>Creates a rule description.</summary>
    public BuildRule(string id, string title, string category, BuildSeverity severity, bool enabled, string? helpUri, string? description, string? fix)
    {
        Fix = fix;
        Id = id;
        Title = title;
        Category = category;
        Severity = severity;
        Enabled = enabled;
        HelpUri = helpUri;
        Description = description;
    }

    /// <summary>The rule's id, PRV1234.</summary>
    public string Id { get; }

    /// <summary>Its title.</summary>
    public string Title { get; }

    /// <summary>Its category (Attribution, Sourcing, Transparency, Integrity; Analysis for the engine's own).</summary>
    public string Category { get; }

    /// <summary>Its default severity.</summary>
    public BuildSeverity Severity { get; }

    /// <summary>Whether it runs unless configured otherwise.</summary>
    public bool Enabled { get; }

    /// <summary>Where its help page is, if anywhere.</summary>
    public string? HelpUri { get; }

    /// <summary>What it finds and why it matters.</summary>
    public string? Description { get; }

    /// <summary>The fix the rule offers (<c>remove-block</c>, <c>remove-match</c>), or null.</summary>
    public string? Fix { get; }
}

/// <summary>A finding in one article, placed as the command-line tool places it.</summary>
public sealed class BuildFinding
{
    /// <summary>Creates a finding.</summary>
    public BuildFinding(string ruleId, BuildSeverity severity, string message, int start, int length, int startLine, int startColumn, int endLine, int endColumn, BuildEdit? fix)
    {
        Fix = fix;
        RuleId = ruleId;
        Severity = severity;
        Message = message;
        Start = start;
        Length = length;
        StartLine = startLine;
        StartColumn = startColumn;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    /// <summary>The rule that fired.</summary>
    public string RuleId { get; }

    /// <summary>Its severity in this article.</summary>
    public BuildSeverity Severity { get; }

    /// <summary>The message, arguments filled in.</summary>
    public string Message { get; }

    /// <summary>Where it starts in the file's text (UTF-16 offset).</summary>
    public int Start { get; }

    /// <summary>How many characters it spans (0 for a finding about the whole article).</summary>
    public int Length { get; }

    /// <summary>Its first line, 1-based.</summary>
    public int StartLine { get; }

    /// <summary>Its first column, 1-based, in UTF-16 code units.</summary>
    public int StartColumn { get; }

    /// <summary>Its last line, 1-based.</summary>
    public int EndLine { get; }

    /// <summary>The column just past it, 1-based.</summary>
    public int EndColumn { get; }

    /// <summary>What its rule's fix deletes (the debris, its line), or null when there is no fix to make.</summary>
    public BuildEdit? Fix { get; }
}
