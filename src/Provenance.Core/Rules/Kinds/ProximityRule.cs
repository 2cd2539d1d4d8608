using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Analysis;
using Provenance.Json;
using Provenance.Text;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Fires where a match of <c>first</c> and a match of <c>second</c> occur together: in one
/// sentence (default) or one block, optionally in order and within a distance. The finding spans
/// both. Arguments: {0} the first match, {1} the second.
/// </summary>
public sealed class ProximityRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["first", "second", "within", "order", "maxDistance", "caseSensitive", "maxPerBlock"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("proximity", Keys, Create, _ => 2);
    private static readonly IReadOnlyCollection<string> Units = ["sentence", "block"];
    private static readonly IReadOnlyCollection<string> Orders = ["any", "first-then-second"];

    private readonly ImmutableArray<Regex> _first;
    private readonly ImmutableArray<Regex> _second;

    private ProximityRule(RuleCommon common, ImmutableArray<Regex> first, ImmutableArray<Regex> second, bool sentence, bool ordered, int maxDistance, int maxPerBlock)
        : base(common)
    {
        _first = first;
        _second = second;
        WithinSentence = sentence;
        Ordered = ordered;
        MaxDistance = maxDistance;
        MaxPerBlock = maxPerBlock;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    /// <summary>Whether both matches must be in one sentence (otherwise one block).</summary>
    public bool WithinSentence { get; }

    /// <summary>Whether the first must come before the second.</summary>
    public bool Ordered { get; }

    /// <summary>The most characters between the end of one match and the start of the other.</summary>
    public int MaxDistance { get; }

    /// <summary>The most findings in one block.</summary>
    public int MaxPerBlock { get; }

    internal static ProximityRule? Create(RuleCommon common, ObjectReader reader, RuleLimits limits)
    {
        var options = RegexOptions.CultureInvariant | limits.RegexOptions | (reader.Bool("caseSensitive", false) ? RegexOptions.None : RegexOptions.IgnoreCase);
        var first = PatternList.Compile(reader, "first", options, limits, required: true);
        var second = PatternList.Compile(reader, "second", options, limits, required: true);
        var within = reader.OneOf("within", Units) ?? "sentence";
        var order = reader.OneOf("order", Orders) ?? "any";
        var maxDistance = reader.Integer("maxDistance", min: 0) ?? int.MaxValue;
        var maxPerBlock = reader.Integer("maxPerBlock", min: 1) ?? int.MaxValue;
        return first.IsEmpty || second.IsEmpty
            ? null
            : new ProximityRule(common, first, second, within == "sentence", order == "first-then-second", maxDistance, maxPerBlock);
    }

    internal override IEnumerable<Regex> Expressions => _first.Concat(_second);

    internal override void Run(RuleContext context)
    {
        // A block where no first or no second expression can match is not split into sentences at all.
        var firstScreens = context.ScreenIds(_first);
        var secondScreens = context.ScreenIds(_second);
        foreach (var block in context.ScopedBlocks())
        {
            var text = block.Text;
            if (!MayMatch(context, firstScreens, _first.Length) || !MayMatch(context, secondScreens, _second.Length))
            {
                continue;
            }

            var units = WithinSentence ? Sentences.Split(text) : [new TextSpan(0, text.Length)];
            var reported = 0;
            foreach (var unit in units)
            {
                var firsts = Matches(_first, text, unit);
                if (firsts.Count == 0)
                {
                    continue;
                }

                var seconds = Matches(_second, text, unit);
                foreach (var a in firsts)
                {
                    if (reported >= MaxPerBlock)
                    {
                        break;
                    }

                    if (Nearest(a, seconds) is { } b)
                    {
                        reported++;
                        var span = TextSpan.FromBounds(Math.Min(a.Index, b.Index), Math.Max(a.Index + a.Length, b.Index + b.Length));
                        context.Report(block.Map.ToSource(span), [a.Value.Trim(), b.Value.Trim()]);
                    }
                }
            }
        }
    }

    private static bool MayMatch(RuleContext context, int[]? screens, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (context.MayMatch(screens, i))
            {
                return true;
            }
        }

        return false;
    }

    private Match? Nearest(Match first, List<Match> seconds)
    {
        Match? best = null;
        var bestDistance = int.MaxValue;
        foreach (var second in seconds)
        {
            if (Ordered && second.Index < first.Index + first.Length)
            {
                continue;
            }

            var distance = second.Index >= first.Index + first.Length
                ? second.Index - (first.Index + first.Length)
                : Math.Max(0, first.Index - (second.Index + second.Length));
            if (distance <= MaxDistance && distance < bestDistance)
            {
                best = second;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static List<Match> Matches(ImmutableArray<Regex> patterns, string text, TextSpan unit)
    {
        var found = new List<Match>();
        foreach (var regex in patterns)
        {
            for (var match = regex.Match(text, unit.Start, unit.Length); match.Success; match = match.NextMatch())
            {
                if (match.Length > 0)
                {
                    found.Add(match);
                }
            }
        }

        return found;
    }
}
