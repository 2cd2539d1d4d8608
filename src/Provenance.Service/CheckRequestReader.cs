using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Net.Http.Headers;
using Provenance.Articles;
using Provenance.Hosting;
using Provenance.Reading;
using Provenance.Text;

namespace Provenance.Service;

/// <summary>
/// Turns a request into articles: a body in one of the readers' media types (name and URI in the
/// query string), or JSON (<see cref="CheckArticleRequest"/>), or for a batch
/// <see cref="CheckBatchRequest"/>. Every refusal names the property or header at fault.
/// </summary>
internal static class CheckRequestReader
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    public static async Task<CheckInput> ReadSingleAsync(HttpRequest request, string? path, string? uri, ServiceOptions options, CancellationToken cancellationToken)
    {
        var (mediaType, charset) = MediaType(request);
        var body = await ReadBodyAsync(request, options.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (IsJson(mediaType))
        {
            using var document = Parse(body);
            return FromRequest(Deserialize(document, ServiceJson.Default.CheckArticleRequest), string.Empty, "article");
        }

        var reader = ArticleReaders.ForMediaType(mediaType) ?? throw Unsupported(mediaType);
        var format = reader.Format;
        var name = string.IsNullOrEmpty(path) ? DefaultName(format) : path;
        var published = string.IsNullOrEmpty(uri) ? null : ParseUri(uri, "the 'uri' query parameter");
        string? error = null;
        var text = charset is null || reader.Extract is not null
            ? ArticleReaders.Decode(body, format, out error)
            : Decode(body, charset);
        return new CheckInput(name, format, text, error, published);
    }

    public static async Task<IReadOnlyList<CheckInput>> ReadBatchAsync(HttpRequest request, ServiceOptions options, CancellationToken cancellationToken)
    {
        var (mediaType, _) = MediaType(request);
        if (!IsJson(mediaType))
        {
            throw Unsupported(mediaType, batch: true);
        }

        var body = await ReadBodyAsync(request, options.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        using var document = Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("articles", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw RequestProblem.BadRequest("A batch is a JSON object with an 'articles' array: { \"articles\": [ { \"content\": \"…\", \"format\": \"text\" } ] }.");
        }

        var batch = Deserialize(document, ServiceJson.Default.CheckBatchRequest);
        if (batch.Articles.Any(a => a is null))
        {
            // Nullable annotations are not applied to a list's items: a null article reads without complaint.
            throw RequestProblem.BadRequest(RequestShape.Explain(document.RootElement, ServiceJson.Default.CheckBatchRequest) ?? "/articles: an article is null.");
        }

        var count = batch.Articles.Count;
        if (count == 0 || count > options.MaxBatchArticles)
        {
            throw RequestProblem.BadRequest($"/articles: holds {count} articles; a batch holds 1 to {options.MaxBatchArticles} (Provenance:Service:MaxBatchArticles).");
        }

        var inputs = batch.Articles.Select((article, index) => FromRequest(article, $"/articles/{index}", $"article-{index + 1}")).ToList();
        var duplicate = inputs.GroupBy(i => i.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? inputs
            : throw RequestProblem.BadRequest($"/articles: the path '{duplicate.Key}' is given to {duplicate.Count()} articles; each article's path must be unique.");
    }

    /// <summary>Reads the document as <typeparamref name="T"/>; when it does not fit, says where and why, in JSON Pointer terms.</summary>
    private static T Deserialize<T>(JsonDocument document, JsonTypeInfo<T> type)
    {
        try
        {
            return document.Deserialize(type) ?? throw RequestProblem.BadRequest("/: expected an object, found null.");
        }
        catch (JsonException ex)
        {
            // The serializer's own message names .NET types; the request's author needs the place and the JSON.
            throw RequestProblem.BadRequest(RequestShape.Explain(document.RootElement, type) ?? $"{Pointer(ex.Path)}: {ex.Message.Split(" Path:", 2)[0]}");
        }
    }

    private static CheckInput FromRequest(CheckArticleRequest article, string pointer, string defaultName)
    {
        var format = article.Format;
        var path = article.Path;
        var articleFormat = format is null
            ? path is null ? ArticleFormat.Text : ArticleLoader.FormatOf(path)
            : ArticleReaders.Named(format)?.Format
                ?? throw RequestProblem.BadRequest($"{pointer}/format: '{format}' is not a format{(Suggestions.Closest(format, ArticleReaders.Names) is { } closest ? $" (did you mean '{closest}'?)" : string.Empty)}; expected {ArticleReaders.NamesInWords}.");
        var name = string.IsNullOrWhiteSpace(path) ? DefaultName(articleFormat, defaultName) : path;
        return new CheckInput(name, articleFormat, article.Content, null, article.Uri is null ? null : ParseUri(article.Uri, $"{pointer}/uri"));
    }

    /// <summary>The serializer's path (<c>$.articles[1].content</c>) as a JSON Pointer (<c>/articles/1/content</c>).</summary>
    private static string Pointer(string? path) =>
        path is null or "$" ? "/" : path.TrimStart('$').Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Replace('.', '/');

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw RequestProblem.TooLarge(limit);
        }

        try
        {
            return await ArticleLoader.ReadBytesAsync(request.Body, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ContentTooLargeException || (ex is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status413PayloadTooLarge))
        {
            // Kestrel enforces the same limit on its side and reports it in its own way.
            throw RequestProblem.TooLarge(limit);
        }
    }

    private static JsonDocument Parse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body, JsonOptions);
        }
        catch (JsonException ex)
        {
            // The parser's message ends with its own position details; the position is restated 1-based.
            var reason = ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd();
            throw new RequestProblem(StatusCodes.Status400BadRequest, "Malformed JSON", $"The body is not valid JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: {reason}");
        }
    }

    private static (string MediaType, string? Charset) MediaType(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType) || !MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed))
        {
            throw Unsupported(request.ContentType ?? "(none)");
        }

        var charset = parsed.Charset.HasValue ? parsed.Charset.Value : null;
        return (parsed.MediaType.Value!.ToLowerInvariant(), charset);
    }

    private static bool IsJson(string mediaType) => mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

    private static string Decode(byte[] body, string charset)
    {
        try
        {
            return Encoding.GetEncoding(charset).GetString(body);
        }
        catch (ArgumentException)
        {
            throw new RequestProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported charset", $"The charset '{charset}' is not one this service can decode; send UTF-8.");
        }
    }

    private static Uri ParseUri(string text, string where) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw RequestProblem.BadRequest($"{where}: '{text}' is not an absolute http or https URI. It is used to resolve the article's links and is never fetched.");

    private static RequestProblem Unsupported(string mediaType, bool batch = false) => new(
        StatusCodes.Status415UnsupportedMediaType,
        "Unsupported media type",
        batch
            ? $"The content type is '{mediaType}'; a batch is application/json."
            : $"The content type is '{mediaType}'; send {string.Join(", ", ArticleReaders.All.Select(r => r.MediaTypes[0]))} or application/json.");

    private static string DefaultName(ArticleFormat format, string stem = "article") => stem + ArticleReaders.For(format).Extensions[0];
}
