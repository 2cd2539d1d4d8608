using System.Text;
using System.Text.Json;

namespace Provenance.Json;

/// <summary>
/// Line and column of every value in a JSON document, by JSONPath. System.Text.Json's DOM keeps no
/// positions, so the document is walked with a reader to record them; a syntax error is reported
/// with the path the reader had reached. A well-formed document is walked only when a position is
/// first asked for, which is only when something in it is wrong.
/// </summary>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);
    private readonly string _source;
    private readonly byte[] _utf8;
    private readonly JsonReaderOptions _options;
    private int[]? _lineStarts;
    private bool _walked;

    // Offsets arrive in document order: a column is counted on from the last one on the same line,
    // not from the line's start, so a document on one long line costs no more than many short ones.
    private (int Line, int ByteOffset, int Column) _last = (-1, 0, 0);

    private JsonPositions(string source, byte[] utf8, JsonReaderOptions options)
    {
        _source = source;
        _utf8 = utf8;
        _options = options;
    }

    /// <summary>Walks the document; returns an error instead when it is not well-formed JSON.</summary>
    public static (JsonPositions Positions, JsonLoadError? Error) Build(string source, byte[] utf8, JsonReaderOptions options)
    {
        var positions = new JsonPositions(source, utf8, options);
        return (positions, positions.Walk());
    }

    /// <summary>Positions in a document known to be well-formed, recorded when first asked for.</summary>
    public static JsonPositions Deferred(string source, byte[] utf8, JsonReaderOptions options) => new(source, utf8, options);

    private JsonLoadError? Walk()
    {
        _walked = true;
        var reader = new Utf8JsonReader(_utf8, _options);
        var stack = new Stack<Frame>();
        var path = "$";
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        path = stack.Peek().Path + AppendName(reader.GetString()!);
                        Record(path, (int)reader.TokenStartIndex);
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path = ElementPath(stack, path);
                        Record(path, (int)reader.TokenStartIndex);
                        stack.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path = stack.Pop().Path;
                        break;
                    default:
                        path = ElementPath(stack, path);
                        Record(path, (int)reader.TokenStartIndex);
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            return new JsonLoadError(_source, line, column, path, "invalid JSON: " + TrimReaderMessage(ex.Message));
        }

        return null;
    }

    /// <summary>The position recorded for <paramref name="path"/>, or of its nearest recorded parent.</summary>
    public (int Line, int Column) Find(string path)
    {
        if (!_walked)
        {
            Walk();
        }

        while (true)
        {
            if (_positions.TryGetValue(path, out var position))
            {
                return position;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return (1, 1);
            }

            path = path[..cut];
        }
    }

    /// <summary>The JSONPath of a property under <paramref name="parent"/>.</summary>
    public static string Child(string parent, string name) => parent + AppendName(name);

    /// <summary>The JSONPath of an array element under <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";

    private static string AppendName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$')
            ? "." + name
            : "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";

    private static string ElementPath(Stack<Frame> stack, string path)
    {
        if (stack.Count == 0)
        {
            return "$";
        }

        var frame = stack.Peek();
        if (!frame.IsArray)
        {
            return path;
        }

        var element = Index(frame.Path, frame.NextIndex);
        frame.NextIndex++;
        return element;
    }

    private static string TrimReaderMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private void Record(string path, int byteOffset)
    {
        _lineStarts ??= LineStarts(_utf8);
        var index = Array.BinarySearch(_lineStarts, byteOffset);
        var line = index >= 0 ? index : ~index - 1;
        var (from, column) = _last.Line == line && _last.ByteOffset <= byteOffset ? (_last.ByteOffset, _last.Column) : (_lineStarts[line], 1);
        column += Encoding.UTF8.GetCharCount(_utf8, from, byteOffset - from);
        _last = (line, byteOffset, column);
        _positions.TryAdd(path, (line + 1, column));
    }

    private static int[] LineStarts(byte[] utf8)
    {
        var starts = new List<int> { 0 };
        for (var i = utf8.AsSpan().IndexOf((byte)'\n'); i >= 0; i = utf8.AsSpan(starts[^1]).IndexOf((byte)'\n'))
        {
            starts.Add(starts[^1] + i + 1);
        }

        return [.. starts];
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }
}
