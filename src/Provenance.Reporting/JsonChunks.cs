using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Provenance.Reporting;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> whose output goes on to a <see cref="TextWriter"/> a piece at a
/// time. A run's report can be hundreds of megabytes; buffered whole and then copied to a string,
/// it cost several times its size in memory (2.2 GB for 20,000 articles).
/// </summary>
internal sealed class JsonChunks : IDisposable
{
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // What gathers before it is passed on: large enough that writes are few, small enough that a
    // run of any size holds only this much of its report.
    internal const int ChunkBytes = 64 * 1024;

    private readonly MemoryStream _buffer = new();
    private readonly TextWriter _writer;

    // Under a UTF-8 stream writer (report files, redirected output) the JSON's bytes go straight to
    // its stream: decoded to a string and encoded again, 20,000 articles made 650 MB of garbage.
    private readonly Stream? _bytes;

    public JsonChunks(TextWriter writer)
    {
        _writer = writer;
        if (writer is StreamWriter { Encoding.CodePage: 65001 } utf8)
        {
            // What was written through the text writer goes first.
            utf8.Flush();
            _bytes = utf8.BaseStream;
        }

        Json = new Utf8JsonWriter(_buffer, Options);
    }

    public Utf8JsonWriter Json { get; }

    /// <summary>
    /// Passes what has been written on once a chunk's worth has gathered. Passed on after every
    /// article, each article's few kilobytes went to the file as one system call of its own
    /// (20,000 writes for 20,000 articles).
    /// </summary>
    public void DrainIfFull()
    {
        if (Json.BytesPending + _buffer.Length >= ChunkBytes)
        {
            Drain();
        }
    }

    /// <summary>Passes what has been written so far on to the text writer.</summary>
    public void Drain()
    {
        // Flushed, the writer has handed over whole tokens only, so no character is split.
        Json.Flush();
        if (_bytes is not null)
        {
            _bytes.Write(_buffer.GetBuffer(), 0, (int)_buffer.Length);
        }
        else
        {
            _writer.Write(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        }

        _buffer.SetLength(0);
    }

    public void Dispose()
    {
        Drain();
        Json.Dispose();
        _buffer.Dispose();
    }
}
