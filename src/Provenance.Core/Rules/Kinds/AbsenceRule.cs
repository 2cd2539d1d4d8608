using System.Collections.Immutable;
using Provenance.Analysis;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Fires once for the whole article when none of the listed signals was emitted by the other rules:
/// "no attributed source at all" is the absence of every kind of attribution.
/// </summary>
public sealed class AbsenceRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["unlessSignals"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("absence", Keys, (common, reader, _) => Create(common, reader), _ => 1);

    private AbsenceRule(RuleCommon common, ImmutableArray<string> unlessSignals)
        : base(common)
    {
        UnlessSignals = unlessSignals;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    /// <summary>The signals any one of which keeps the rule quiet.</summary>
    public ImmutableArray<string> UnlessSignals { get; }

    internal override bool RunsAfterSignals => true;

    internal override IEnumerable<string> ReadsSignals => UnlessSignals;

    internal static AbsenceRule? Create(RuleCommon common, ObjectReader reader)
    {
        var signals = reader.Strings("unlessSignals", required: true, nonEmpty: true);
        return signals.IsEmpty ? null : new AbsenceRule(common, signals);
    }

    internal override void Run(RuleContext context)
    {
        foreach (var signal in UnlessSignals)
        {
            if (context.HasSignal(signal))
            {
                return;
            }
        }

        context.ReportArticle([string.Join(", ", UnlessSignals)]);
    }
}
