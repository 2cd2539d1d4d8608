using Provenance.Analysis;
using Provenance.Rules;

namespace Provenance.Reporting;

/// <summary>
/// A GitLab Code Quality report: a JSON array of issues (<c>description</c>, <c>check_name</c>,
/// <c>fingerprint</c>, <c>severity</c>, <c>location</c>), which a pipeline job hands to GitLab as
/// <c>artifacts:reports:codequality</c> so that a merge request shows the findings it adds and
/// those it removes. Fingerprints are those of SARIF and baselines: they survive lines moving, so
/// a finding that only moved is not shown as new.
/// </summary>
public sealed class GitLabReporter : IReporter
{
    /// <inheritdoc/>
    public string Name => "gitlab";

    /// <inheritdoc/>
    public void Write(CheckRun run, TextWriter writer) => Reporters.WriteWhole(this, run, writer);

    /// <inheritdoc/>
    public IRunWriter Open(RunInfo info, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return new Issues(writer);
    }

    private sealed class Issues : IRunWriter
    {
        private readonly TextWriter _writer;
        private readonly JsonChunks _chunks;

        public Issues(TextWriter writer)
        {
            (_writer, _chunks) = (writer, new JsonChunks(writer));
            _chunks.Json.WriteStartArray();
        }

        public void Add(RunItem item)
        {
            if (item.Report is not { } report)
            {
                // A file that could not be checked at all outranks anything found in one that could.
                WriteIssue(EngineDiagnostics.UnreadableArticle, "critical", $"Article could not be read: {item.Error ?? "the file could not be read"}", item.Path, null, Fingerprints.ForFile(EngineDiagnostics.UnreadableArticle, item.Path));
                return;
            }

            var findings = report.Analysis.Findings.Where(f => f.Severity != Severity.Hidden).ToList();
            var fingerprints = Fingerprints.For(item.Path, findings);
            for (var i = 0; i < findings.Count; i++)
            {
                var f = findings[i];
                // The message alone: GitLab shows check_name beside it, and messages often begin with the rule's title.
                WriteIssue(f.RuleId, SeverityOf(f.Severity), f.Message, item.Path, f, fingerprints[i]);
            }

            _chunks.DrainIfFull();
        }

        public void Finish()
        {
            _chunks.Json.WriteEndArray();
            _chunks.Dispose();
            _writer.WriteLine();
        }

        private void WriteIssue(string ruleId, string severity, string description, string path, Finding? finding, string fingerprint)
        {
            var json = _chunks.Json;
            json.WriteStartObject();
            json.WriteString("type", "issue");
            json.WriteString("check_name", ruleId);
            json.WriteString("description", description);
            json.WriteString("severity", severity);
            json.WriteString("fingerprint", fingerprint);
            json.WriteStartObject("location");
            json.WriteString("path", path);
            if (finding is null || finding.IsArticleLevel)
            {
                // GitLab needs a line; a finding about the whole article belongs to its first.
                json.WriteStartObject("lines");
                json.WriteNumber("begin", 1);
                json.WriteEndObject();
            }
            else
            {
                json.WriteStartObject("positions");
                json.WriteStartObject("begin");
                json.WriteNumber("line", finding.Location.Start.Line);
                json.WriteNumber("column", finding.Location.Start.Column);
                json.WriteEndObject();
                json.WriteStartObject("end");
                json.WriteNumber("line", finding.Location.End.Line);
                json.WriteNumber("column", finding.Location.End.Column);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        // GitLab's scale is info, minor, major, critical, blocker; an error is what fails a check, so
        // it ranks above warnings without claiming the top two, which a file that cannot be read takes.
        private static string SeverityOf(Severity severity) => severity switch
        {
            Severity.Error => "major",
            Severity.Warning => "minor",
            _ => "info",
        };
    }
}
