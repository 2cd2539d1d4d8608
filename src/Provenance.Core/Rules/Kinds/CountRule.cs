using System.Collections.Immutable;
using System.Globalization;
using Provenance.Analysis;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Fires once for the whole article when the listed signals, added up, occur at least
/// <c>atLeast</c> times (and at most <c>atMost</c>), unless any of <c>unlessSignals</c> occurs:
/// "more than three anonymous sources", "only unnamed attributions". Argument {0} is the count.
/// </summary>
public sealed class CountRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["signals", "atLeast", "atMost", "unlessSignals"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("count", Keys, (common, reader, _) => Create(common, reader), _ => 1);

    private CountRule(RuleCommon common, ImmutableArray<string> signals, int atLeast, int atMost, ImmutableArray<string> unless)
        : base(common)
    {
        Signals = signals;
        AtLeast = atLeast;
        AtMost = atMost;
        UnlessSignals = unless;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    /// <summary>The signals whose occurrences are added up.</summary>
    public ImmutableArray<string> Signals { get; }

    /// <summary>The smallest total that fires.</summary>
    public int AtLeast { get; }

    /// <summary>The largest total that fires.</summary>
    public int AtMost { get; }

    /// <summary>Signals any one of which keeps the rule quiet.</summary>
    public ImmutableArray<string> UnlessSignals { get; }

    internal override bool RunsAfterSignals => true;

    internal override IEnumerable<string> ReadsSignals => [.. Signals, .. UnlessSignals];

    internal static CountRule? Create(RuleCommon common, ObjectReader reader)
    {
        var signals = reader.Strings("signals", required: true, nonEmpty: true);
        var atLeast = reader.Integer("atLeast", min: 0) ?? 1;
        var atMost = reader.Integer("atMost", min: 0) ?? int.MaxValue;
        var unless = reader.Strings("unlessSignals");
        if (atMost < atLeast)
        {
            reader.Error("atMost", $"atMost ({atMost}) is less than atLeast ({atLeast}); the rule could never fire");
        }

        return signals.IsEmpty ? null : new CountRule(common, signals, atLeast, atMost, unless);
    }

    internal override void Run(RuleContext context)
    {
        if (UnlessSignals.Any(context.HasSignal))
        {
            return;
        }

        var total = Signals.Sum(context.SignalCount);
        var (atLeast, atMost) = context.Options.CountThresholds(Id);
        if (total >= (atLeast ?? AtLeast) && total <= (atMost ?? AtMost))
        {
            context.ReportArticle([total.ToString(CultureInfo.InvariantCulture)]);
        }
    }
}
