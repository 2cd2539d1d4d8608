using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Provenance.Corpus;
using Provenance.Reporting;

namespace Provenance.Hosting;

/// <summary>
/// A run <see cref="ProvenanceEngine.Prepare"/> made ready: its files found and configured, its
/// rules loaded. Check it once, with <see cref="Check"/> or <see cref="CheckAsync"/>.
/// </summary>
public sealed class EngineRun
{
    private readonly PreparedRun _run;
    private readonly EngineOptions _options;

    internal EngineRun(PreparedRun run, EngineOptions options)
    {
        _run = run;
        _options = options;
    }

    /// <summary>The rule packs and scoring model of the run, as reporters open with them.</summary>
    public RunInfo Info => _run.Info;

    /// <summary>What reports of this run are written with.</summary>
    public ReportContext Context => _run.Context;

    /// <summary>How many files the run checks.</summary>
    public int FileCount => _run.Files.Count;

    /// <summary>The most warnings the run may report before it fails, if the options or configuration set one.</summary>
    public int? MaxWarnings => _run.MaxWarnings;

    /// <summary>
    /// The thresholds two of the run's articles (or one and an archived article) must pass to
    /// count as copies: the host's (<see cref="EngineOptions.Copies"/>), else the configuration's
    /// <c>copies</c> for the run's folder, else the defaults.
    /// </summary>
    public CopyOptions CopyOptions => _run.CopyOptions;

    /// <summary>Whether the run keeps a cache.</summary>
    public bool UsesCache => _run.Cache is not null;

    /// <summary>
    /// What is wrong with the rules and scoring model without stopping the run, a sentence each:
    /// a rule whose signal nothing scores or reads, which is most often a misspelt signal name.
    /// </summary>
    public IReadOnlyList<string> Warnings => LoadWarnings.For(_run.Checker);

    /// <summary>How many articles came from the cache so far.</summary>
    public int CacheHits => _run.Cache?.Hits ?? 0;

    /// <summary>
    /// Checks the files, several at once, yielding each result in file order as soon as it and
    /// those before it are done; the cache, if any, is saved when the last is yielded.
    /// </summary>
    /// <param name="keepText">Keep each article's text and blocks (scorecards and fixes read them); otherwise they are let go once checked.</param>
    /// <param name="checkedOne">Called as each article is done, from the thread that checked it (for progress).</param>
    public IEnumerable<RunItem> Check(bool keepText = false, Action? checkedOne = null) => CheckRunner.CheckAll(_run, _options, keepText, checkedOne);

    /// <summary>As <see cref="Check"/>, with <paramref name="then"/> applied to each result on the thread that checked it (a host's own work on each, such as making its part of a report).</summary>
    internal IEnumerable<T> Check<T>(bool keepText, Action? checkedOne, Func<RunItem, T> then)
        where T : class => CheckRunner.CheckAll(_run, _options, keepText, then, checkedOne);

    /// <summary>
    /// Checks the files and applies the fixes their findings offer, file by file as each is
    /// checked, yielding what was done to each file that had something to fix.
    /// </summary>
    /// <param name="write">Write the fixed files; false for a dry run, whose <see cref="FileFix.Diff"/> shows the change.</param>
    public IEnumerable<FileFix> Fix(bool write = true)
    {
        foreach (var item in Check(keepText: true))
        {
            if (FileFixes.Apply(item, Context, _options.Base, write) is { } fix)
            {
                yield return fix;
            }
        }
    }

