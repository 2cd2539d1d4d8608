using System.Collections.Concurrent;
using System.Diagnostics;

namespace Provenance.Cli.Tests;

/// <summary>A child process whose output lines are collected as they come.</summary>
internal sealed class Running : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private Running(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _errors.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Errors => string.Join('\n', _errors);

    public static Running Start(string directory, params string[] arguments) => Start(directory, new Dictionary<string, string>(), arguments);

    public static Running Start(string directory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "provenance.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new Running(Process.Start(start)!);
    }

    /// <summary>Waits for an output line (or, with <paramref name="inErrors"/>, an error line) containing <paramref name="start"/>.</summary>
    public async Task<string> WaitForLine(string start, string? after = null, bool inErrors = false)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var lines = inErrors ? [.. _errors] : Lines.ToList();
            var from = after is null ? 0 : lines.IndexOf(after) + 1;
            if (lines.Skip(from).FirstOrDefault(l => l.Contains(start, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }

            _process.HasExited.ShouldBeFalse($"the process exited with {(_process.HasExited ? _process.ExitCode : 0)}: {Errors}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"no line with '{start}' within a minute; output:\n{string.Join('\n', Lines)}\n{Errors}");
    }

    public int WaitForExit()
    {
        _process.WaitForExit(TimeSpan.FromSeconds(60)).ShouldBeTrue("the process did not exit");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Asks the process to stop as Ctrl+C or a container stop would (SIGTERM), and waits for it.</summary>
    public int Stop()
    {
        Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        return WaitForExit();
    }

    /// <summary>Kills the process outright (SIGKILL), as a crash or an out-of-memory kill would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
