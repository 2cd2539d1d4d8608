using System.Text;

namespace Provenance.Cli;

/// <summary>Writes files so that a reader, or a crash, sees either the old file or the new one, never half of one.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Fault injection for the kill-mid-write tests (docs/reliability.md): a write to a file whose
    /// name ends with this variable's value stops halfway through its temporary file, says so on
    /// the error stream and waits a minute to be killed.
    /// </summary>
    public const string PauseVariable = "PROVENANCE_TEST_PAUSE_MID_WRITE";

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string contents) => WriteAllBytes(path, Utf8.GetBytes(contents));

    /// <summary>Writes what <paramref name="write"/> writes, as UTF-8, streamed into the temporary file: a large report is never held whole.</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        if (PausesOn(path))
        {
            var text = new StringWriter();
            write(text);
            WriteAllText(path, text.ToString());
            return;
        }

        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true);
            write(writer);
        });
    }

    /// <summary>
    /// Opens a text file to be written over time (a report written as a run goes): the text goes to
    /// a temporary file beside it, which <see cref="PendingText.Commit"/> moves over the file and
    /// disposing without committing deletes.
    /// </summary>
    public static PendingText OpenText(string path) => new(path);

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream =>
    {
        if (PausesOn(path))
        {
            stream.Write(bytes.AsSpan(0, bytes.Length / 2));
            stream.Flush(flushToDisk: true);
            Console.Error.WriteLine($"provenance: paused mid-write of {path}");
            Thread.Sleep(TimeSpan.FromMinutes(1));
            stream.Write(bytes.AsSpan(bytes.Length / 2));
        }
        else
        {
            stream.Write(bytes);
        }
    });

    private static string TempPath(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");

    private static bool PausesOn(string path) =>
        Environment.GetEnvironmentVariable(PauseVariable) is { Length: > 0 } pause && path.EndsWith(pause, StringComparison.Ordinal);

    /// <summary>Writes through <paramref name="write"/> into a temporary file, then moves it over <paramref name="path"/>.</summary>
    public static void Write(string path, Action<FileStream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = TempPath(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>A text file being written through a temporary file (<see cref="OpenText"/>).</summary>
    public sealed class PendingText : IDisposable
    {
        private readonly string _path;
        private readonly string _temp;
        private readonly FileStream _stream;
        private bool _committed;

        internal PendingText(string path)
        {
            _path = path;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            _temp = TempPath(path);
            _stream = new FileStream(_temp, FileMode.Create, FileAccess.Write, FileShare.None);
            Writer = new StreamWriter(_stream, Utf8, 1 << 16, leaveOpen: true);
        }

        /// <summary>Where the text goes.</summary>
        public TextWriter Writer { get; }

        /// <summary>Puts the finished file in place of the old one.</summary>
        public void Commit()
        {
            Writer.Flush();
            _stream.Flush(flushToDisk: true);
            if (PausesOn(_path))
            {
                Console.Error.WriteLine($"provenance: paused mid-write of {_path}");
                Thread.Sleep(TimeSpan.FromMinutes(1));
            }

            Writer.Dispose();
            _stream.Dispose();
            File.Move(_temp, _path, overwrite: true);
            _committed = true;
        }

        public void Dispose()
        {
            if (_committed)
            {
                return;
            }

            Writer.Dispose();
            _stream.Dispose();
            if (File.Exists(_temp))
            {
                File.Delete(_temp);
            }
        }
    }
}
