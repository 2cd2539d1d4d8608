using Provenance.Hosting;

namespace Provenance.Cli.Tests;

/// <summary>
/// The report file's stream starts the kernel writing each few megabytes back during the run, so
/// the sync before the file is moved into place has little left to wait for, and it writes every
/// byte as a plain file stream would.
/// </summary>
public sealed class WritebackFileStreamTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("provenance-writeback-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_large_file_is_written_back_in_steps_and_whole()
    {
        var path = Path.Combine(_dir, "report.json");
        var chunk = new byte[64 * 1024];
        new Random(7).NextBytes(chunk);
        var steps = 3;
        var chunks = (int)(steps * WritebackFileStream.StepBytes / chunk.Length) + 5;
        int writebacks;
        using (var stream = new WritebackFileStream(path))
        {
            for (var i = 0; i < chunks; i++)
            {
                // Both ways a writer hands over bytes: arrays (StreamWriter) and spans (the JSON chunks).
                if (i % 2 == 0)
                {
                    stream.Write(chunk, 0, chunk.Length);
                }
                else
                {
                    stream.Write(chunk.AsSpan());
                }
            }

            stream.Flush(flushToDisk: true);
            writebacks = stream.Writebacks;
        }

        var written = File.ReadAllBytes(path);
        written.Length.ShouldBe(chunks * chunk.Length);
        for (var i = 0; i < chunks; i++)
        {
            written.AsSpan(i * chunk.Length, chunk.Length).SequenceEqual(chunk).ShouldBeTrue($"chunk {i}");
        }

        if (OperatingSystem.IsLinux())
        {
            writebacks.ShouldBe(steps);
        }
        else
        {
            writebacks.ShouldBe(0);
        }
    }

    [Fact]
    public void A_small_file_is_left_to_the_final_sync()
    {
        var path = Path.Combine(_dir, "small.json");
        using (var stream = new WritebackFileStream(path))
        {
            stream.Write("{}"u8);
            stream.Writebacks.ShouldBe(0);
        }

        File.ReadAllText(path).ShouldBe("{}");
    }
}
