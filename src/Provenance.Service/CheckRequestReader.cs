using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Provenance.Articles;
using Provenance.Hosting;
using Provenance.Reading;
using Provenance.Text;

namespace Provenance.Service;

/// <summary>
/// Turns a request into articles: a text/plain, text/markdown or text/html body (name and URI in
/// the query string), or JSON <c>{ "content", "format", "uri", "path" }</c>, or for a batch
/// <c>{ "articles": [ … ] }</c>. Every refusal names the property or header at fault.
/// </summary>
internal static class CheckRequestReader
{
    private static readonly string[] Properties = ["content", "format", "uri", "path"];


    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    public static async Task<CheckInput> ReadSingleAsync(HttpRequest request, ServiceOptions options, CancellationToken cancellationToken)
    {
        var (mediaType, charset) = MediaType(request);
        var body = await ReadBodyAsync(request, options.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (IsJson(mediaType))
        {
            using var document = Parse(body);
            return FromJson(document.RootElement, "", "article");
        }

        var reader = ArticleReaders.ForMediaType(mediaType) ?? throw Unsupported(mediaType);
        var format = reader.Format;
        var path = request.Query["path"].ToString() is { Length: > 0 } named ? named : DefaultName(format);
        var uri = request.Query["uri"].ToString() is { Length: > 0 } given ? ParseUri(given, "the 'uri' query parameter") : null;
        string? error = null;
        var text = charset is null || reader.Extract is not null
            ? ArticleReaders.Decode(body, format, out error)
            : Decode(body, charset);
        return new CheckInput(path, format, text, error, uri);
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
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("articles", out var articles) || articles.ValueKind != JsonValueKind.Array)
        {
            throw RequestProblem.BadRequest("A batch is a JSON object with an 'articles' array: { \"articles\": [ { \"content\": \"…\", \"format\": \"text\" } ] }.");
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Name != "articles")
            {
                throw RequestProblem.BadRequest($"/{property.Name}: unknown property; a batch has only 'articles'.");
            }
        }

        var count = articles.GetArrayLength();
        if (count == 0 || count > options.MaxBatchArticles)
        {
            throw RequestProblem.BadRequest($"/articles: holds {count} articles; a batch holds 1 to {options.MaxBatchArticles} (Provenance:Service:MaxBatchArticles).");
        }

        var inputs = new List<CheckInput>(count);
        var index = 0;
        foreach (var item in articles.EnumerateArray())
        {
            inputs.Add(FromJson(item, $"/articles/{index}", $"article-{index + 1}"));
            index++;
        }

        var duplicate = inputs.GroupBy(i => i.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? inputs
            : throw RequestProblem.BadRequest($"/articles: the path '{duplicate.Key}' is given to {duplicate.Count()} articles; each article's path must be unique.");
    }

    private static CheckInput FromJson(JsonElement element, string pointer, string defaultName)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw RequestProblem.BadRequest($"{Where(pointer)}: expected an object with 'content' and optionally 'format', 'uri' and 'path', found {Kind(element)}.");
        }

        string? content = null, format = null, uri = null, path = null;
        foreach (var property in element.EnumerateObject())
        {
            var at = $"{pointer}/{property.Name}";
            if (Array.IndexOf(Properties, property.Name) < 0)
            {
                var hint = Suggestions.Closest(property.Name, Properties);
                throw RequestProblem.BadRequest($"{at}: unknown property{(hint is null ? string.Empty : $"; did you mean '{hint}'?")} Expected content, format, uri or path.");
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw RequestProblem.BadRequest($"{at}: expected a string, found {Kind(property.Value)}.");
            }

            var value = property.Value.GetString();
            switch (property.Name)
            {
                case "content": content = value; break;
                case "format": format = value; break;
                case "uri": uri = value; break;
                default: path = value; break;
            }
        }

        if (content is null)
        {
            throw RequestProblem.BadRequest($"{Where(pointer)}: 'content' is required: the article's text, Markdown or HTML.");
        }

        var articleFormat = format is null
            ? path is null ? ArticleFormat.Text : ArticleLoader.FormatOf(path)
            : ArticleReaders.Named(format)?.Format
                ?? throw RequestProblem.BadRequest($"{pointer}/format: '{format}' is not a format{(Suggestions.Closest(format, ArticleReaders.Names) is { } closest ? $" (did you mean '{closest}'?)" : string.Empty)}; expected {ArticleReaders.NamesInWords}.");
        var name = string.IsNullOrWhiteSpace(path) ? DefaultName(articleFormat, defaultName) : path;
        return new CheckInput(name, articleFormat, content, null, uri is null ? null : ParseUri(uri, $"{pointer}/uri"));
    }

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

    private static string Where(string pointer) => pointer.Length == 0 ? "/" : pointer;

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
