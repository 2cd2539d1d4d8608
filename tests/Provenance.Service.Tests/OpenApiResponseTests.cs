using System.Text.Json.Nodes;
using Json.Schema;
using Provenance.Tests;
using static Provenance.Service.Tests.CheckEndpointTests;

namespace Provenance.Service.Tests;

/// <summary>
/// The shapes of the JSON the service writes itself are kept by hand in ResponseSchemas.json; these
/// tests hold them to what the service really answers, through the served document, so a property
/// renamed or a type changed in the writers fails here rather than in a client.
/// </summary>
public sealed class OpenApiResponseTests
{
    public static TheoryData<string, string, string> Answers => new()
    {
        { "POST", "/v1/check", "Report" },
        { "POST", "/v1/check/batch", "Report" },
        { "POST", "/v1/check/batch?read=true", "Report" },
        { "GET", "/v1/rules", "Rule[]" },
        { "GET", "/v1/rules/PRV1001", "RuleDetail" },
        { "GET", "/healthz", "HealthReport" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Each_answer_fits_its_schema_in_the_served_document(string method, string route, string shape)
    {
        using var factory = new ServiceFactory();
        var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken))!;

        using var response = method == "GET"
            ? await client.GetAsync(new Uri(route, UriKind.Relative), TestContext.Current.CancellationToken)
            : await client.PostAsync(new Uri(route, UriKind.Relative), Body(route), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var results = SchemaFor(document, shape).Evaluate(answer, new EvaluationOptions { OutputFormat = OutputFormat.List });
        results.IsValid.ShouldBeTrue(string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))));
    }

    [Fact]
    public async Task A_report_that_breaks_its_schema_is_caught()
    {
        // The check above must be able to fail: a finding without its position does not fit.
        using var factory = new ServiceFactory();
        var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken))!;
        using var response = await client.PostAsync(new Uri("/v1/check", UriKind.Relative), Body("/v1/check"), TestContext.Current.CancellationToken);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var finding = answer["articles"]![0]!["findings"]![0]!.AsObject();
        finding.Remove("line");
        SchemaFor(document, "Report").Evaluate(answer).IsValid.ShouldBeFalse();
    }

    private static HttpContent Body(string route)
    {
        var article = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt"));
        return route.Contains("/batch", StringComparison.Ordinal)
            ? Content(new JsonObject { ["articles"] = new JsonArray(new JsonObject { ["content"] = article, ["path"] = "a.txt" }, new JsonObject { ["content"] = "<p>Officials said so.</p>", ["format"] = "html" }) }.ToJsonString(), "application/json")
            : Content(article, "text/plain");
    }

    /// <summary>The named component as a JSON Schema of its own: the document's components become its definitions.</summary>
    internal static JsonSchema SchemaFor(JsonNode document, string shape)
    {
        var list = shape.EndsWith("[]", StringComparison.Ordinal);
        var name = shape.TrimEnd('[', ']');
        var components = document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var reference = new JsonObject { ["$ref"] = $"#/$defs/{name}" };
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = JsonNode.Parse(components),
        };
        if (list)
        {
            root["type"] = "array";
            root["items"] = reference;
        }
        else
        {
            root["$ref"] = reference["$ref"]!.GetValue<string>();
        }

        return JsonSchema.FromText(root.ToJsonString());
    }
}
