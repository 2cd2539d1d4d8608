using System.Collections.Immutable;
using AngleSharp.Html.Parser;

namespace Provenance.Quality;

/// <summary>Where the benchmark's data lives: the repository and the shared data beside it.</summary>
/// <param name="Repository">The repository root (holds Provenance.sln).</param>
/// <param name="SharedData">The shared data folder (../shared/data from the repository).</param>
public sealed record QualityPaths(string Repository, string SharedData)
{
    /// <summary>The development articles.</summary>
    public string DevArticles => Path.Combine(SharedData, "buzzfeed-webis-dev", "articles.jsonl");

    /// <summary>The saved real pages.</summary>
    public string Pages => Path.Combine(Repository, "tests", "data", "third_party", "html-testpages", "pages");

    /// <summary>The benchmark's own files: fixtures and floors.</summary>
    public string Own => Path.Combine(Repository, "tests", "Provenance.Quality");

    /// <summary>The hand-labelled speakers.</summary>
    public string Speakers => Path.Combine(Own, "data", "speakers.json");

    /// <summary>The hand-checked page dates and authors.</summary>
    public string PageTruth => Path.Combine(Own, "data", "html-pages.json");

    /// <summary>The floors CI holds the figures to.</summary>
    public string Floors => Path.Combine(Own, "floors.json");

    /// <summary>Finds the repository above <paramref name="start"/> and the shared data beside it.</summary>
    public static QualityPaths Find(string start, string? sharedData = null)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Provenance.sln")))
            {
                return new QualityPaths(dir.FullName, sharedData ?? Path.Combine(dir.FullName, "..", "shared", "data"));
            }
        }

        throw new InvalidOperationException($"Provenance.sln not found above {start}");
    }
}

/// <summary>Runs the whole benchmark: the development articles and the test pages, through the default rules.</summary>
public static class QualityBenchmark
{
    /// <summary>Checks every article and page and measures them.</summary>
    /// <param name="paths">Where the data is.</param>
    /// <param name="checker">The checker to measure; the default rules when null.</param>
    /// <param name="scoresFile">Where to write each dev article's score and contributions (JSON lines), or null.</param>
    public static QualityReport Run(QualityPaths paths, ProvenanceChecker? checker = null, string? scoresFile = null)
    {
        if (!File.Exists(paths.DevArticles))
        {
            throw new FileNotFoundException($"the development articles are expected at {paths.DevArticles} (the shared data beside the repository)", paths.DevArticles);
        }

        checker ??= ProvenanceChecker.CreateDefault();
        var judge = new OutletJudge(checker.Rules);
        var articles = DevCorpus.Read(paths.DevArticles)
            .AsParallel().AsOrdered()
            .Select(a => new ArticleEvaluation.Checked(a, checker.Check(ArticleEvaluation.Read(a))))
            .ToList();
        if (scoresFile is not null)
        {
            File.WriteAllLines(scoresFile, articles.Select(a => System.Text.Json.JsonSerializer.Serialize(new
            {
                id = a.Article.Id,
                host = a.Article.Host,
                score = a.Report.Scorecard.Score,
                lines = a.Report.Scorecard.Contributions.Select(c => new { c.Signal, c.Points, c.Category, kind = c.Kind.ToString() }),
            })));
        }

        var labels = Speakers.Read(paths.Speakers);
        var parser = new HtmlParser();
        var pages = Directory.GetDirectories(paths.Pages).Order(StringComparer.Ordinal)
            .Select(folder => PageEvaluation.Check(folder, checker, parser))
            .ToList();
        var truth = File.Exists(paths.PageTruth) ? PageEvaluation.ReadTruth(paths.PageTruth) : null;

        var (articleFigures, articleMisses) = ArticleEvaluation.Evaluate(articles, labels, judge);
        var (pageFigures, pageMisses) = PageEvaluation.Evaluate(pages, truth, judge);

        var counts = new SortedDictionary<string, (int Articles, int Pages)>(StringComparer.Ordinal);
        foreach (var finding in articles.SelectMany(a => a.Report.Analysis.Findings))
        {
            var (a, p) = counts.GetValueOrDefault(finding.RuleId);
            counts[finding.RuleId] = (a + 1, p);
        }

        foreach (var finding in pages.SelectMany(p => p.Report.Analysis.Findings))
        {
            var (a, p) = counts.GetValueOrDefault(finding.RuleId);
            counts[finding.RuleId] = (a, p + 1);
        }

        var misses = articleMisses.Concat(pageMisses).ToImmutableDictionary(m => m.Key, m => m.Value.ToImmutableArray());
        return new QualityReport([.. articleFigures, .. pageFigures], counts.ToImmutableSortedDictionary(StringComparer.Ordinal), misses);
    }
}
