using Provenance.Text;

namespace Provenance.Reporting;

/// <summary>An article's part of a run's output, made ahead: bytes in a buffer from the shared pool.</summary>
internal sealed class PreparedItem
{
    private readonly PooledBuffer _buffer;
    private readonly int _start;

    /// <summary>The bytes written to <paramref name="buffer"/> from <paramref name="start"/> on; the part owns the buffer.</summary>
    public PreparedItem(PooledBuffer buffer, int start) => (_buffer, _start) = (buffer, start);

    /// <summary>The part's bytes; read them before <see cref="Release"/>.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.WrittenSpan[_start..];

    /// <summary>Gives the buffer back to the pool (once, however often it is called).</summary>
    public void Release() => _buffer.Dispose();
}