    /// <summary>As <see cref="Fix"/>, the checking on other threads.</summary>
    public async IAsyncEnumerable<FileFix> FixAsync(bool write = true, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in CheckAsync(keepText: true, cancellationToken).ConfigureAwait(false))
        {
            if (FileFixes.Apply(item, Context, _options.Base, write) is { } fix)
            {
                yield return fix;
            }
        }
    }

    /// <summary>As <see cref="Check"/>, the checking on other threads; stopping the enumeration or cancelling stops the workers.</summary>
    public async IAsyncEnumerable<RunItem> CheckAsync(bool keepText = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The ordered, bounded parallel run is synchronous; a thread of its own hands its results
        // over a small channel, so an awaiting caller never blocks a thread-pool thread.
        var channel = Channel.CreateBounded<RunItem>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var item in Check(keepText))
                    {
                        if (!channel.Writer.WaitToWriteAsync(stop.Token).AsTask().GetAwaiter().GetResult() || !channel.Writer.TryWrite(item))
                        {
                            break;
                        }
                    }

                    channel.Writer.Complete();
                }
                catch (Exception ex)
                {
                    channel.Writer.Complete(ex);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads every file and finds the articles that share text (syndicated copies, rewrites that
    /// keep sentences), comparing each article's own text (see <see cref="CopyCollector"/>). Each
    /// article's print is taken as it is read and its text let go, most of them their samples
    /// alone: those a candidate pair names are read again from their files to measure them.
    /// Articles too short for a shingle, and unreadable files, take no part; nor does a file read
    /// again and found changed or gone since its check (its text is no longer the one checked).
    /// </summary>
    /// <param name="options">The thresholds; the run's (<see cref="CopyOptions"/>) when none.</param>
    public CopySearch FindCopies(CopyOptions? options = null)
    {
        var copies = new CopyCollector(options ?? CopyOptions, _options.Jobs, CheckRunner.ReadAgain(_run, _options), FileCount);
        // Only the prints are kept: the reports are not scored.
        foreach (var printed in CheckRunner.CheckAll(_run, _options, keepText: true, item => copies.PrintedOf(item, keepText: false, packWith: null), scored: false))
        {
            copies.Add(printed);
        }

        return copies.Search();
    }

    /// <summary>
    /// Checks every file, finds the articles that share text (as <see cref="FindCopies"/> does) and
    /// gives each article of a group its copy finding and signal (<see cref="CopyVerdicts"/>: an
    /// uncredited copy is a warning naming its likely original, a credited one is credited
    /// syndication), scored again. The run is held, each article without its text unless
    /// <paramref name="keepText"/>, until the search is done: the items come after it, in file order.
    /// </summary>
    /// <param name="keepText">Keep each article's text and blocks (scorecards read them).</param>
    /// <param name="checkedOne">Called as each article is done, from the thread that checked it (for progress).</param>
    /// <param name="each">Called with each article as it is checked, its text kept, on the calling thread: other work on the same pass (archive look-ups).</param>
    public CopyCheck CheckCopies(bool keepText = false, Action? checkedOne = null, Action<RunItem>? each = null)
    {
        // Without their texts, the results are held packed until the search is done (packed
        // where they are checked, as their prints are made), and their prints slim but for
        // likely copies: the others the search measures are made whole from their files again.
        // With their texts, the articles are at hand anyway.
        var copies = new CopyCollector(CopyOptions, _options.Jobs, keepText ? null : CheckRunner.ReadAgain(_run, _options), FileCount);
        var kept = keepText ? new List<RunItem>(FileCount) : null;
        var held = keepText ? null : new List<HeldItems.Held>(FileCount);
        var names = keepText ? null : new RuleNames(_run.Checker.Rules);
        // Held reports are scored when they are made again; one handed to each is scored here.
        foreach (var printed in CheckRunner.CheckAll(_run, _options, keepText: true, item => copies.PrintedOf(item, keepText || each is not null, names), checkedOne, scored: keepText || each is not null))
        {
            copies.Add(printed);
            each?.Invoke(printed.Item);
            if (kept is not null)
            {
                kept.Add(printed.Item);
            }
            else
            {
                held!.Add(printed.Packed!);
            }
        }

        var search = copies.Search();
        var verdicts = copies.Verdicts(search);
        var count = kept?.Count ?? held!.Count;
        RunItem Amend(RunItem item, int i)
        {
            // Items come one per file, in file order: the file's configuration says how severe its finding is.
            var options = count == _run.Files.Count ? _run.Files[i].Settings.Analysis : Analysis.AnalysisOptions.Default;
            return copies.Amend(item, verdicts.GetValueOrDefault(item.Path), _run.Checker, options);
        }

        if (kept is not null)
        {
            for (var i = 0; i < kept.Count; i++)
            {
                kept[i] = Amend(kept[i], i);
            }

            return new CopyCheck(kept, search);
        }

        return new CopyCheck(new HeldItems(held!, _run.Checker, names!, _options.Jobs, Amend), search);
    }

    /// <summary>
    /// Checks every file and stores each article's print in <paramref name="archive"/> (as
    /// <c>provenance index add</c> does), in one transaction; articles too short for a shingle
    /// and unreadable files are not stored.
    /// </summary>
    public ArchiveAddition IndexInto(CopyArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        // Prints are made where the articles are checked; the archive writes them on this thread.
        return archive.Add(CheckRunner.CheckAll(_run, _options, keepText: true, item =>
            {
                if (item.Report is not { } report || CopyCollector.PrintOf(report) is not var (print, facts))
                {
                    return new StrongBox<(TextPrint, CopyFacts, string?)?>(null);
                }

                // The archive stores each print's count of distinct shingles and its key, both
                // from its sorted set: sorted here, on the checking threads, not on the writer's.
                _ = print.Distinct;
                return new StrongBox<(TextPrint, CopyFacts, string?)?>((print, facts, report.Article.Metadata.Title?.Value));
            })
            .Select(box => box.Value).OfType<(TextPrint, CopyFacts, string?)>());
    }

    /// <summary>
    /// Checks every file and looks each article up in <paramref name="archive"/>: which archived
    /// articles share its text (as <c>provenance copies --against</c> does).
    /// </summary>
    /// <param name="archive">The archive, open.</param>
    /// <param name="options">The thresholds; the run's (<see cref="CopyOptions"/>) when none.</param>
    public ArchiveSearch SearchArchive(CopyArchive archive, CopyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var lookups = new ArchiveLookups(archive, options ?? CopyOptions);
        foreach (var item in Check(keepText: true))
        {
            lookups.Add(item);
        }

        return lookups.Search();
    }

    /// <summary>Checks every file and holds the whole run: for work that needs every article at once (baselines, fixes).</summary>
    public CheckRun Collect(bool keepText = false) => new([.. Check(keepText)], Info.Packs, Info.ScoringVersion);
}

/// <summary>A run checked with its copies found (<see cref="EngineRun.CheckCopies"/>).</summary>
/// <param name="Items">Every file's result in file order, the articles of a group with their copy finding and signal. Without their texts, each report is made again from its packed findings as it is read (read them once, in order: the list is enumerated on the run's threads).</param>
/// <param name="Search">The groups found.</param>
public sealed record CopyCheck(IReadOnlyList<RunItem> Items, CopySearch Search);
