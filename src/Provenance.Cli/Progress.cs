namespace Provenance.Cli;

/// <summary>A progress line on a terminal for long runs ("checked 1,234 of 20,000"); never in CI logs or redirected output.</summary>
internal sealed class Progress : IDisposable
{
    private const int MinimumFiles = 200;
    private readonly int _total;
    private readonly TextWriter _writer;
    private readonly Timer _timer;
    private int _done;

    private Progress(int total, TextWriter writer)
    {
        _total = total;
        _writer = writer;
        _timer = new Timer(_ => Draw(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    public static Progress? Start(int total, bool enabled, TextWriter writer) =>
        enabled && total >= MinimumFiles ? new Progress(total, writer) : null;

    public void Advance() => Interlocked.Increment(ref _done);

    public void Dispose()
    {
        _timer.Dispose();
        lock (_writer)
        {
            _writer.Write("\r\u001b[2K");
        }
    }

    private void Draw()
    {
        var done = Volatile.Read(ref _done);
        var width = 30;
        var filled = _total == 0 ? width : done * width / _total;
        lock (_writer)
        {
            _writer.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] checked {done:N0} of {_total:N0}");
        }
    }
}
