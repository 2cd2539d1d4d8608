using Provenance.Text;

namespace Provenance.Reporting;

/// <summary>
/// A run writer that can make an article's part of its output ahead of writing it, on another
/// thread: the host makes each part where the article was checked, and the thread writing the
/// run only copies it out. A run that holds its results until the end (one looking for copies)
/// writes every article at once, after the last check, where rendering them one by one on the
/// writing thread was the run's tail.
/// </summary>
internal interface IPreparingRunWriter
{
    /// <summary>The article's part of the output, as <see cref="IRunWriter.Add"/> would write it; safe on any thread, in any order.</summary>
    PreparedItem Prepare(RunItem item);

    /// <summary>Writes the next article from the part <see cref="Prepare"/> made of it (and gives the part's buffer back).</summary>
    void Add(RunItem item, PreparedItem prepared);
}

/// <summary>An article's part of a run's output, made ahead: bytes in a buffer from the shared pool.</summary>
internal sealed class PreparedItem
{
    private readonly PooledBuffer _buffer;
    private readonly int _start;

    /// <summary>The bytes written to <paramref name="buffer"/> from <paramref name="start"/> on; the part owns the buffer.</summary>
    public PreparedItem(PooledBuffer buffer, int start) => (_buffer, _start) = (buffer, start);

    /// <summary>The part's bytes; read them before <see cref="Release"/>.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.WrittenSpan[_start..];

    /// <summary>Gives the buffer back to the pool.</summary>
    public void Release() => _buffer.Dispose();
}
