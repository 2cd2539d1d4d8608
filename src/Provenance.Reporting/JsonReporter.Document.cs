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

        public PreparedItem Prepare(RunItem item)
        {
            // Written as the first element of an array two levels down, where the articles are:
            // the same indentation, the newline before it included. Added as a raw value, the
            // document's writer puts the comma between articles.
            var buffer = new Text.PooledBuffer(16 * 1024);
            using var json = new Utf8JsonWriter(buffer, JsonChunks.Options);
            json.WriteStartObject();
            json.WriteStartArray("articles");
            json.Flush();
            var start = buffer.WrittenCount;
            _reporter.WriteItem(json, item);
            json.Flush();
            return new PreparedItem(buffer, start);
        }

        public void Add(RunItem item, PreparedItem prepared)
        {
            _chunks.Json.WriteRawValue(prepared.Bytes, skipInputValidation: true);
            prepared.Release();
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
