using System.Text.Json;

namespace Provenance.Reporting;

/// <summary>The JSON document of a run written article by article.</summary>
public sealed partial class JsonReporter
{
    private sealed class Document : IRunWriter, IPreparingRunWriter
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

        // Where the articles are: in the document's array, two levels down.
        public PreparedItem Prepare(RunItem item) =>
            PreparedItem.Json(
                json =>
                {
                    json.WriteStartObject();
                    json.WriteStartArray("articles");
                },
                json => _reporter.WriteItem(json, item));

        public void Add(RunItem item, PreparedItem prepared)
        {
            prepared.Add(_chunks.Json);
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
}
