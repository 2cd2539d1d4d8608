using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary><c>provenance watch</c> and <c>provenance serve</c> as real processes: they start, do their work while running, and stop when told.</summary>
public sealed class LongRunningCommandTests
{
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
}
