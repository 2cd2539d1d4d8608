using System.Text.Json;
using Provenance.Analysis;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Reporting;

/// <summary>
/// The JSON format for tools (schema version 1): the tool and rule packs, then per article its path,
/// format, score, grade, category sub-scores, every scorecard line, signals and findings with
/// 1-based start and end positions, the provenance facts and whether it fails the policy, then a
/// run summary. Documented in docs/json-format.md.
/// </summary>
public sealed class JsonReporter : IReporter
{
    /// <summary>The version of the document's shape; bumped on any incompatible change.</summary>
    public const int SchemaVersion = 1;

    private readonly ReportContext _context;

    /// <summary>Creates the reporter.</summary>
    public JsonReporter(ReportContext context)
    {
        _context = context;
    }

    /// <inheritdoc/>
    public string Name => "json";

    /// <inheritdoc/>
    public void Write(CheckRun run, TextWriter writer) => Reporters.WriteWhole(this, run, writer);

    /// <inheritdoc/>
    public IRunWriter Open(RunInfo info, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(writer);
        return new Document(this, info, writer);
    }

    private sealed class Document : IRunWriter
    {
        private readonly JsonReporter _reporter;
        private readonly TextWriter _writer;
        private readonly JsonChunks _chunks;
        private readonly RunTally _tally;

        public Document(JsonReporter reporter, RunInfo info, TextWriter writer)
        {
            (_reporter, _writer, _chunks, _tally) = (reporter, writer, new JsonChunks(writer), new RunTally(reporter._context));
            var json = _chunks.Json;
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", "provenance");
            json.WriteString("version", reporter._context.ToolVersion);
            json.WriteString("scoringVersion", info.ScoringVersion);
            json.WriteStartArray("rulePacks");
            foreach (var pack in info.Packs)
            {
                json.WriteStartObject();
                json.WriteString("name", pack.Name);
                json.WriteString("version", pack.Version);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("articles");
        }

        public void Add(RunItem item)
        {
            _reporter.WriteItem(_chunks.Json, item);
            _chunks.DrainIfFull();
            _tally.Add(item);
        }

        public void Finish()
        {
            var json = _chunks.Json;
            json.WriteEndArray();
            WriteSummary(json, _tally.Summary(_reporter._context.GradeOrder), _tally.Failing);
            json.WriteEndObject();
            _chunks.Dispose();
            _writer.WriteLine();
        }
    }

    private void WriteItem(Utf8JsonWriter json, RunItem item)
    {
        json.WriteStartObject();
        json.WriteString("path", item.Path);
        if (item.Report is not { } report)
        {
            json.WriteString("error", item.Error);
            json.WriteEndObject();
            return;
        }

        var card = report.Scorecard;
        json.WriteString("format", report.Article.Format.ToString().ToLowerInvariant());
        json.WriteNumber("score", card.Score);
        json.WriteString("grade", card.Grade);
        json.WriteString("label", card.Label);
        json.WriteBoolean("failed", _context.Fails(report, item.Policy));
        WriteFacts(json, report.Facts);
        json.WriteStartArray("categories");
        foreach (var category in card.Categories)
        {
            json.WriteStartObject();
            json.WriteString("id", category.Id);
            json.WriteString("title", category.Title);
            json.WriteNumber("points", category.Points);
            json.WriteNumber("min", category.Min);
            json.WriteNumber("max", category.Max);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("contributions");
        foreach (var line in card.Contributions)
        {
            WriteContribution(json, line);
        }

        json.WriteEndArray();
        json.WriteStartArray("signals");
        foreach (var signal in report.Analysis.Signals)
        {
            json.WriteStartObject();
            json.WriteString("name", signal.Name);
            json.WriteString("value", signal.Value);
            json.WriteString("ruleId", signal.RuleId);
            json.WriteNumber("line", signal.Location.Start.Line);
            json.WriteNumber("column", signal.Location.Start.Column);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in report.Analysis.Findings)
        {
            WriteFinding(json, finding);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteContribution(Utf8JsonWriter json, Contribution line)
    {
        json.WriteStartObject();
        json.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(line.Kind.ToString()));
        json.WriteString("category", line.Category);
        json.WriteNumber("points", line.Points);
        json.WriteString("reason", line.Reason);
        if (line.RuleId is not null)
        {
            json.WriteString("ruleId", line.RuleId);
        }

        if (line.Signal is not null)
        {
            json.WriteString("signal", line.Signal);
        }

        if (line.Location is { } at)
        {
            json.WriteNumber("line", at.Line);
            json.WriteNumber("column", at.Column);
        }

        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteString("category", finding.Category);
        json.WriteString("severity", finding.Severity.ToName());
        json.WriteString("message", finding.Message);
        json.WriteNumber("line", finding.Location.Start.Line);
        json.WriteNumber("column", finding.Location.Start.Column);
        json.WriteNumber("endLine", finding.Location.End.Line);
        json.WriteNumber("endColumn", finding.Location.End.Column);
        json.WriteString("matchedText", finding.MatchedText);
        json.WriteString("excerpt", finding.Excerpt);
        json.WriteEndObject();
    }

    private static void WriteFacts(Utf8JsonWriter json, ProvenanceFacts facts)
    {
        json.WriteStartObject("facts");
        json.WriteString("originalSource", facts.OriginalSource);
        json.WriteString("originalSourceRating", facts.OriginalSourceRating);
        json.WriteStartArray("outlets");
        foreach (var outlet in facts.Outlets)
        {
            json.WriteStartObject();
            json.WriteString("name", outlet.Name);
            json.WriteBoolean("linked", outlet.Linked);
            json.WriteString("rating", outlet.Rating);
            json.WriteNumber("line", outlet.Line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "quotedPeople", facts.QuotedPeople);
        WriteStrings(json, "paraphrasedPeople", facts.ParaphrasedPeople);
        json.WriteNumber("anonymousAttributions", facts.AnonymousAttributions);
        json.WriteNumber("vagueAttributions", facts.VagueAttributions);
        WriteStrings(json, "aiDisclosures", facts.AiDisclosures);
        json.WriteBoolean("chatbotText", facts.ChatbotText);
        WriteStrings(json, "promotions", facts.Promotions);
        WriteStrings(json, "authors", facts.Authors);
        json.WriteString("published", facts.Published);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteSummary(Utf8JsonWriter json, RunSummary summary, int failed)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("articles", summary.Articles);
        json.WriteNumber("failed", failed);
        json.WriteNumber("unreadable", summary.Unreadable);
        json.WriteStartObject("findings");
        json.WriteNumber("error", summary.Errors);
        json.WriteNumber("warning", summary.Warnings);
        json.WriteNumber("info", summary.Infos);
        json.WriteEndObject();
        json.WriteNumber("meanScore", summary.MeanScore);
        json.WriteStartObject("grades");
        foreach (var (grade, count) in summary.Grades)
        {
            json.WriteNumber(grade, count);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
