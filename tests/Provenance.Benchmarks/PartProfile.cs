using System.Diagnostics;
using System.Globalization;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Attribution;
using Provenance.Rules;
using Provenance.Rules.Kinds;

namespace Provenance.Benchmarks;

/// <summary>
/// What the quote analysis and the outlet rules cost on their own, over a folder of articles:
/// the best of several passes (a shared machine's noise only ever adds), with what each part
/// allocates. The outlet rules run after every other text rule has found each block's screens, so
/// the figure is theirs alone; their shared work (mentions, publisher, contexts) is counted once.
/// </summary>
internal static class PartProfile
{
    public static int Run(string[] args)
    {
        var folder = args.Length > 1 ? args[1] : throw new ArgumentException("usage: part-profile DIR [PASSES]");
        var passes = args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out var p) ? p : 7;
        // --allocations samples what the quote analysis allocates; --outlet-allocations the outlet rules.
        var sampleOutlets = args.Contains("--outlet-allocations");
        using var sampler = args.Contains("--allocations") || sampleOutlets ? new AllocationSampler() : null;

        // The process's CPU time rather than the wall clock's where other work shares the machine:
        // the loop is single-threaded, and waiting for a core is then not counted.
        var cpu = args.Contains("--cpu");
        var (_, articles) = ProfileCorpus.Read(folder);
        var rules = DefaultRules.LoadRuleSet();
        foreach (var article in articles)
        {
            rules.Analyze(article);
        }

        var outletRules = rules.Rules.Where(r => r is OutletRule).ToList();
        var quoteRules = rules.Rules.Where(r => r is QuoteRule).ToList();
        var others = rules.Rules.Where(r => r is not OutletRule and not QuoteRule).ToList();
        var signals = new Dictionary<string, int>(StringComparer.Ordinal);
        var matches = new List<RawMatch>();
        var (bestQuote, bestOutlet, bestRules) = (double.MaxValue, double.MaxValue, double.MaxValue);
        var (quoteBytes, outletBytes, rulesBytes) = (0L, 0L, 0L);
        for (var pass = 0; pass < passes; pass++)
        {
            var laid = articles.Select(a => new ArticleLayout(a, rules.Screens)).ToList();
            foreach (var layout in laid)
            {
                RunRules(others, layout);
            }

            if (sampleOutlets)
            {
                sampler?.Start();
            }

            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var watch = Start();
            foreach (var layout in laid)
            {
                RunRules(outletRules, layout);
            }

            sampler?.Stop();

            bestOutlet = Math.Min(bestOutlet, watch.Milliseconds);
            outletBytes = GC.GetAllocatedBytesForCurrentThread() - bytes;

            bytes = GC.GetAllocatedBytesForCurrentThread();
            watch = Start();
            foreach (var layout in laid)
            {
                RunRules(quoteRules, layout);
            }

            bestRules = Math.Min(bestRules, watch.Milliseconds);
            rulesBytes = GC.GetAllocatedBytesForCurrentThread() - bytes;

            // The analysis alone, over the blocks the quote rules read.
            if (!sampleOutlets)
            {
                sampler?.Start();
            }

            bytes = GC.GetAllocatedBytesForCurrentThread();
            watch = Start();
            foreach (var layout in laid)
            {
                var blocks = new List<int>();
                for (var i = 0; i < layout.BlockScopes.Length; i++)
                {
                    if ((layout.BlockScopes[i] & (RuleScope.Body | RuleScope.Footer)) != 0)
                    {
                        blocks.Add(i);
                    }
                }

                QuoteAnalysis.Analyze(layout.Article, blocks, AttributionLexicon.Default);
            }

            bestQuote = Math.Min(bestQuote, watch.Milliseconds);
            quoteBytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
            sampler?.Stop();
        }

        var n = articles.Count;
        Console.WriteLine($"{n} articles, best of {passes} passes, µs of {(cpu ? "process CPU" : "wall-clock")} time (KB allocated) per article: quote analysis {bestQuote * 1000 / n:0.0} ({quoteBytes / 1024.0 / n:0.0}), quote rules with analysis {bestRules * 1000 / n:0.0} ({rulesBytes / 1024.0 / n:0.0}), outlet rules {bestOutlet * 1000 / n:0.0} ({outletBytes / 1024.0 / n:0.0})");
        if (sampler is not null)
        {
            Console.WriteLine($"KB per article allocated by {(sampleOutlets ? "the outlet rules" : "the quote analysis")}, by type (sampled about every 100 KB):");
            foreach (var (type, bytes) in sampler.Top(25))
            {
                Console.WriteLine($"{bytes / 1024.0 / n / passes,9:0.0}  {type}");
            }
        }

        return 0;

        Timer Start() => new(cpu);

        void RunRules(List<Rule> list, ArticleLayout layout)
        {
            foreach (var rule in list)
            {
                matches.Clear();
                rule.Run(new RuleContext(layout, rule, rules.Registry, matches, signals, CancellationToken.None));
            }
        }
    }

    /// <summary>Wall-clock or process CPU time since it was made.</summary>
    private readonly struct Timer(bool cpu)
    {
        private readonly long _wallStart = Stopwatch.GetTimestamp();
        private readonly TimeSpan _cpuStart = cpu ? Environment.CpuUsage.TotalTime : default;

        public double Milliseconds => cpu
            ? (Environment.CpuUsage.TotalTime - _cpuStart).TotalMilliseconds
            : Stopwatch.GetElapsedTime(_wallStart).TotalMilliseconds;
    }
}
