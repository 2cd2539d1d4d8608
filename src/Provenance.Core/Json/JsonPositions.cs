using System.Text;
using System.Text.Json;

namespace Provenance.Json;

/// <summary>
/// Line and column of every value in a JSON document, by JSONPath. System.Text.Json's DOM keeps no
/// positions, so the document is walked once with a reader to record them; a syntax error is
/// reported with the path the reader had reached.
/// </summary>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);
    private readonly byte[] _utf8;
    private readonly int[] _lineStarts;

    private JsonPositions(byte[] utf8)
    {
        _utf8 = utf8;
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>Walks the document; returns an error instead when it is not well-formed JSON.</summary>
    public static (JsonPositions Positions, JsonLoadError? Error) Build(string source, byte[] utf8, JsonReaderOptions options)
    {
        var positions = new JsonPositions(utf8);
        var reader = new Utf8JsonReader(utf8, options);
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
                        positions.Record(path, (int)reader.TokenStartIndex);
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path = ElementPath(stack, path);
                        positions.Record(path, (int)reader.TokenStartIndex);
                        stack.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path = stack.Pop().Path;
                        break;
                    default:
                        path = ElementPath(stack, path);
                        positions.Record(path, (int)reader.TokenStartIndex);
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            return (positions, new JsonLoadError(source, line, column, path, "invalid JSON: " + TrimReaderMessage(ex.Message)));
        }

        return (positions, null);
    }

    /// <summary>The position recorded for <paramref name="path"/>, or of its nearest recorded parent.</summary>
    public (int Line, int Column) Find(string path)
    {
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
        var index = Array.BinarySearch(_lineStarts, byteOffset);
        var line = index >= 0 ? index : ~index - 1;
        var column = Encoding.UTF8.GetCharCount(_utf8, _lineStarts[line], byteOffset - _lineStarts[line]) + 1;
        _positions.TryAdd(path, (line + 1, column));
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }
}
