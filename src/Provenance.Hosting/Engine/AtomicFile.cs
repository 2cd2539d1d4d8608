using System.Text;

namespace Provenance.Hosting;

/// <summary>Writes files so that a reader, or a crash, sees either the old file or the new one, never half of one.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Fault injection for the kill-mid-write tests (docs/reliability.md): a write to a file whose
    /// name ends with this variable's value stops with its temporary file written but not yet moved
    /// into place, says so on the error stream and waits a minute to be killed.
    /// </summary>
    public const string PauseVariable = "PROVENANCE_TEST_PAUSE_MID_WRITE";

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string contents) => WriteAllBytes(path, Utf8.GetBytes(contents));

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>Writes through <paramref name="write"/> into a temporary file, then moves it over <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        using var file = new Pending(path, removeStale: false);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>
    /// Opens a file to be written over time (a report written as a run goes): the bytes go to a
    /// temporary file beside it, which <see cref="Pending.Commit"/> moves over the file and
    /// disposing without committing deletes. The temporary file a killed run left for the same
    /// file is removed first.
    /// </summary>
    public static Pending Open(string path) => new(path, removeStale: true);

    // A killed run cannot delete its temporary file; the next run writing the same report does,
    // once the process that named it is gone (a run still writing it keeps it). Only for reports:
    // looking for leftovers lists the folder, which for each of --report-dir's thousands of
    // pages would make writing them quadratic.
    private static void RemoveStale(string directory, string name)
    {
        foreach (var file in Directory.EnumerateFiles(directory, $".{name}.*.tmp"))
        {
            var pid = Path.GetFileName(file)[(name.Length + 2)..^4];
            if (int.TryParse(pid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id != Environment.ProcessId && !IsRunning(id))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Another run removed it first, or it cannot be removed: it only takes room.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }

    private static bool IsRunning(int id)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool PausesOn(string path) =>
        Environment.GetEnvironmentVariable(PauseVariable) is { Length: > 0 } pause && path.EndsWith(pause, StringComparison.Ordinal);

    /// <summary>A file being written through a temporary file (<see cref="Open"/>).</summary>
    public sealed class Pending : IDisposable
    {
        private readonly string _path;
        private readonly string _temp;
        private readonly FileStream _stream;
        private StreamWriter? _writer;
        private bool _committed;

        internal Pending(string path, bool removeStale)
        {
            _path = path;
            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            if (removeStale)
            {
                RemoveStale(directory, Path.GetFileName(path));
            }

            _temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
            _stream = new WritebackFileStream(_temp);
        }

        /// <summary>Where the bytes go.</summary>
        public Stream Stream => _stream;

        /// <summary>Where text goes, as UTF-8 without a byte-order mark.</summary>
        public TextWriter Writer => _writer ??= new StreamWriter(_stream, Utf8, 1 << 16, leaveOpen: true);

        /// <summary>Puts the finished file in place of the old one.</summary>
        public void Commit()
        {
            _writer?.Flush();
            _stream.Flush(flushToDisk: true);
            if (PausesOn(_path))
            {
                Console.Error.WriteLine($"provenance: paused mid-write of {_path}");
                Thread.Sleep(TimeSpan.FromMinutes(1));
            }

            Close();
            File.Move(_temp, _path, overwrite: true);
            _committed = true;
        }

        public void Dispose()
        {
            if (_committed)
            {
                return;
            }

            Close();
            if (File.Exists(_temp))
            {
                File.Delete(_temp);
            }
        }

        private void Close()
        {
            _writer?.Dispose();
            _stream.Dispose();
        }
    }
}
