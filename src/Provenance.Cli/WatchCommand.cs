using System.CommandLine;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Provenance.Analysis;
using Provenance.Reporting;

namespace Provenance.Cli;

/// <summary>
/// <c>provenance watch &lt;folder&gt;</c>: checks every article once, then re-checks each file that
/// changes and refreshes its scorecards and the run index in the report folder, until stopped.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The content folder to watch." };
        var reportDir = new Option<string>("--report-dir") { Description = "Where scorecards (HTML and Markdown) and index.html are kept up to date.", DefaultValueFactory = _ => "provenance-reports" };
        var rules = new Option<string?>("--rules") { Description = "A folder of rule packs to use instead of the built-in packs." };
        var command = new Command("watch", "Check a folder, then re-check each article that changes and refresh its reports, until stopped (Ctrl+C).") { folder, reportDir, rules };
        command.SetAction((r, token) => RunAsync(r.GetValue(folder)!, r.GetValue(reportDir)!, r.GetValue(rules), Directory.GetCurrentDirectory(), Console.Out, Console.Error, token));
        return command;
    }

    internal static async Task<int> RunAsync(string folder, string reportDir, string? rulesFolder, string baseDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(folder, baseDirectory);
        if (!Directory.Exists(root))
        {
            error.WriteLine($"provenance: {folder}: no such folder");
            return ExitCodes.UsageError;
        }

        ProvenanceChecker checker;
        try
        {
            checker = new ProvenanceChecker(RuleLoading.LoadRules(rulesFolder, baseDirectory), RuleLoading.LoadScoring(null, baseDirectory));
        }
        catch (UsageException ex)
        {
            error.WriteLine($"provenance: {ex.Message}");
            return ExitCodes.UsageError;
        }
        catch (Json.JsonLoadException ex)
        {
            foreach (var problem in ex.Errors)
            {
                error.WriteLine(problem.ToString());
            }

            return ExitCodes.UsageError;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(new WatchSettings(root, Path.GetFullPath(reportDir, baseDirectory), baseDirectory, checker, output, error));
        builder.Services.AddHostedService<WatchService>();
        using var host = builder.Build();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}

/// <summary>What the watcher watches, where it writes and how it reports.</summary>
internal sealed record WatchSettings(string Folder, string ReportFolder, string BaseDirectory, ProvenanceChecker Checker, TextWriter Output, TextWriter Error);

/// <summary>
/// The hosted service behind <c>provenance watch</c>. File events go through a channel and are
/// settled for a moment, since editors save in several writes; each settled file is re-checked
/// and its reports rewritten atomically. Files inside the report folder are never watched.
/// </summary>
internal sealed class WatchService(WatchSettings settings) : BackgroundService
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);

    private readonly SortedDictionary<string, RunItem> _items = new(StringComparer.Ordinal);
    private readonly ReportContext _context = new(ToolInfo.Version, settings.Checker.Rules, settings.Checker.Scoring);
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watcher = new FileSystemWatcher(settings.Folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        watcher.Changed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Created += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Deleted += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            _changes.Writer.TryWrite(e.OldFullPath);
            _changes.Writer.TryWrite(e.FullPath);
        };
        watcher.Error += (_, e) => settings.Error.WriteLine($"provenance: watching stopped seeing changes: {e.GetException().Message}; restart to resume");
        watcher.EnableRaisingEvents = true;

        var files = ContentFiles.Expand([settings.Folder], settings.BaseDirectory).Where(f => !InReports(f.FullPath)).ToList();
        foreach (var (full, _) in files)
        {
            Recheck(full);
        }

        WriteIndex();
        settings.Output.WriteLine($"watching {ContentFiles.Display(settings.Folder, settings.BaseDirectory)}: {files.Count} articles checked; reports in {ContentFiles.Display(settings.ReportFolder, settings.BaseDirectory)}");
        settings.Output.Flush();

        var pending = new HashSet<string>(StringComparer.Ordinal);
        while (await _changes.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            await Task.Delay(Settle, stoppingToken).ConfigureAwait(false);
            while (_changes.Reader.TryRead(out var path))
            {
                if (!InReports(path) && ContentFiles.Extensions.ContainsKey(Path.GetExtension(path)))
                {
                    pending.Add(path);
                }
            }

            foreach (var path in pending.Order(StringComparer.Ordinal))
            {
                Recheck(path);
            }

            if (pending.Count > 0)
            {
                WriteIndex();
                settings.Output.Flush();
            }

            pending.Clear();
        }
    }

    private void Recheck(string fullPath)
    {
        var display = ContentFiles.Display(fullPath, settings.BaseDirectory);
        if (!File.Exists(fullPath))
        {
            if (_items.Remove(display))
            {
                ReportFolder.DeleteArticle(settings.ReportFolder, display);
                settings.Output.WriteLine($"{display}: removed");
            }

            return;
        }

        var item = CheckRunner.CheckFile(settings.Checker, fullPath, display, AnalysisOptions.Default);
        _items[display] = item;
        if (item.Report is { } report)
        {
            ReportFolder.WriteArticle(settings.ReportFolder, display, report, _context);
            settings.Output.WriteLine($"{display}: score {report.Scorecard.Score} ({report.Scorecard.Grade}), {report.Analysis.Findings.Length} findings");
        }
        else
        {
            ReportFolder.DeleteArticle(settings.ReportFolder, display);
            settings.Output.WriteLine($"{display}: not checked: {item.Error}");
        }
    }

    private void WriteIndex()
    {
        var run = new CheckRun([.. _items.Values], settings.Checker.Rules.Packs, settings.Checker.Scoring.Version);
        ReportFolder.WriteIndex(settings.ReportFolder, run, _context);
    }

    private bool InReports(string path) =>
        path.StartsWith(settings.ReportFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == settings.ReportFolder;
}
