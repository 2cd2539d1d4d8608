using System.Diagnostics;
using System.Globalization;
using Provenance.Analysis;
using Provenance.Hosting;
using Provenance.Reporting;

namespace Provenance.Benchmarks;

/// <summary>
/// What holding a run's results costs a search for copies, over a folder of articles: packing
/// every checked article's findings (<see cref="HeldItems.Pack"/>) and making its report again
/// from them (scored, as the run's writers read it), the best of several passes of process CPU
/// time per article, the bytes held per article, and a checksum of every finding made again, so a
/// faster layout can be shown to give back the very same findings and scores.
/// </summary>
internal static class HeldProfile
{
    public static int Run(string[] args)
    {
        var folder = args.Length > 1 ? args[1] : throw new ArgumentException("usage: held-profile DIR [PASSES] [MAX]");
        var passes = args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out var p) ? p : 7;
        var max = args.Length > 3 && int.TryParse(args[3], CultureInfo.InvariantCulture, out var m) ? m : 5000;
        var (_, articles) = ProfileCorpus.Read(folder, max);
        var checker = ProvenanceChecker.CreateDefault();
        var items = articles.ConvertAll(a => new RunItem(a.Path, checker.Check(a), null));
        var names = new RuleNames(checker.Rules);
        var (bestPack, bestRestore, bytes, checksum) = (double.MaxValue, double.MaxValue, 0L, 0UL);
        var bestUnpack = double.MaxValue;
        for (var pass = 0; pass < passes; pass++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var held = items.ConvertAll(item => HeldItems.Pack(item, names));
            bestPack = Math.Min(bestPack, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
            bytes = held.Sum(h => (long)(h.Findings?.Length ?? 0));

            cpu = Environment.CpuUsage.TotalTime;
            var restored = new HeldItems(held, checker, names, 1, (item, _) => item);
            // Each report let go as it is made, as a run's writer does; the checksum after, untimed.
            for (var i = 0; i < restored.Count; i++)
            {
                _ = restored[i];
            }

            bestRestore = Math.Min(bestRestore, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
            checksum = Enumerable.Range(0, restored.Count).Aggregate(0UL, (sum, i) => Checksum(sum, restored[i]));

            cpu = Environment.CpuUsage.TotalTime;
            foreach (var h in held)
            {
                _ = h.Findings is { } packed ? HeldFindings.Unpack(packed, names) : default;
            }

            bestUnpack = Math.Min(bestUnpack, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
        }

        var original = items.Aggregate(0UL, Checksum);
        var n = items.Count;
        Console.WriteLine($"{n} articles, best of {passes} passes, µs of process CPU per article: pack {bestPack * 1000 / n:0.0}, restore {bestRestore * 1000 / n:0.0} (of it, unpacking {bestUnpack * 1000 / n:0.0}); {bytes / (double)n:0} bytes of findings held per article; checksum {checksum:x16} ({(checksum == original ? "the same as checked" : $"NOT the checked {original:x16}")})");
        return 0;
    }

    // Every field of every finding, and the score, in order: equal only for equal reports.
    private static ulong Checksum(ulong sum, RunItem item)
    {
        var report = item.Report!;
        sum = Mix(sum, report.Scorecard.Score.ToString(CultureInfo.InvariantCulture));
        foreach (var f in report.Analysis.Findings)
        {
            sum = Mix(sum, Describe(f));
        }

        return sum;
    }

    private static string Describe(Finding f) =>
        string.Join('\u0001', f.RuleId, f.Category, f.Severity, f.Message, f.Span.Start, f.Span.Length, f.Location.Start.Line, f.Location.Start.Column,
            f.Location.End.Line, f.Location.End.Column, f.MatchedText, f.Excerpt, string.Join('\u0002', f.Arguments));

    private static ulong Mix(ulong sum, string text)
    {
        foreach (var c in text)
        {
            sum = (sum ^ c) * 0x100000001B3UL;
        }

        return sum;
    }
}
