using System.Text.Json;
using Provenance.Text;

namespace Provenance.Reporting;

/// <summary>An article's part of a run's output, made ahead: bytes in a buffer from the shared pool.</summary>
internal sealed class PreparedItem
{
    private readonly PooledBuffer _buffer;
    private readonly int _start;

    /// <summary>The bytes written to <paramref name="buffer"/> from <paramref name="start"/> on; the part owns the buffer.</summary>
    public PreparedItem(PooledBuffer buffer, int start) => (_buffer, _start) = (buffer, start);

    /// <summary>
    /// Elements of a JSON array written by <paramref name="write"/> as they would be where
    /// <paramref name="enclose"/> leaves the writer (inside the document's array, as deep): the
    /// same indentation, the newline before the first included. The document adds them as one
    /// raw value (<see cref="Add"/>), and its writer puts the comma before them.
    /// </summary>
    public static PreparedItem Json(Action<Utf8JsonWriter> enclose, Action<Utf8JsonWriter> write)
    {
        var buffer = new PooledBuffer(16 * 1024);
        using var json = new Utf8JsonWriter(buffer, JsonChunks.Options);
        enclose(json);
        json.Flush();
        var start = buffer.WrittenCount;
        write(json);
        json.Flush();
        return new PreparedItem(buffer, start);
    }

    /// <summary>Writes the part into the document's array as <see cref="Json"/> made it, if it has anything, and gives its buffer back.</summary>
    public void Add(Utf8JsonWriter json)
    {
        // A part with no elements (an article with no results) adds nothing: not even a comma.
        if (!Bytes.IsEmpty)
        {
            json.WriteRawValue(Bytes, skipInputValidation: true);
        }

        Release();
    }

    /// <summary>The part's bytes; read them before <see cref="Release"/>.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.WrittenSpan[_start..];

    /// <summary>Gives the buffer back to the pool (once, however often it is called).</summary>
    public void Release() => _buffer.Dispose();
}
