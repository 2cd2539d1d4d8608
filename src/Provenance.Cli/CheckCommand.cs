using System.CommandLine;
using System.Globalization;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Configuration;
using Provenance.Json;
using Provenance.Reading;
using Provenance.Reporting;
using Provenance.Rules;

namespace Provenance.Cli;

/// <summary><c>provenance check</c>: reads articles, runs the rules, prints findings and scorecards.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Article files or folders to check (folders are searched for .txt, .md, .markdown, .html and .htm files).",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["."],
        };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = $"Output format, repeatable; FORMAT or FORMAT=FILE to write to a file. Formats: {string.Join(", ", Reporters.Names)}.",
            DefaultValueFactory = _ => ["text"],
            AllowMultipleArgumentsPerToken = false,
        };
        var reportDir = new Option<string?>("--report-dir") { Description = "Write a Markdown and an HTML scorecard per article, and an HTML run index, to this folder." };
        var rules = new Option<string?>("--rules") { Description = "A folder of rule packs (*.rules.json) to use instead of the built-in packs." };
        var scoring = new Option<string?>("--scoring") { Description = "A scoring model (JSON) to use instead of the built-in rules/scoring.json." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "How many articles to check at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var failOn = new Option<string?>("--fail-on") { Description = "The least severe finding that fails an article (exit code 1): error, warning, info or none (default: error, or as provenance.json says)." };
        failOn.AcceptOnlyFromAmong("error", "warning", "info", "none");
        var failBelow = new Option<int?>("--fail-below") { Description = "Fail an article whose score is under this (0-100)." };
        var asOf = new Option<string?>("--as-of") { Description = "The date ages are counted from in scorecards (yyyy-MM-dd; default: today)." };
        var docsUrl = new Option<string?>("--docs-url") { Description = "Where the rule help pages are published, for absolute help links in SARIF." };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the console output." };
        var config = new Option<string?>("--config", "-c") { Description = "Use this configuration file only, instead of the provenance.json files found beside and above each article." };
        var maxWarnings = new Option<int?>("--max-warnings") { Description = "Fail the run (exit code 1) when it reports more warnings than this." };
        var baseline = new Option<string?>("--baseline") { Description = $"Report only findings this baseline file does not hold (see 'provenance baseline'; usually {Baseline.FileName})." };
        var changedSince = new Option<string?>("--changed-since") { Description = "Check only files changed since the merge base with this git ref (for pull requests)." };
        var cache = new Option<bool>("--cache") { Description = $"Skip articles unchanged since the last run with the same rules and configuration (kept in {AnalysisCache.DefaultFile})." };
        var cacheLocation = new Option<string?>("--cache-location") { Description = $"The cache file (default: {AnalysisCache.DefaultFile} in the current folder)." };
        var shard = new Option<string?>("--shard") { Description = "Check only part K of N of the files (a stable split by path), for CI matrices; join the results with 'provenance merge'." };
        var types = new Option<string[]>("--type") { Description = "Read files with this extension as FORMAT (text, markdown or html), repeatable: --type .mdx=markdown." };
        var stdinFormat = new Option<string>("--stdin-format") { Description = "The format of an article read from standard input (path -): text, markdown or html.", DefaultValueFactory = _ => "text" };
        stdinFormat.AcceptOnlyFromAmong("text", "markdown", "html");
        var maxFileSize = new Option<int>("--max-file-size") { Description = "The largest file read, in MB (default: 10); a larger one is reported (PRV0001) and not checked.", DefaultValueFactory = _ => (int)(CheckOptions.DefaultMaxFileBytes / (1024 * 1024)) };
        maxFileSize.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--max-file-size must be at least 1 (MB)");
            }
        });

        var command = new Command("check", "Check articles for provenance: findings, score and grade per article.")
        {
            paths, format, reportDir, rules, scoring, jobs, failOn, failBelow, asOf, docsUrl, noColor, config, maxWarnings, baseline, changedSince, stdinFormat, cache, cacheLocation, types, shard, maxFileSize,
        };
        command.SetAction(result => Run(
            new CheckOptions(
                result.GetValue(paths) ?? ["."],
                result.GetValue(format) ?? ["text"],
                result.GetValue(reportDir),
                result.GetValue(rules),
                result.GetValue(scoring),
                Math.Max(1, result.GetValue(jobs)),
                result.GetValue(failOn),
                result.GetValue(failBelow),
                result.GetValue(asOf),
                result.GetValue(docsUrl),
                !result.GetValue(noColor) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null && Environment.GetEnvironmentVariable("CI") is null,
                result.GetValue(config),
                result.GetValue(maxWarnings),
                result.GetValue(baseline),
                result.GetValue(changedSince),
                result.GetValue(stdinFormat) switch { "markdown" => ArticleFormat.Markdown, "html" => ArticleFormat.Html, _ => ArticleFormat.Text },
                null,
                result.GetValue(cache) || result.GetValue(cacheLocation) is not null ? result.GetValue(cacheLocation) ?? AnalysisCache.DefaultFile : null,
                !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null,
                result.GetValue(types) ?? [],
                result.GetValue(shard),
                result.GetValue(maxFileSize) * 1024L * 1024),
            Directory.GetCurrentDirectory(),
            Console.Out,
            Console.Error));
        return command;
    }

    internal static int Run(string[] paths, string format, string? rulesDirectory, string? scoringFile, int jobs, string baseDirectory, TextWriter output, TextWriter error) =>
        Run(new CheckOptions(paths, [format], null, rulesDirectory, scoringFile, jobs, null, null, null, null, false), baseDirectory, output, error);

    internal static int Run(CheckOptions options, string baseDirectory, TextWriter output, TextWriter error)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (Collect(options, baseDirectory, error) is not { } collected)
        {
            return ExitCodes.UsageError;
        }

        var (run, context, maxWarnings) = collected;
        try
        {
            if (options.BaselineFile is not null)
            {
                run = BaselineCommand.Read(options.BaselineFile, baseDirectory).Filter(run);
            }
        }
        catch (UsageException ex)
        {
            error.WriteLine($"provenance: {ex.Message}");
            return ExitCodes.UsageError;
        }

        List<(string Format, string? Path)> outputs;
        try
        {
            outputs = ParseFormats(options.Formats);
        }
        catch (UsageException ex)
        {
            error.WriteLine($"provenance: {ex.Message}");
            return ExitCodes.UsageError;
        }

        foreach (var (name, path) in outputs)
        {
            var reporter = Reporters.Create(name, context);
            if (path is null)
            {
                reporter.Write(run, output);
            }
            else
            {
                AtomicFile.WriteText(Path.GetFullPath(path, baseDirectory), writer => reporter.Write(run, writer));
            }
        }

        if (options.ReportDirectory is not null)
        {
            ReportFolder.Write(Path.GetFullPath(options.ReportDirectory, baseDirectory), run, context);
        }

        var failed = run.Items.Any(context.Fails);
        var warnings = run.Reports.Sum(r => r.Analysis.Findings.Count(f => f.Severity == Severity.Warning));
        if (maxWarnings is { } most && warnings > most)
        {
            error.WriteLine($"provenance: {warnings} warnings, more than the {most} allowed (--max-warnings)");
            failed = true;
        }

        // Timing goes to the error stream: the reports themselves stay the same bytes on every run.
        var failing = run.Items.Count(context.Fails);
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"provenance: {run.Items.Length} {(run.Items.Length == 1 ? "file" : "files")} checked in {clock.Elapsed.TotalSeconds:0.0} s; {failing} failing"));
        return failed ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>Finds, configures, reads and checks the articles; null (with the error written) on bad usage or rules.</summary>
    /// <remarks>
    /// Unless <paramref name="keepArticles"/> (fixes and per-article scorecards read the text), each
    /// article's text and blocks are let go once it is checked: reports need only its findings,
    /// scorecard, facts and metadata, and holding every article until the run is reported was most
    /// of a large run's memory and of the garbage collector's work.
    /// </remarks>
    internal static (CheckRun Run, ReportContext Context, int? MaxWarnings)? Collect(CheckOptions options, string baseDirectory, TextWriter error, bool keepArticles = false)
    {
        ProvenanceChecker checker;
        List<(string FullPath, string DisplayPath, AnalysisOptions Analysis, ArticlePolicy Policy)> files;
        IReadOnlyDictionary<string, ArticleFormat> extensions;
        ReportContext context;
        int? maxWarnings;
        try
        {
            ParseFormats(options.Formats);
            var resolver = new ConfigResolver(options.ConfigFile, baseDirectory);
            extensions = ContentFiles.WithOverrides(options.Types);
            var expanded = ContentFiles.Expand(options.Paths, baseDirectory, extensions);
            var paths = options.ChangedSince is null ? expanded : GitChanges.Filter(expanded, options.ChangedSince, baseDirectory);
            if (options.Shard is not null)
            {
                var shard = Sharding.Parse(options.Shard);
                paths = [.. paths.Where(p => Sharding.Includes(p.DisplayPath, shard))];
            }

            var found = paths
                .Select(f => (f.FullPath, f.DisplayPath, Config: f.FullPath == ContentFiles.StandardInput ? resolver.For(Path.Combine(baseDirectory, "stdin")) : resolver.For(f.FullPath)))
                .Where(f => !f.Config.Ignored)
                .ToList();

            var extraRules = resolver.Loaded.SelectMany(c => c.RuleDirectories.Select(d => Path.GetFullPath(d, c.Directory))).Distinct(StringComparer.Ordinal).ToList();
            // With a cache from an earlier run most articles will not be analysed: compiling the
            // expressions would cost more than it saves.
            var toAnalyse = options.CacheFile is not null && File.Exists(Path.GetFullPath(options.CacheFile, baseDirectory)) ? 0 : found.Count;
            checker = new ProvenanceChecker(RuleLoading.LoadRules(options.RulesDirectory, baseDirectory, extraRules, toAnalyse), RuleLoading.LoadScoring(options.ScoringFile, baseDirectory));
            var unknown = resolver.Loaded.SelectMany(c => ConfigLoader.CheckRuleIds(c.Source, resolver.TextOf(c), checker.Rules)).ToList();
            if (unknown.Count > 0)
            {
                throw new JsonLoadException(unknown);
            }

            var cliFailOn = options.FailOn is null ? (Severity?)null : options.FailOn == "none" ? (Severity)int.MaxValue : SeverityNames.TryParse(options.FailOn, out var level) ? level : Severity.Error;
            var analysisOptions = new Dictionary<ConfigSettings, AnalysisOptions>();
            files = [.. found.Select(f =>
            {
                var settings = f.Config.Settings;
                if (!analysisOptions.TryGetValue(settings, out var analysis))
                {
                    analysis = analysisOptions[settings] = settings.ToAnalysisOptions();
                }

                return (f.FullPath, f.DisplayPath, analysis, new ArticlePolicy(cliFailOn ?? settings.FailOn ?? Severity.Error, options.FailBelow ?? settings.FailBelow));
            })];
            maxWarnings = options.MaxWarnings ?? resolver.ForRun().MaxWarnings;
            context = new ReportContext(
                ToolInfo.Version,
                checker.Rules,
                checker.Scoring,
                cliFailOn ?? Severity.Error,
                options.FailBelow,
                ParseDate(options.AsOf),
                options.UseColor,
                ParseUri(options.DocsUrl));
        }
        catch (JsonLoadException ex)
        {
            foreach (var problem in ex.Errors)
            {
                error.WriteLine(problem.ToString());
            }

            error.WriteLine($"provenance: {ex.Errors.Count} error(s) in the rules or configuration; nothing was checked.");
            return null;
        }
        catch (UsageException ex)
        {
            error.WriteLine($"provenance: {ex.Message}");
            return null;
        }

        (string, ArticleFormat)? stdin = options.Paths.Contains(ContentFiles.StandardInput) ? (options.StandardInput?.ReadToEnd() ?? Console.In.ReadToEnd(), options.StandinFormat) : null;
        var cache = options.CacheFile is null ? null : AnalysisCache.Open(Path.GetFullPath(options.CacheFile, baseDirectory), checker.Rules, context.ToolVersion);
        var items = new RunItem[files.Count];
        using var progress = Progress.Start(files.Count, options.ShowProgress, error);
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs }, i =>
        {
            var item = CheckFile(checker, files[i].FullPath, files[i].DisplayPath, files[i].Analysis, stdin, cache, extensions, options.MaxFileBytes) with { Policy = files[i].Policy };
            items[i] = keepArticles || options.ReportDirectory is not null ? item : WithoutText(item);
            progress?.Advance();
        });
        cache?.Save();

        return (new CheckRun([.. items], checker.Rules.Packs, checker.Scoring.Version), context, maxWarnings);
    }

    private static RunItem WithoutText(RunItem item)
    {
        if (item.Report is not { Article: var article } report)
        {
            return item;
        }

        var bare = new Article(article.Path, article.Format, new Text.SourceText(string.Empty), [], article.Metadata);
        return item with { Report = report with { Article = bare } };
    }

    internal static List<(string Format, string? Path)> ParseFormats(string[] formats)
    {
        var parsed = new List<(string, string?)>();
        foreach (var format in formats.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var equals = format.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? format : format[..equals]).ToLowerInvariant();
            var path = equals < 0 ? null : format[(equals + 1)..];
            if (!Reporters.Names.Contains(name))
            {
                throw new UsageException($"unknown format '{name}'; expected one of {string.Join(", ", Reporters.Names)}");
            }

            if (path is { Length: 0 })
            {
                throw new UsageException($"--format {name}= needs a file name after '='");
            }

            parsed.Add((name, path));
        }

        if (parsed.Count(p => p.Item2 is null) > 1)
        {
            throw new UsageException("only one --format can write to the console; give the others a file (--format sarif=results.sarif)");
        }

        return parsed;
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (text is null)
        {
            return DateOnly.FromDateTime(DateTime.UtcNow);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--as-of {text}: expected a date as yyyy-MM-dd");
    }

    private static Uri? ParseUri(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var withSlash = text.EndsWith('/') ? text : text + "/";
        return Uri.TryCreate(withSlash, UriKind.Absolute, out var uri) ? uri : throw new UsageException($"--docs-url {text}: expected an absolute URL");
    }

    internal static RunItem CheckFile(ProvenanceChecker checker, string fullPath, string displayPath, AnalysisOptions analysis, (string Text, ArticleFormat Format)? stdin = null, AnalysisCache? cache = null, IReadOnlyDictionary<string, ArticleFormat>? extensions = null, long maxBytes = CheckOptions.DefaultMaxFileBytes)
    {
        var format = ContentFiles.FormatOf(fullPath, extensions);
        if (fullPath == ContentFiles.StandardInput && stdin is { } input)
        {
            return new RunItem(displayPath, checker.Check(Article.Read(input.Text, input.Format, displayPath), analysis), null);
        }

        string? text;
        string? problem;
        byte[] bytes;
        try
        {
            if (ContentFiles.ReadAtMost(fullPath, maxBytes, out var length) is not { } read)
            {
                return new RunItem(displayPath, null, ContentFiles.TooLarge(length, maxBytes));
            }

            bytes = read;
            text = TextDecoder.Decode(bytes, out problem, format == ArticleFormat.Html);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new RunItem(displayPath, null, "the file was gone when it was to be read (deleted or moved during the run, or a broken link)");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new RunItem(displayPath, null, $"the file could not be read: {ex.Message}");
        }

        if (text is null)
        {
            return new RunItem(displayPath, null, problem);
        }

        if (cache is null)
        {
            return new RunItem(displayPath, checker.Check(Article.Read(text, format, displayPath), analysis), null);
        }

        var hash = AnalysisCache.Hash(bytes);
        var options = analysis.Fingerprint();
        if (cache.Find(displayPath, hash, options) is { } stored)
        {
            // An unchanged article is not read again: reports need its text and the metadata the cache kept.
            var known = new Article(displayPath, format, new Text.SourceText(text), [], stored.Metadata);
            return new RunItem(displayPath, checker.Score(known, checker.Rules.Restore(known, stored.Findings)), null);
        }

        var article = Article.Read(text, format, displayPath);
        var report = checker.Check(article, analysis);
        cache.Store(displayPath, hash, options, article, report.Analysis);
        return new RunItem(displayPath, report, null);
    }
}
