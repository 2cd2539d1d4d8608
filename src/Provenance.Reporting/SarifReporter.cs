using System.Text.Json;
using Provenance.Analysis;
using Provenance.Rules;

namespace Provenance.Reporting;

/// <summary>
/// SARIF 2.1.0, as code scanning takes it: every rule in <c>tool.driver.rules</c> with its help URI
/// and default level, results pointing at their rule by <c>ruleIndex</c>, file locations relative to
/// the <c>SRCROOT</c> base, and <c>partialFingerprints</c> that stay the same when lines move.
/// </summary>
public sealed class SarifReporter(ReportContext context) : IReporter
{
    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <inheritdoc/>
    public string Name => "sarif";

    private ReportContext Context => context;

    /// <inheritdoc/>
    public void Write(CheckRun run, TextWriter writer) => Reporters.WriteWhole(this, run, writer);

    /// <inheritdoc/>
    public IRunWriter Open(RunInfo info, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return new Log(this, writer);
    }

    private sealed class Log : IRunWriter, IPreparingRunWriter
    {
        private readonly TextWriter _writer;
        private readonly JsonChunks _chunks;
        private readonly Dictionary<string, int> _index;

        public Log(SarifReporter reporter, TextWriter writer)
        {
            (_writer, _chunks) = (writer, new JsonChunks(writer));
            // The copy rules too: a run that looks for copies reports them, and a result's rule must be listed.
            var descriptors = EngineDiagnostics.Descriptors.Concat(reporter.Context.Rules.Rules.Select(r => r.Descriptor)).Concat(Corpus.CopyVerdicts.Descriptors).ToList();
            _index = descriptors.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            var json = _chunks.Json;
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            reporter.WriteTool(_chunks, descriptors);
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject("SRCROOT");
            json.WriteStartObject("description");
            json.WriteString("text", "The folder provenance check ran in; result paths are relative to it.");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
        }

        public void Add(RunItem item)
        {
            WriteResults(_chunks.Json, item, _index);
            _chunks.DrainIfFull();
        }

        // Where the results are: in the log's runs, in its one run, four levels down. The index
        // of rules is made once, when the log opens, and only read after.
        public PreparedItem Prepare(RunItem item) =>
            PreparedItem.Json(
                json =>
                {
                    json.WriteStartObject();
                    json.WriteStartArray("runs");
                    json.WriteStartObject();
                    json.WriteStartArray("results");
                },
                json => WriteResults(json, item, _index));

        public void Add(RunItem item, PreparedItem prepared)
        {
            prepared.Add(_chunks.Json);
            _chunks.DrainIfFull();
        }

        public void Finish()
        {
            var json = _chunks.Json;
            json.WriteEndArray();
            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", true);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            _chunks.Dispose();
            _writer.WriteLine();
        }
    }

    // Passed on a chunk at a time like the results: with each rule's help page the list of rules is
    // some hundreds of kilobytes, which written as one piece was the largest write of a report.
    private void WriteTool(JsonChunks chunks, List<RuleDescriptor> descriptors)
    {
        var json = chunks.Json;
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "provenance");
        json.WriteString("semanticVersion", context.ToolVersion);
        json.WriteString("version", context.ToolVersion);
        if (context.DocsBaseUri is not null)
        {
            json.WriteString("informationUri", context.DocsBaseUri.ToString());
        }
        json.WriteStartArray("rules");
        foreach (var d in descriptors)
        {
            json.WriteStartObject();
            json.WriteString("id", d.Id);
            json.WriteString("name", Pascal(d.Title));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", d.Title);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", d.Description ?? d.Title);
            json.WriteEndObject();
            if (HelpUri(d) is { } help)
            {
                json.WriteString("helpUri", help);
            }

