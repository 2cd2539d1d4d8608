using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Provenance.Json;

/// <summary>One JSON file being loaded: its positions and the errors found so far.</summary>
internal sealed class JsonLoadContext
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip };
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    private JsonLoadContext(string source, JsonPositions positions, List<JsonLoadError> errors)
    {
        Source = source;
        Positions = positions;
        Errors = errors;
    }

    public string Source { get; }

    public JsonPositions Positions { get; }

    public List<JsonLoadError> Errors { get; }

    // Expressions built for this file, by pattern and options: rules that write the same
    // expression (the outlet rules' attribution contexts) share one instance, so it is compiled
    // once and the searches an analysis makes with it are made once, whichever rule asks.
    private Dictionary<(string Pattern, RegexOptions Options), Regex>? _expressions;

    /// <summary>The expression this file already built for <paramref name="pattern"/> and <paramref name="options"/>, or the one <paramref name="create"/> makes.</summary>
    public Regex Expression(string pattern, RegexOptions options, Func<Regex> create)
    {
        _expressions ??= [];
        if (!_expressions.TryGetValue((pattern, options), out var expression))
        {
            expression = create();
            _expressions.Add((pattern, options), expression);
        }

        return expression;
    }

    /// <summary>Parses <paramref name="json"/>; on a syntax error adds it to <paramref name="errors"/> and returns null.</summary>
    public static (JsonLoadContext Context, JsonDocument Document)? Parse(string source, string json, List<JsonLoadError> errors)
    {
        if (json.AsSpan().Trim().IsEmpty)
        {
            errors.Add(new JsonLoadError(source, 1, 1, "$", "the file is empty; expected a JSON object"));
            return null;
        }

        var utf8 = Encoding.UTF8.GetBytes(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException)
        {
            // Walked again with a reader that keeps track of the path, to say where.
            var (_, error) = JsonPositions.Build(source, utf8, ReaderOptions);
            errors.Add(error ?? new JsonLoadError(source, 1, 1, "$", "invalid JSON"));
            return null;
        }

        return (new JsonLoadContext(source, JsonPositions.Deferred(source, utf8, ReaderOptions), errors), document);
    }

    public void Error(string path, string message)
    {
        var (line, column) = Positions.Find(path);
        Errors.Add(new JsonLoadError(Source, line, column, path, message));
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
