using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary><c>provenance watch</c> and <c>provenance serve</c> as real processes: they start, do their work while running, and stop when told.</summary>
public sealed class LongRunningCommandTests
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "provenance.dll");

    [Fact]
    public async Task Watch_checks_the_folder_then_refreshes_the_reports_of_files_that_change_and_drops_those_removed()
    {
        var root = Directory.CreateTempSubdirectory("provenance-watch-").FullName;
        var content = Directory.CreateDirectory(Path.Combine(root, "content")).FullName;
        File.Copy(RepoPaths.Sample("hezbollah-original-source-cnn.txt"), Path.Combine(content, "story.txt"));
        File.WriteAllText(Path.Combine(content, "other.md"), "# Other\n\nBy Jane Roe\n\nOfficials said it.\n");
        using var watch = Running.Start(root, "watch", "content", "--report-dir", "reports");

        await watch.WaitForLine("watching content: 2 articles checked");
        var report = Path.Combine(root, "reports", "content", "story.txt.html");
        File.Exists(report).ShouldBeTrue();
        File.Exists(Path.Combine(root, "reports", "index.html")).ShouldBeTrue();
        var first = watch.Lines.Single(l => l.StartsWith("content/story.txt: score", StringComparison.Ordinal));

        // Appending a promotional footer changes the findings; the watcher re-checks and rewrites the page.
        File.AppendAllText(Path.Combine(content, "story.txt"), "\n\nSubscribe to our newsletter for exclusive deals! Use code SAVE20 at checkout.\n");
        var second = await watch.WaitForLine("content/story.txt: score", after: first);
        second.ShouldNotBe(first);
        File.ReadAllText(report).ShouldContain("SAVE20");

        File.Delete(Path.Combine(content, "other.md"));
        await watch.WaitForLine("content/other.md: removed");
        File.Exists(Path.Combine(root, "reports", "content", "other.md.html")).ShouldBeFalse();
        watch.Stop().ShouldBe(0);
    }

    [Fact]
    public void Watch_on_a_missing_folder_is_a_usage_error()
    {
        using var watch = Running.Start(RepoPaths.Root, "watch", "no-such-folder");
        watch.WaitForExit().ShouldBe(2);
        watch.Errors.ShouldContain("provenance: no-such-folder: no such folder");
    }

    [Fact]
    public async Task Serve_listens_on_loopback_answers_checks_and_stops_cleanly()
    {
        var port = FreePort();
        using var serve = Running.Start(RepoPaths.Root, "serve", "--urls", $"http://127.0.0.1:{port}");
        await serve.WaitForLine("Now listening on: http://127.0.0.1:");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var response = await client.PostAsync(new Uri("/v1/check", UriKind.Relative), new StringContent(File.ReadAllText(RepoPaths.Sample("miami-restraint-spun.txt"))), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"schemaVersion\": 1");
        serve.Stop().ShouldBe(0);
        serve.Lines.ShouldContain(l => l.Contains("HTTP POST /v1/check responded 200", StringComparison.Ordinal));
    }

    [Fact]
    public void Serve_with_a_missing_rules_folder_is_a_usage_error_naming_it()
    {
        using var serve = Running.Start(RepoPaths.Root, "serve", "--urls", $"http://127.0.0.1:{FreePort()}", "--rules", "/nonexistent/rules");
        serve.WaitForExit().ShouldBe(2);
        serve.Errors.ShouldContain("provenance: /nonexistent/rules: no such rules folder");
    }

    [Fact]
    public void Serve_with_invalid_limits_names_each_one()
    {
        using var serve = Running.Start(RepoPaths.Root, "serve", "--urls", $"http://127.0.0.1:{FreePort()}", "--max-concurrency", "0", "--timeout", "-1");
        serve.WaitForExit().ShouldBe(2);
        serve.Errors.ShouldContain("provenance: Provenance:Service:MaxConcurrentChecks is 0; it must be at least 1");
        serve.Errors.ShouldContain("provenance: Provenance:Service:RequestTimeout is -00:00:01; it must be positive");
    }

    [Fact]
    public void Serve_on_a_port_in_use_is_a_usage_error_saying_so()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var serve = Running.Start(RepoPaths.Root, "serve", "--urls", $"http://127.0.0.1:{port}");
        serve.WaitForExit().ShouldBe(2);
        serve.Errors.ShouldContain($"provenance: cannot listen on http://127.0.0.1:{port}: ");
        serve.Errors.ShouldNotContain("internal error");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A child process whose output lines are collected as they come.</summary>
    private sealed class Running : IDisposable
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

        public static Running Start(string directory, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Tool);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            return new Running(Process.Start(start)!);
        }

        public async Task<string> WaitForLine(string start, string? after = null)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                var lines = Lines.ToList();
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

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }
}
