using System.Diagnostics;
using System.Globalization;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Rules;

namespace Provenance.Benchmarks;

/// <summary>
/// Where an analysis spends its time, rule by rule, over a folder of articles: the figures that
/// say which rule to make faster. Single-threaded, after one warm-up pass so JIT and lazily built
/// matchers are not counted. <c>--screens</c> also lists the strings that screen each expression,
/// <c>--allocations</c> what a check allocates by type.
/// </summary>
internal static class RuleProfile
{
    public static int Run(string[] args)
    {
        var folder = args.Length > 1 ? args[1] : throw new ArgumentException("usage: rule-profile DIR [MAX] [--screens]");
        var max = args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out var m) ? m : 5000;
        var (files, articles) = ProfileCorpus.Read(folder, max);
        var rules = DefaultRules.LoadRuleSet();
        var checker = new ProvenanceChecker(rules, DefaultRules.LoadScoringModel());
        foreach (var article in articles)
        {
            checker.Check(article);
        }

        // Reading is timed over at least 2,000 articles, repeating a small folder's.
        var readPasses = Math.Max(1, 2000 / Math.Max(1, files.Count));
        var readAllocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var read = Stopwatch.StartNew();
        for (var pass = 0; pass < readPasses; pass++)
        {
            foreach (var f in files)
            {
                ProfileCorpus.ReadFile(f);
            }
        }

        read.Stop();
        var readAllocated = GC.GetAllocatedBytesForCurrentThread() - readAllocatedBefore;
        using var sampler = args.Contains("--allocations") ? new AllocationSampler() : null;
        sampler?.Start();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var whole = Stopwatch.StartNew();
        foreach (var article in articles)
        {
            checker.Check(article);
        }

        whole.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        sampler?.Stop();
        var analyses = new List<AnalysisResult>(articles.Count);
        var analyze = Stopwatch.StartNew();
        foreach (var article in articles)
        {
            analyses.Add(rules.Analyze(article));
        }

        analyze.Stop();
        var scoring = Stopwatch.StartNew();
        for (var i = 0; i < articles.Count; i++)
        {
            checker.Score(articles[i], analyses[i]);
        }

        scoring.Stop();
        var suppressions = Stopwatch.StartNew();
        foreach (var article in articles)
        {
            Suppressions.Find(article);
        }

        suppressions.Stop();
        if (args.Contains("--screens"))
        {
            foreach (var rule in rules.Rules)
            {
                foreach (var regex in rule.Expressions)
                {
                    var screen = Provenance.Text.RegexScreen.For(regex);
                    Console.WriteLine($"{rule.Id}: {(screen is null ? "-" : string.Join("  &  ", screen.Sets.Select(set => string.Join(" | ", set.Literals))))}");
                }
            }
        }

        // The outlet searches on their own: every block of every article, once each.
        var blocks = articles.SelectMany(a => a.Blocks).Select(b => b.Text).ToList();
        var matcher = rules.Registry.Matcher;
        var searches = new (string Name, Func<string, int> Search)[]
        {
            ("names", t => matcher.Strong(t).Count),
            ("weak names", t => matcher.Weak(t).Count),
            ("domains", t => matcher.Domains(t).Count),
            ("screens", t => rules.Screens is { Count: > 0 } screens && screens.Find(t)[0] ? 1 : 0),
        };
        var searchTimes = new List<string>();
        foreach (var (name, search) in searches)
        {
            var best = double.MaxValue;
            for (var rep = 0; rep < 7; rep++)
            {
                var watch = Stopwatch.StartNew();
                foreach (var text in blocks)
                {
                    search(text);
                }

                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            searchTimes.Add($"{name} {best * 1000.0 / articles.Count:0.0}");
        }

        var perRule = new Dictionary<string, TimeSpan>();
        var signals = new Dictionary<string, int>(StringComparer.Ordinal);
        var matches = new List<RawMatch>();
        var layouts = Stopwatch.StartNew();
        var laid = articles.Select(a => new ArticleLayout(a, rules.Screens)).ToList();
        layouts.Stop();
        foreach (var rule in rules.Rules)
        {
            perRule[$"{rule.Id} {rule.Kind}"] = RunOver(rule);
        }

        // Again, with every block's screens and outlet mentions found: what each rule costs of its own.
        var own = rules.Rules.ToDictionary(r => $"{r.Id} {r.Kind}", RunOver);

        TimeSpan RunOver(Rule rule)
        {
            var watch = Stopwatch.StartNew();
            foreach (var layout in laid)
            {
                matches.Clear();
                rule.Run(new RuleContext(layout, rule, rules.Registry, matches, signals, CancellationToken.None));
            }

            return watch.Elapsed;
        }

        // Microseconds per article.
        var perArticle = 1000.0 / articles.Count;
        Console.WriteLine($"{articles.Count} articles; µs per article: read {read.Elapsed.TotalMilliseconds * perArticle / readPasses:0.0}, check {whole.Elapsed.TotalMilliseconds * perArticle:0.0}" +
            $" (analyze {analyze.Elapsed.TotalMilliseconds * perArticle:0.0}, score and facts {scoring.Elapsed.TotalMilliseconds * perArticle:0.0}), layout {layouts.Elapsed.TotalMilliseconds * perArticle:0.0}, suppressions {suppressions.Elapsed.TotalMilliseconds * perArticle:0.0}; reading allocates {readAllocated / 1024.0 / articles.Count / readPasses:0.0} KB (the file's text included), check {allocated / 1024.0 / articles.Count:0.0} KB per article");
        Console.WriteLine($"µs per article searching every block for: {string.Join(", ", searchTimes)}");
        if (sampler is not null)
        {
            Console.WriteLine("KB per article allocated by check, by type (sampled about every 100 KB):");
            foreach (var (type, bytes) in sampler.Top(20))
            {
                Console.WriteLine($"{bytes / 1024.0 / articles.Count,9:0.0}  {type}");
            }
        }

        Console.WriteLine("  µs first   µs own  rule (first: in id order, the first rule to ask about a block finds its screens and outlet mentions for all; own: run again with those found)");
        foreach (var (name, time) in perRule.OrderByDescending(p => own[p.Key]))
        {
            Console.WriteLine($"{time.TotalMilliseconds * perArticle,9:0.0} {own[name].TotalMilliseconds * perArticle,8:0.0}  {name}");
        }

        Console.WriteLine($"{perRule.Values.Sum(t => t.TotalMilliseconds) * perArticle,9:0.0} {own.Values.Sum(t => t.TotalMilliseconds) * perArticle,8:0.0}  all rules, one after another");
        return 0;
    }
}
