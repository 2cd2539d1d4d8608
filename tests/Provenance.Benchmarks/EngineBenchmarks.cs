using BenchmarkDotNet.Attributes;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Reporting;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Benchmarks;

/// <summary>The five shared samples as plain text, read once; what every engine benchmark runs on.</summary>
internal static class SampleArticles
{
    public static List<Article> Read() =>
        [.. Directory.GetFiles(Path.Combine(Paths.Root, "samples"), "*.txt").Order(StringComparer.Ordinal).Select(f => Article.FromText(File.ReadAllText(f), Path.GetFileName(f)))];
}

/// <summary>
/// Rule matching by kind: every default rule of one kind over the five samples (the outlet
/// registry and every expression built and warmed beforehand). Per sample set, not per article.
/// </summary>
[MemoryDiagnoser]
public class RuleKindBenchmarks
{
    private readonly Dictionary<string, int> _signals = new(StringComparer.Ordinal);
    private readonly List<RawMatch> _matches = [];
    private List<ArticleLayout> _layouts = [];
    private List<Rule> _rules = [];
    private RuleSet _set = null!;

    [Params("pattern", "lexicon", "outlet", "proximity", "structure", "metadata", "link", "count", "absence", "echo")]
    public string Kind { get; set; } = "pattern";

    [GlobalSetup]
    public void Setup()
    {
        _set = DefaultRules.LoadRuleSet();
        _rules = [.. _set.Rules.Where(r => r.Kind == Kind)];
        _layouts = [.. SampleArticles.Read().Select(a => new ArticleLayout(a))];
        Run();
    }

    [Benchmark]
    public int Run()
    {
        var found = 0;
        foreach (var rule in _rules)
        {
            foreach (var layout in _layouts)
            {
                _matches.Clear();
                rule.Run(new RuleContext(layout, rule, _set.Registry, _matches, _signals, CancellationToken.None));
                found += _matches.Count;
            }
        }

        return found;
    }
}

/// <summary>Scoring and the provenance facts of the five samples' analyses, and the whole analysis for comparison.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private ProvenanceChecker _checker = null!;
    private List<Article> _articles = [];
    private List<AnalysisResult> _analyses = [];

    [GlobalSetup]
    public void Setup()
    {
        _checker = ProvenanceChecker.CreateDefault();
        _articles = SampleArticles.Read();
        _analyses = [.. _articles.Select(a => _checker.Rules.Analyze(a))];
    }

    [Benchmark]
    public int Score() => _analyses.Sum(a => ScoreCalculator.Score(_checker.Scoring, a.Signals).Score);

    [Benchmark]
    public int Facts() => _articles.Select((a, i) => ProvenanceFacts.From(a, _analyses[i])).Sum(f => f.AnonymousAttributions);

    [Benchmark]
    public int Analyze() => _articles.Sum(a => _checker.Rules.Analyze(a).Findings.Length);
}

/// <summary>Each reporter writing a run of 1,000 articles (the five samples, repeated) to a null writer.</summary>
[MemoryDiagnoser]
public class ReporterBenchmarks
{
    private CheckRun _run = null!;
    private IReporter _reporter = null!;

    [Params("text", "json", "sarif", "junit", "github", "gitlab", "msbuild")]
    public string Format { get; set; } = "json";

    [GlobalSetup]
    public void Setup()
    {
        var checker = ProvenanceChecker.CreateDefault();
        var reports = SampleArticles.Read().Select(a => checker.Check(a)).ToList();
        var items = Enumerable.Range(0, 1000).Select(i => new RunItem($"articles/{i:D4}-{reports[i % reports.Count].Article.Path}", reports[i % reports.Count], null));
        _run = new CheckRun([.. items], checker.Rules.Packs, checker.Scoring.Version);
        _reporter = Reporters.Create(Format, new ReportContext("bench", checker.Rules, checker.Scoring, AsOf: new DateOnly(2026, 11, 21)));
    }

    [Benchmark]
    public void Write() => _reporter.Write(_run, TextWriter.Null);
}
