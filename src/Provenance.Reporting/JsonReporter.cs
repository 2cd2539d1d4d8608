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
public sealed partial class JsonReporter : IReporter
{
    /// <summary>The version of the document's shape; bumped on any incompatible change.</summary>
    public const int SchemaVersion = 1;

    private readonly ReportContext _context;
    private readonly bool _withReadView;

    /// <summary>Creates the reporter.</summary>
    public JsonReporter(ReportContext context)
        : this(context, withReadView: false)
    {
    }

    /// <summary>
    /// Creates the reporter; with <paramref name="withReadView"/>, each article also carries
    /// <c>read</c>: its text as the reader took it, block by block, with each finding's highlight
    /// (what an editor shows for an HTML page instead of its markup).
    /// </summary>
    public JsonReporter(ReportContext context, bool withReadView)
    {
        _context = context;
        _withReadView = withReadView;
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

    private void WriteItem(Utf8JsonWriter json, RunItem item)
    {
        json.WriteStartObject();
        json.WriteString(Names.path, item.Path);
        if (item.Report is not { } report)
        {
            json.WriteString(Names.error, item.Error);
            json.WriteEndObject();
            return;
        }

        var card = report.Scorecard;
        json.WriteString(Names.format, FormatNames[(int)report.Article.Format]);
        json.WriteNumber(Names.score, card.Score);
        json.WriteString(Names.grade, card.Grade);
        json.WriteString(Names.label, card.Label);
        json.WriteBoolean(Names.failed, _context.Fails(report, item.Policy));
        WriteFacts(json, report.Facts);
        json.WriteStartArray(Names.categories);
        foreach (var category in card.Categories)
        {
            json.WriteStartObject();
            json.WriteString(Names.id, category.Id);
            json.WriteString(Names.title, category.Title);
            json.WriteNumber(Names.points, category.Points);
            json.WriteNumber(Names.min, category.Min);
            json.WriteNumber(Names.max, category.Max);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray(Names.contributions);
        foreach (var line in card.Contributions)
        {
            WriteContribution(json, line);
        }

        json.WriteEndArray();
        json.WriteStartArray(Names.signals);
        foreach (var signal in report.Analysis.Signals)
        {
            json.WriteStartObject();
            json.WriteString(Names.name, signal.Name);
            json.WriteString(Names.value, signal.Value);
            json.WriteString(Names.ruleId, signal.RuleId);
            json.WriteNumber(Names.line, signal.Location.Start.Line);
            json.WriteNumber(Names.column, signal.Location.Start.Column);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray(Names.findings);
        foreach (var finding in report.Analysis.Findings)
        {
            WriteFinding(json, finding);
        }

        json.WriteEndArray();
        if (_withReadView)
        {
            WriteReadView(json, ReadView.Of(report.Article, report.Analysis.Findings));
        }

        json.WriteEndObject();
    }

    private static void WriteReadView(Utf8JsonWriter json, ReadView view)
    {
        json.WriteStartObject(Names.read);
        json.WriteStartArray(Names.blocks);
        foreach (var block in view.Blocks)
        {
            json.WriteStartObject();
            json.WriteString(Names.kind, BlockKindNames[(int)block.Kind]);
            json.WriteString(Names.zone, ZoneNames[(int)block.Zone]);
            json.WriteNumber(Names.line, block.Start.Line);
            json.WriteNumber(Names.column, block.Start.Column);
            json.WriteString(Names.text, block.Text);
            json.WriteStartArray(Names.marks);
            foreach (var mark in block.Marks)
            {
                json.WriteStartObject();
                json.WriteNumber(Names.start, mark.Start);
                json.WriteNumber(Names.end, mark.End);
                json.WriteStartArray(Names.findings);
                foreach (var index in mark.Findings)
                {
                    json.WriteNumberValue(index);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray(Names.outside);
        foreach (var outside in view.Outside)
        {
            json.WriteStartObject();
            json.WriteNumber(Names.finding, outside.Finding);
            json.WriteString(Names.markup, outside.Markup);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Each format's name as the document spells it ("markdown"), made once rather than per article.
    private static readonly JsonEncodedText[] FormatNames = [.. Enum.GetValues<Provenance.Articles.ArticleFormat>()
        .Select(format => JsonEncodedText.Encode(format.ToString().ToLowerInvariant()))];

    // Block kinds ("listItem") and zones as the read view spells them, made once rather than per block.
    private static readonly JsonEncodedText[] BlockKindNames = [.. Enum.GetValues<Provenance.Articles.BlockKind>()
        .Select(kind => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(kind.ToString())))];

    private static readonly JsonEncodedText[] ZoneNames = [.. Enum.GetValues<Provenance.Articles.Zone>()
        .Select(zone => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(zone.ToString())))];

    // Each kind's name as the document spells it ("notCounted"), made once rather than per line.
    private static readonly JsonEncodedText[] KindNames = [.. Enum.GetValues<ContributionKind>()
        .Select(kind => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(kind.ToString())))];

    private static void WriteContribution(Utf8JsonWriter json, Contribution line)
    {
        json.WriteStartObject();
        json.WriteString(Names.kind, KindNames[(int)line.Kind]);
        json.WriteString(Names.category, line.Category);
        json.WriteNumber(Names.points, line.Points);
        json.WriteString(Names.reason, line.Reason);
        if (line.RuleId is not null)
        {
            json.WriteString(Names.ruleId, line.RuleId);
        }

        if (line.Signal is not null)
        {
            json.WriteString(Names.signal, line.Signal);
        }

        if (line.Location is { } at)
        {
            json.WriteNumber(Names.line, at.Line);
            json.WriteNumber(Names.column, at.Column);
        }

        json.WriteEndObject();
    }

    // A finding's place, or a place in another file it points to: the same four fields.
    private static void WritePlace(Utf8JsonWriter json, Text.LinePositionSpan place)
    {
        json.WriteNumber(Names.line, place.Start.Line);
        json.WriteNumber(Names.column, place.Start.Column);
        json.WriteNumber(Names.endLine, place.End.Line);
        json.WriteNumber(Names.endColumn, place.End.Column);
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString(Names.ruleId, finding.RuleId);
        json.WriteString(Names.category, finding.Category);
        json.WriteString(Names.severity, finding.Severity.ToName());
        json.WriteString(Names.message, finding.Message);
        WritePlace(json, finding.Location);
        json.WriteString(Names.matchedText, finding.MatchedText);
        json.WriteString(Names.excerpt, finding.Excerpt);
        if (finding.Related.Length > 0)
        {
            json.WriteStartArray(Names.related);
            foreach (var related in finding.Related)
            {
                json.WriteStartObject();
                json.WriteString(Names.path, related.Path);
                WritePlace(json, related.Location);
                json.WriteString(Names.message, related.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteFacts(Utf8JsonWriter json, ProvenanceFacts facts)
    {
        json.WriteStartObject(Names.facts);
        json.WriteString(Names.originalSource, facts.OriginalSource);
        json.WriteString(Names.originalSourceRating, facts.OriginalSourceRating);
        json.WriteStartArray(Names.outlets);
        foreach (var outlet in facts.Outlets)
        {
            json.WriteStartObject();
            json.WriteString(Names.name, outlet.Name);
            json.WriteBoolean(Names.linked, outlet.Linked);
            json.WriteString(Names.rating, outlet.Rating);
            json.WriteNumber(Names.line, outlet.Line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, Names.quotedPeople, facts.QuotedPeople);
        WriteStrings(json, Names.paraphrasedPeople, facts.ParaphrasedPeople);
        json.WriteNumber(Names.anonymousAttributions, facts.AnonymousAttributions);
        json.WriteNumber(Names.vagueAttributions, facts.VagueAttributions);
        WriteStrings(json, Names.aiDisclosures, facts.AiDisclosures);
        json.WriteBoolean(Names.chatbotText, facts.ChatbotText);
        WriteStrings(json, Names.promotions, facts.Promotions);
        WriteStrings(json, Names.authors, facts.Authors);
        json.WriteString(Names.published, facts.Published);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, JsonEncodedText name, IEnumerable<string> values)
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

    // The property names of what is written per article, encoded once: written as strings, each was
    // checked for characters to escape and converted to UTF-8 every time, millions of times in a
    // large run. Lower-case names, as they appear in the document.
    private static class Names
    {
        public static readonly JsonEncodedText aiDisclosures = JsonEncodedText.Encode("aiDisclosures");
        public static readonly JsonEncodedText anonymousAttributions = JsonEncodedText.Encode("anonymousAttributions");
        public static readonly JsonEncodedText authors = JsonEncodedText.Encode("authors");
        public static readonly JsonEncodedText categories = JsonEncodedText.Encode("categories");
        public static readonly JsonEncodedText category = JsonEncodedText.Encode("category");
        public static readonly JsonEncodedText chatbotText = JsonEncodedText.Encode("chatbotText");
        public static readonly JsonEncodedText column = JsonEncodedText.Encode("column");
        public static readonly JsonEncodedText contributions = JsonEncodedText.Encode("contributions");
        public static readonly JsonEncodedText endColumn = JsonEncodedText.Encode("endColumn");
        public static readonly JsonEncodedText endLine = JsonEncodedText.Encode("endLine");
        public static readonly JsonEncodedText error = JsonEncodedText.Encode("error");
        public static readonly JsonEncodedText excerpt = JsonEncodedText.Encode("excerpt");
        public static readonly JsonEncodedText read = JsonEncodedText.Encode("read");
        public static readonly JsonEncodedText blocks = JsonEncodedText.Encode("blocks");
        public static readonly JsonEncodedText zone = JsonEncodedText.Encode("zone");
        public static readonly JsonEncodedText text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText marks = JsonEncodedText.Encode("marks");
        public static readonly JsonEncodedText start = JsonEncodedText.Encode("start");
        public static readonly JsonEncodedText end = JsonEncodedText.Encode("end");
        public static readonly JsonEncodedText outside = JsonEncodedText.Encode("outside");
        public static readonly JsonEncodedText finding = JsonEncodedText.Encode("finding");
        public static readonly JsonEncodedText markup = JsonEncodedText.Encode("markup");
        public static readonly JsonEncodedText facts = JsonEncodedText.Encode("facts");
        public static readonly JsonEncodedText failed = JsonEncodedText.Encode("failed");
        public static readonly JsonEncodedText findings = JsonEncodedText.Encode("findings");
        public static readonly JsonEncodedText format = JsonEncodedText.Encode("format");
        public static readonly JsonEncodedText grade = JsonEncodedText.Encode("grade");
        public static readonly JsonEncodedText id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText label = JsonEncodedText.Encode("label");
        public static readonly JsonEncodedText line = JsonEncodedText.Encode("line");
        public static readonly JsonEncodedText linked = JsonEncodedText.Encode("linked");
        public static readonly JsonEncodedText matchedText = JsonEncodedText.Encode("matchedText");
        public static readonly JsonEncodedText max = JsonEncodedText.Encode("max");
        public static readonly JsonEncodedText message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText min = JsonEncodedText.Encode("min");
        public static readonly JsonEncodedText name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText originalSource = JsonEncodedText.Encode("originalSource");
        public static readonly JsonEncodedText originalSourceRating = JsonEncodedText.Encode("originalSourceRating");
        public static readonly JsonEncodedText outlets = JsonEncodedText.Encode("outlets");
        public static readonly JsonEncodedText paraphrasedPeople = JsonEncodedText.Encode("paraphrasedPeople");
        public static readonly JsonEncodedText path = JsonEncodedText.Encode("path");
        public static readonly JsonEncodedText points = JsonEncodedText.Encode("points");
        public static readonly JsonEncodedText promotions = JsonEncodedText.Encode("promotions");
        public static readonly JsonEncodedText published = JsonEncodedText.Encode("published");
        public static readonly JsonEncodedText quotedPeople = JsonEncodedText.Encode("quotedPeople");
        public static readonly JsonEncodedText rating = JsonEncodedText.Encode("rating");
        public static readonly JsonEncodedText reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText related = JsonEncodedText.Encode("related");
        public static readonly JsonEncodedText ruleId = JsonEncodedText.Encode("ruleId");
        public static readonly JsonEncodedText score = JsonEncodedText.Encode("score");
        public static readonly JsonEncodedText severity = JsonEncodedText.Encode("severity");
        public static readonly JsonEncodedText signal = JsonEncodedText.Encode("signal");
        public static readonly JsonEncodedText signals = JsonEncodedText.Encode("signals");
        public static readonly JsonEncodedText title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText vagueAttributions = JsonEncodedText.Encode("vagueAttributions");
        public static readonly JsonEncodedText value = JsonEncodedText.Encode("value");
    }
}
