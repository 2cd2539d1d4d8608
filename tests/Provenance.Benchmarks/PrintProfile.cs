using System.Diagnostics;
using System.Globalization;
using Provenance.Articles;
using Provenance.Corpus;

namespace Provenance.Benchmarks;

/// <summary>
/// What finding copies costs on its own, over a folder of articles: making every article's print
/// (<see cref="TextPrint.Of(Articles.Article, Func{Articles.Block, bool}?)"/>) and searching them (<see cref="CopyFinder.FindClusters"/>), the
/// best of several passes of process CPU time (the search's on every core, its wall time beside
/// it), with a checksum of the prints and of the pairs found, so a faster version can be shown to
/// make the very same prints and pairs.
/// </summary>
internal static class PrintProfile
{
    public static int Run(string[] args)
    {
        var folder = args.Length > 1 ? args[1] : throw new ArgumentException("usage: print-profile DIR [PASSES]");
        var passes = args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out var p) ? p : 7;
        var (_, articles) = ProfileCorpus.Read(folder);
        var (bestPrints, bestSearch, bestSearchWall) = (double.MaxValue, double.MaxValue, double.MaxValue);
        var (checksum, pairs, pairSum) = (0UL, 0, 0UL);
        for (var pass = 0; pass < passes; pass++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var prints = new List<TextPrint>(articles.Count);
            foreach (var article in articles)
            {
                if (TextPrint.Of(article) is { } print)
                {
                    prints.Add(print);
                }
            }

            bestPrints = Math.Min(bestPrints, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
            checksum = Checksum(prints);

            cpu = Environment.CpuUsage.TotalTime;
            var wall = Stopwatch.GetTimestamp();
            var finder = new CopyFinder();
            prints.ForEach(finder.Add);
            var found = finder.FindPairs();
            bestSearch = Math.Min(bestSearch, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
            bestSearchWall = Math.Min(bestSearchWall, Stopwatch.GetElapsedTime(wall).TotalMilliseconds);
            (pairs, pairSum) = (found.Count, Checksum(found));
        }

        var n = articles.Count;
        Console.WriteLine($"{n} articles, best of {passes} passes, µs of process CPU per article: prints {bestPrints * 1000 / n:0.0}, search {bestSearch * 1000 / n:0.0} ({bestSearchWall * 1000 / n:0.0} wall); {pairs} pairs, checksum {pairSum:x16}; prints' checksum {checksum:x16}");
        return 0;
    }

    // Every shingle, sample and word line of every print, in order: equal only for equal prints.
    private static ulong Checksum(List<TextPrint> prints)
    {
        var sum = 0UL;
        foreach (var print in prints)
        {
            sum = TextPrint.Mix(sum ^ (ulong)print.Words);
            foreach (var shingle in print.Shingles)
            {
                sum = TextPrint.Mix(sum ^ shingle);
            }

            foreach (var sample in print.Samples)
            {
                sum = TextPrint.Mix(sum ^ sample);
            }

            for (var s = 0; s < print.Shingles.Length; s++)
            {
                sum = TextPrint.Mix(sum ^ (ulong)((print.StartLine(s) * 31) + print.EndLine(s)));
            }
        }

        return sum;
    }

    // Every pair's articles, shares, shared count and lines, in order.
    private static ulong Checksum(IReadOnlyList<CopyPair> pairs)
    {
        var sum = 0UL;
        foreach (var pair in pairs)
        {
            var text = FormattableString.Invariant($"{pair.First}|{pair.Second}|{pair.FirstShare:R}|{pair.SecondShare:R}|{pair.Shared}|{pair.FirstLines}|{pair.SecondLines}");
            foreach (var c in text)
            {
                sum = TextPrint.Mix(sum ^ c);
            }
        }

        return sum;
    }
}
