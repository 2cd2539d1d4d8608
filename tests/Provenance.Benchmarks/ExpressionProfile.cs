using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Provenance.Articles;
using Provenance.Rules;
using Provenance.Text;

namespace Provenance.Benchmarks;

/// <summary>
/// What each expression of the rule set costs over a folder of articles: every expression run
/// over every block its screen lets through, as the rules would at most (a rule may ask about
/// fewer blocks: its scope, a placed rule's lines; an exception is matched only against a match's text and is not counted). Says which expression to make cheaper; a
/// leading look-behind, for one, leaves the engine no first character to search for.
/// </summary>
internal static class ExpressionProfile
{
    public static int Run(string[] args)
    {
        var folder = args.Length > 1 ? args[1] : throw new ArgumentException("usage: expression-profile DIR [TOP]");
        var top = args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out var t) ? t : 30;
        var (_, articles) = ProfileCorpus.Read(folder);
        var rules = DefaultRules.LoadRuleSet();
        var blocks = articles.SelectMany(a => a.Blocks).Select(b => b.Text).ToList();
        var screens = rules.Screens;
        var passing = screens is null ? null : blocks.Select(b => screens.Passing(b, screens.Find(b), mayHaveCaseOddities: true)).ToList();

        // Each expression once, with the rules that use it.
        var owners = new Dictionary<Regex, List<string>>(ReferenceEqualityComparer.Instance);
        foreach (var rule in rules.Rules)
        {
            foreach (var regex in rule.Expressions.Concat(rule.UnscreenedExpressions))
            {
                if (!owners.TryGetValue(regex, out var list))
                {
                    owners[regex] = list = [];
                }

                if (!list.Contains(rule.Id))
                {
                    list.Add(rule.Id);
                }
            }
        }

        if (screens is not null)
        {
            // Every string a screen searches for is looked for in every block: their number and
            // the short ones (a three-letter string stands for one entry per fourth character) set
            // the cost of the screens' one pass.
            var literals = screens.Literals;
            Console.WriteLine($"screens: {literals.Count} strings, by length " + string.Join(", ", literals.GroupBy(l => Math.Min(l.Text.Length, 5)).OrderBy(g => g.Key).Select(g => $"{(g.Key == 5 ? "5+" : g.Key)}: {g.Count()}")));
            Console.WriteLine("  of three characters or fewer: " + string.Join(" ", literals.Where(l => l.Text.Length <= 3).Select(l => (l.IgnoreCase ? "i:" : string.Empty) + l.Text)));
        }

        var rows = new List<(double Us, int Passed, int Matches, string Rules, string Pattern)>();
        foreach (var (regex, ruleIds) in owners)
        {
            var id = screens?.IdsOf([regex])[0] ?? -1;
            var passed = Enumerable.Range(0, blocks.Count).Where(b => passing is null || id < 0 || (passing[b][id >> 6] & (1UL << id)) != 0).ToList();
            var best = double.MaxValue;
            var matches = 0;
            for (var rep = 0; rep < 5; rep++)
            {
                matches = 0;
                var watch = Stopwatch.StartNew();
                foreach (var b in passed)
                {
                    for (var m = regex.Match(blocks[b]); m.Success; m = m.NextMatch())
                    {
                        matches++;
                    }
                }

                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            rows.Add((best * 1000.0 / articles.Count, passed.Count, matches, string.Join(",", ruleIds), regex.ToString()));
        }

        Console.WriteLine($"{articles.Count} articles, {blocks.Count} blocks, {owners.Count} expressions: {rows.Sum(r => r.Us):0.0} µs per article in all, each expression over the blocks its screen passes (best of 5)");
        Console.WriteLine("   µs/art   blocks  matches  rules  expression");
        foreach (var row in rows.OrderByDescending(r => r.Us).Take(top))
        {
            var pattern = row.Pattern.Length > 110 ? row.Pattern[..110] + "…" : row.Pattern;
            Console.WriteLine($"{row.Us,9:0.00} {row.Passed,8} {row.Matches,8}  {row.Rules}  {pattern}");
        }

        return 0;
    }
}
