using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Provenance.Hosting;

namespace Provenance.Cli;

/// <summary>
/// <c>provenance merge</c>: joins the JSON or SARIF results of sharded runs into the document one
/// unsharded run writes: articles (or results) in path order, the summary counted again.
/// </summary>
internal static class MergeCommand
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "The shards' JSON or SARIF results." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the merged document here instead of to the console." };
        var command = new Command("merge", "Merge the JSON or SARIF results of sharded runs (check --shard K/N) into one.") { files, output };
        command.SetAction(r => Run(r.GetValue(files)!, r.GetValue(output), Directory.GetCurrentDirectory(), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(string[] files, string? outputFile, string baseDirectory, TextWriter output, TextWriter error)
    {
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var file in files)
            {
                var full = Path.GetFullPath(file, baseDirectory);
                if (!File.Exists(full))
                {
                    throw new ProvenanceSetupException($"{file}: no such file");
                }

                try
                {
                    documents.Add(JsonDocument.Parse(File.ReadAllText(full)));
                }
                catch (JsonException ex)
                {
                    throw new ProvenanceSetupException($"{file}: not JSON: {ex.Message}");
                }
            }

            var sarif = documents[0].RootElement.TryGetProperty("runs", out _);
            if (documents.Any(d => d.RootElement.TryGetProperty("runs", out _) != sarif))
            {
                throw new ProvenanceSetupException("the files mix SARIF and JSON results");
            }

            var merged = sarif ? MergeSarif(documents) : MergeJson(documents);
            if (outputFile is null)
            {
                output.Write(merged);
            }
            else
            {
                AtomicFile.WriteAllText(Path.GetFullPath(outputFile, baseDirectory), merged);
            }

            return ExitCodes.Success;
        }
        catch (ProvenanceSetupException ex)
        {
            error.WriteLine($"provenance: {ex.Message}");
            return ExitCodes.UsageError;
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }

    private static string MergeJson(List<JsonDocument> documents)
    {
        var first = documents[0].RootElement;
        if (!first.TryGetProperty("articles", out _) || !first.TryGetProperty("summary", out var firstSummary))
        {
            throw new ProvenanceSetupException("not a provenance JSON report (no articles and summary)");
        }

        var articles = documents.SelectMany(d => d.RootElement.GetProperty("articles").EnumerateArray())
            .OrderBy(a => a.GetProperty("path").GetString(), StringComparer.Ordinal).ToList();
        var checkedArticles = articles.Where(a => a.TryGetProperty("score", out _)).ToList();
        var summaries = documents.Select(d => d.RootElement.GetProperty("summary")).ToList();

        // Each article belongs to one shard, so every count adds up; only the mean is counted again.
        int Sum(Func<JsonElement, JsonElement> pick) => summaries.Sum(s => pick(s).GetInt32());
        return Write(json =>
        {
            json.WriteStartObject();
            foreach (var property in first.EnumerateObject().Where(p => p.Name is not ("articles" or "summary")))
            {
                property.WriteTo(json);
            }

            json.WriteStartArray("articles");
            articles.ForEach(a => a.WriteTo(json));
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("articles", Sum(s => s.GetProperty("articles")));
            json.WriteNumber("failed", Sum(s => s.GetProperty("failed")));
            json.WriteNumber("unreadable", Sum(s => s.GetProperty("unreadable")));
            json.WriteStartObject("findings");
            foreach (var severity in new[] { "error", "warning", "info" })
            {
                json.WriteNumber(severity, Sum(s => s.GetProperty("findings").GetProperty(severity)));
            }

            json.WriteEndObject();
            json.WriteNumber("meanScore", checkedArticles.Count == 0 ? 0 : (int)Math.Round(checkedArticles.Average(a => a.GetProperty("score").GetInt32()), MidpointRounding.AwayFromZero));
            json.WriteStartObject("grades");
            foreach (var grade in firstSummary.GetProperty("grades").EnumerateObject())
            {
                json.WriteNumber(grade.Name, Sum(s => s.GetProperty("grades").GetProperty(grade.Name)));
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static string MergeSarif(List<JsonDocument> documents)
    {
        var first = documents[0].RootElement;
        var run = first.GetProperty("runs")[0];
        var results = documents.SelectMany(d => d.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
            .Select((r, i) => (Result: r, Order: i))
            .OrderBy(r => r.Result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparer.Ordinal)
            .ThenBy(r => r.Order)
            .Select(r => r.Result)
            .ToList();
        return Write(json =>
        {
            json.WriteStartObject();
            foreach (var property in first.EnumerateObject())
            {
                if (property.Name != "runs")
                {
                    property.WriteTo(json);
                    continue;
                }

                json.WriteStartArray("runs");
                json.WriteStartObject();
                foreach (var runProperty in run.EnumerateObject())
                {
                    if (runProperty.Name == "results")
                    {
                        json.WriteStartArray("results");
                        results.ForEach(r => r.WriteTo(json));
                        json.WriteEndArray();
                    }
                    else
                    {
                        runProperty.WriteTo(json);
                    }
                }

                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        });
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }
}