            var page = context.Rules.Find(d.Id) is { } rule ? RuleDocumentation.Render(rule, context.Scoring)
                : Corpus.CopyVerdicts.SignalOf(d.Id) is not null ? RuleDocumentation.RenderCopyRule(d, context.Scoring)
                : null;
            if (page is not null)
            {
                json.WriteStartObject("help");
                json.WriteString("text", d.Description ?? d.Title);
                json.WriteString("markdown", page);
                json.WriteEndObject();
            }

            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(d.DefaultSeverity));
            json.WriteBoolean("enabled", d.IsEnabledByDefault);
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", d.Category);
            json.WriteStartArray("tags");
            json.WriteStringValue("provenance");
            json.WriteStringValue(d.Category.ToLowerInvariant());
            foreach (var tag in d.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            chunks.DrainIfFull();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResults(Utf8JsonWriter json, RunItem item, Dictionary<string, int> index)
    {
        if (item.Report is not { } report)
        {
            WriteResult(json, EngineDiagnostics.UnreadableArticle, index, "error", item.Error ?? "the file could not be read", item.Path, null, Fingerprints.ForFile(EngineDiagnostics.UnreadableArticle, item.Path));
            return;
        }

        var findings = report.Analysis.Findings.Where(f => f.Severity != Severity.Hidden).ToList();
        var fingerprints = Fingerprints.For(item.Path, findings);
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            WriteResult(json, f.RuleId, index, Level(f.Severity), f.Message, item.Path, f, fingerprints[i]);
        }
    }

    private static void WriteResult(Utf8JsonWriter json, string ruleId, Dictionary<string, int> index, string level, string message, string path, Finding? finding, string fingerprint)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", ruleId);
        if (index.TryGetValue(ruleId, out var ruleIndex))
        {
            json.WriteNumber("ruleIndex", ruleIndex);
        }

        json.WriteString("level", level);
        json.WriteStartObject("message");
        json.WriteString("text", message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifact(json, path);
        json.WriteStartObject("region");
        if (finding is null || finding.IsArticleLevel)
        {
            json.WriteNumber("startLine", 1);
        }
        else
        {
            WriteRegion(json, finding.Location);

            // A copy's finding spans whole lines and carries no text of its own.
            if (finding.MatchedText.Length > 0)
            {
                json.WriteStartObject("snippet");
                json.WriteString("text", finding.MatchedText);
                json.WriteEndObject();
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        if (finding is { Related.Length: > 0 })
        {
            // Where the finding points into other files: a copy's original, an original's copies.
            json.WriteStartArray("relatedLocations");
            for (var i = 0; i < finding.Related.Length; i++)
            {
                var related = finding.Related[i];
                json.WriteStartObject();
                json.WriteNumber("id", i + 1);
                json.WriteStartObject("physicalLocation");
                WriteArtifact(json, related.Path);
                json.WriteStartObject("region");
                WriteRegion(json, related.Location);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteStartObject("message");
                json.WriteString("text", related.Message);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString("provenanceFindingHash/v1", fingerprint);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // A file relative to the folder the run started in, as code scanning resolves it.
    private static void WriteArtifact(Utf8JsonWriter json, string path)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal));
        json.WriteString("uriBaseId", "SRCROOT");
        json.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter json, Text.LinePositionSpan place)
    {
        json.WriteNumber("startLine", place.Start.Line);
        json.WriteNumber("startColumn", place.Start.Column);
        json.WriteNumber("endLine", place.End.Line);
        json.WriteNumber("endColumn", place.End.Column);
    }

    // A rule's helpUri is used as written when absolute; a relative one (docs/rules/PRV1001.md)
    // is resolved against the documentation base the user gives, since SARIF needs absolute URIs.
    private string? HelpUri(RuleDescriptor descriptor)
    {
        if (descriptor.HelpUri is null)
        {
            return null;
        }

        if (Uri.TryCreate(descriptor.HelpUri, UriKind.Absolute, out var absolute))
        {
            return absolute.ToString();
        }

        return context.DocsBaseUri is { } baseUri ? new Uri(baseUri, Path.GetFileName(descriptor.HelpUri)).ToString() : null;
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    private static string Pascal(string title) =>
        string.Concat(title.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
