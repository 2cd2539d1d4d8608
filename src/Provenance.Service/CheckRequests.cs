using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provenance.Service;

/// <summary>
/// One article sent as JSON to <c>POST /v1/check</c> or inside a batch. Unknown properties are
/// refused rather than ignored: a misspelt <c>"fromat"</c> would otherwise check the article in
/// the wrong format without a word.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record CheckArticleRequest
{
    /// <summary>The article: its text, Markdown or HTML.</summary>
    public required string Content { get; init; }

    /// <summary>How to read it, by a reader's name; from the path's extension when absent.</summary>
    public string? Format { get; init; }

    /// <summary>Where the article was published (absolute http or https), for resolving its links; never fetched.</summary>
    public string? Uri { get; init; }

    /// <summary>The name findings are reported against.</summary>
    public string? Path { get; init; }
}

/// <summary>Several articles sent to <c>POST /v1/check/batch</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record CheckBatchRequest
{
    /// <summary>The articles, checked in this order: at most Provenance:Service:MaxBatchArticles (default 100), each path unique.</summary>
    public required IReadOnlyList<CheckArticleRequest> Articles { get; init; }
}

/// <summary>What <c>GET /healthz</c> answers.</summary>
/// <param name="Status">Always <c>healthy</c>: a service that cannot check does not start.</param>
/// <param name="Version">The tool's version.</param>
/// <param name="Rules">How many rules are loaded.</param>
/// <param name="ScoringVersion">The scoring model's version.</param>
internal sealed record HealthReport(
    string Status,
    string Version,
    int Rules,
    string ScoringVersion);

/// <summary>
/// The service's JSON contract, generated at build time: requests are read, explained when they do
/// not fit (<see cref="RequestShape"/>) and described in the OpenAPI document from the same type
/// information, and the XML comments above are the document's descriptions. Property names are camelCase and
/// matched exactly (<c>"Content"</c> is an unknown property, not <c>"content"</c>); a null where
/// a value is required is an error, not a default.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNameCaseInsensitive = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = 16)]
[JsonSerializable(typeof(CheckArticleRequest))]
[JsonSerializable(typeof(CheckBatchRequest))]
[JsonSerializable(typeof(HealthReport))]
internal sealed partial class ServiceJson : JsonSerializerContext;
