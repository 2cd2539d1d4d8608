using System.CommandLine;
using System.Reflection;
using Provenance.Articles;
using Provenance.Json;
using Provenance.Reporting;

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
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (findings and scorecards) or json (for tools).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var rules = new Option<string?>("--rules")
        {
            Description = "A folder of rule packs (*.rules.json) to use instead of the built-in packs.",
        };
        var scoring = new Option<string?>("--scoring")
        {
            Description = "A scoring model (JSON) to use instead of the built-in rules/scoring.json.",
        };
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "How many articles to check at once (default: the number of cores).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };

        var command = new Command("check", "Check articles for provenance: findings, score and grade per article.")
        {
            paths, format, rules, scoring, jobs,
        };
        command.SetAction(result => Run(
            result.GetValue(paths) ?? ["."],
            result.GetValue(format) ?? "text",
            result.GetValue(rules),
            result.GetValue(scoring),
            Math.Max(1, result.GetValue(jobs)),
            Directory.GetCurrentDirectory(),
            Console.Out,
            Console.Error));
        return command;
    }

    internal static int Run(string[] paths, string format, string? rulesDirectory, string? scoringFile, int jobs, string baseDirectory, TextWriter output, TextWriter error)
    {
        ProvenanceChecker checker;
        IReadOnlyList<(string FullPath, string DisplayPath)> files;
        try
        {
            checker = new ProvenanceChecker(RuleLoading.LoadRules(rulesDirectory, baseDirectory), RuleLoading.LoadScoring(scoringFile, baseDirectory));
            files = ContentFiles.Expand(paths, baseDirectory);
        }
        catch (JsonLoadException ex)
        {
            foreach (var problem in ex.Errors)
            {
                error.WriteLine(problem.ToString());
            }

            error.WriteLine($"provenance: {ex.Errors.Count} error(s) in the rules; nothing was checked.");
            return ExitCodes.UsageError;
        }
        catch (UsageException ex)
        {
            error.WriteLine($"provenance: {ex.Message}");
            return ExitCodes.UsageError;
        }

        var items = new RunItem[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i =>
        {
            items[i] = CheckFile(checker, files[i].FullPath, files[i].DisplayPath);
        });

        var run = new CheckRun([.. items], checker.Rules.Packs, checker.Scoring.Version);
        var grades = checker.Scoring.Grades.Select(g => g.Grade).ToList();
        IReporter reporter = format == "json"
            ? new JsonReporter(grades, ToolVersion())
            : new TextReporter(grades);
        reporter.Write(run, output);
        return ExitCodes.Success;
    }

    private static RunItem CheckFile(ProvenanceChecker checker, string fullPath, string displayPath)
    {
        string? text;
        string? problem;
        try
        {
            text = TextDecoder.Decode(File.ReadAllBytes(fullPath), out problem, ContentFiles.FormatOf(fullPath) == ArticleFormat.Html);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new RunItem(displayPath, null, $"the file could not be read: {ex.Message}");
        }

        return text is null
            ? new RunItem(displayPath, null, problem)
            : new RunItem(displayPath, checker.Check(Article.Read(text, ContentFiles.FormatOf(fullPath), displayPath)), null);
    }

    internal static string ToolVersion() =>
        typeof(CheckCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
