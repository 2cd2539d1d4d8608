using System.CommandLine;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Provenance.Hosting;
using Provenance.Reporting;

namespace Provenance.Cli;

/// <summary>
/// <c>provenance watch &lt;folder&gt;</c>: checks every article once, then re-checks each file that
/// changes and refreshes its scorecards, the run index and any report files in the report folder,
/// until stopped. It checks through the same engine as <c>check</c>: the same configuration
/// cascade (or <c>--config</c>), rules and scoring, so its first pass reports what <c>check</c> does.
/// </summary>
internal static class WatchCommand
{
    /// <summary>Where watch keeps its reports unless told otherwise.</summary>
    public const string DefaultReportFolder = "provenance-reports";

    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The content folder to watch." };
        var reportDir = new Option<string>("--report-dir") { Description = "Where scorecards (HTML and Markdown) and index.html are kept up to date.", DefaultValueFactory = _ => DefaultReportFolder };
        var rules = new Option<string?>("--rules") { Description = "A folder of rule packs to use instead of the built-in packs." };
        var scoring = new Option<string?>("--scoring") { Description = "A scoring model (JSON) to use instead of the built-in rules/scoring.json." };
        var config = new Option<string?>("--config", "-c") { Description = "Use this configuration file only, instead of the provenance.json files found beside and above each article." };
        var format = new Option<string[]>("--format", "-f") { Description = $"Also keep a report file up to date, FORMAT=FILE, repeatable. Formats: {string.Join(", ", Reporters.Names)}." };
        var command = new Command("watch", "Check a folder, then re-check each article that changes and refresh its reports, until stopped (Ctrl+C).") { folder, reportDir, rules, scoring, config, format };
        command.SetAction((r, token) =>
        {
            var options = new EngineOptions { BaseDirectory = Directory.GetCurrentDirectory(), RulesDirectory = r.GetValue(rules), ScoringFile = r.GetValue(scoring), ConfigFile = r.GetValue(config) };
            return RunAsync(r.GetValue(folder)!, r.GetValue(reportDir)!, options, r.GetValue(format) ?? [], Console.Out, Console.Error, token);
        });
        return command;
    }

    internal static async Task<int> RunAsync(string folder, string reportDir, EngineOptions options, IReadOnlyList<string> formats, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var baseDirectory = options.BaseDirectory ?? Directory.GetCurrentDirectory();
        var root = Path.GetFullPath(folder, baseDirectory);
        if (!Directory.Exists(root))
        {
            error.WriteLine($"provenance: {folder}: no such folder");
            return ExitCodes.UsageError;
        }

        List<(string Format, string Path)> reports;
        try
        {
            reports = [.. CheckCommand.ParseFormats(formats).Select(f => f.Path is { } path
                ? (f.Format, Path.GetFullPath(path, baseDirectory))
                : throw new ProvenanceSetupException($"--format {f.Format}: watch writes reports to files only; give it one (--format {f.Format}=results.{f.Format})"))];
        }
        catch (ProvenanceSetupException ex)
        {
            error.WriteLine($"provenance: {ex.Message}");
            return ExitCodes.UsageError;
        }

        var settings = new WatchSettings(root, Path.GetFullPath(reportDir, baseDirectory), baseDirectory, options, reports, output, error);
        // The host does not dispose a service it was handed, so the watcher (and its file watch) is disposed here.
        using var watch = new WatchService(settings);
        try
        {
            // The first pass runs before the host starts, so that a bad configuration or rule
            // folder stops the command with its errors instead of a running watcher.
            watch.Start();
        }
        catch (Exception ex) when (EngineErrors.Report(ex, error))
        {
            return ExitCodes.UsageError;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostedService>(watch);
        using var host = builder.Build();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}

/// <summary>What the watcher watches, checks with and writes.</summary>
internal sealed record WatchSettings(string Folder, string ReportFolder, string BaseDirectory, EngineOptions Options, IReadOnlyList<(string Format, string Path)> Reports, TextWriter Output, TextWriter Error);

/// <summary>
/// The hosted service behind <c>provenance watch</c>. File events go through a channel and are
/// settled for a moment, since editors save in several writes; each settled file is re-checked
/// and its reports rewritten atomically. A changed configuration file re-checks everything under
/// the new configuration. Files inside the report folder are never watched.
/// </summary>
internal sealed class WatchService(WatchSettings settings) : BackgroundService
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);

    private readonly SortedDictionary<string, RunItem> _items = new(StringComparer.Ordinal);
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private ProvenanceEngine? _engine;
    private EngineRun? _run;
    private FileSystemWatcher? _watcher;

    /// <summary>
    /// Starts seeing changes, then checks every article of the folder and writes every report, as
    /// <c>check</c> would: a file saved during the first pass is checked again after it.
    /// </summary>
    /// <exception cref="ProvenanceSetupException">The configuration or an option is wrong.</exception>
    /// <exception cref="Json.JsonLoadException">A rule pack, scoring model or configuration file does not load.</exception>
    public void Start()
    {
        _watcher = new FileSystemWatcher(settings.Folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        _watcher.Changed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        _watcher.Created += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        _watcher.Deleted += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            _changes.Writer.TryWrite(e.OldFullPath);
            _changes.Writer.TryWrite(e.FullPath);
        };
        _watcher.Error += (_, e) => settings.Error.WriteLine($"provenance: watching stopped seeing changes: {e.GetException().Message}; restart to resume");
        _watcher.EnableRaisingEvents = true;
        CheckEverything();
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }

    private void CheckEverything()
    {
        var engine = new ProvenanceEngine(settings.Options);
        var files = ContentFiles.Expand([settings.Folder], settings.BaseDirectory).Where(f => !InReports(f.FullPath)).Select(f => f.FullPath).ToList();
        var run = engine.Prepare(files);
        (_engine, _run) = (engine, run);
        foreach (var warning in run.Warnings)
        {
            settings.Error.WriteLine($"provenance: warning: {warning}");
        }

        ReportFolder.WriteRuleHelp(settings.ReportFolder, run.Context);

        var gone = new HashSet<string>(_items.Keys, StringComparer.Ordinal);
        _items.Clear();
        foreach (var item in run.Check(keepText: true))
        {
            gone.Remove(item.Path);
            Keep(item);
        }

        foreach (var display in gone)
        {
            ReportFolder.DeleteArticle(settings.ReportFolder, display);
        }

        WriteRunReports();
        settings.Output.WriteLine($"watching {ContentFiles.Display(settings.Folder, settings.BaseDirectory)}: {_items.Count} articles checked; reports in {ContentFiles.Display(settings.ReportFolder, settings.BaseDirectory)}");
        settings.Output.Flush();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = new HashSet<string>(StringComparer.Ordinal);
        while (await _changes.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            await Task.Delay(Settle, stoppingToken).ConfigureAwait(false);
            var reconfigured = false;
            while (_changes.Reader.TryRead(out var path))
            {
                if (InReports(path))
                {
                    continue;
                }

                reconfigured |= Path.GetFileName(path) == Configuration.ProvenanceConfig.FileName;
                if (ContentFiles.Extensions.ContainsKey(Path.GetExtension(path)))
                {
                    pending.Add(path);
                }
            }

            if (reconfigured)
            {
                Reconfigure();
            }
            else
            {
                foreach (var path in pending.Order(StringComparer.Ordinal))
                {
                    Recheck(path);
                }

                if (pending.Count > 0)
                {
                    WriteRunReports();
                    settings.Output.Flush();
                }
            }

            pending.Clear();
        }
    }

    // A configuration file changed: everything is checked again under what the files now say;
    // configuration with errors keeps the last good results and says why.
    private void Reconfigure()
    {
        settings.Output.WriteLine("configuration changed: checking every article again");
        try
        {
            CheckEverything();
        }
        catch (Exception ex) when (EngineErrors.Report(ex, settings.Error))
        {
            settings.Output.WriteLine("configuration not applied; fix it and save again");
        }

        settings.Output.Flush();
    }

    private void Recheck(string fullPath)
    {
        var display = ContentFiles.Display(fullPath, settings.BaseDirectory);
        RunItem? item;
        try
        {
            item = File.Exists(fullPath) ? _engine!.CheckFile(fullPath) : null;
        }
        catch (Exception ex) when (EngineErrors.Report(ex, settings.Error))
        {
            settings.Output.WriteLine($"{display}: not checked: its configuration has errors (above)");
            return;
        }

        if (item is null)
        {
            if (_items.Remove(display))
            {
                ReportFolder.DeleteArticle(settings.ReportFolder, display);
                settings.Output.WriteLine($"{display}: removed");
            }

            return;
        }

        Keep(item);
    }

    private void Keep(RunItem item)
    {
        _items[item.Path] = item;
        if (item.Report is { } report)
        {
            ReportFolder.WriteArticle(settings.ReportFolder, item.Path, report, _run!.Context);
            settings.Output.WriteLine($"{item.Path}: score {report.Scorecard.Score} ({report.Scorecard.Grade}), {report.Analysis.Findings.Length} findings");
        }
        else
        {
            ReportFolder.DeleteArticle(settings.ReportFolder, item.Path);
            settings.Output.WriteLine($"{item.Path}: not checked: {item.Error}");
        }
    }

    // The index and every report file, each written whole and atomically from the articles held.
    private void WriteRunReports()
    {
        var run = new CheckRun([.. _items.Values], _run!.Info.Packs, _run.Info.ScoringVersion);
        ReportFolder.WriteIndex(settings.ReportFolder, run, _run.Context);
        foreach (var (format, path) in settings.Reports)
        {
            var writer = new StringWriter { NewLine = "\n" };
            Reporters.Create(format, _run.Context).Write(run, writer);
            AtomicFile.WriteAllText(path, writer.ToString());
        }
    }

    // The report folder and the report files are written by the watcher: checking them would be
    // checking its own output, and a report file in the watched folder would trigger itself.
    private bool InReports(string path) =>
        path.StartsWith(settings.ReportFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == settings.ReportFolder
        || settings.Reports.Any(r => r.Path == path);
}
