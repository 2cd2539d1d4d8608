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

    private static bool PausesOn(string path) =>
        Environment.GetEnvironmentVariable(PauseVariable) is { Length: > 0 } pause && path.EndsWith(pause, StringComparison.Ordinal);

    private static void Write(string path, Action<FileStream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
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
}
