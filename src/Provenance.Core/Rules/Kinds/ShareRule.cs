using System.Collections.Immutable;
using System.Globalization;
using Provenance.Analysis;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Fires once for the whole article when the listed signals make up at least <c>atLeast</c> (a
/// share from 0 to 1) of the signals in <c>of</c>, and those number at least <c>minimum</c>:
/// "most of the attributions are to unnamed people", which a count cannot say, because three
/// anonymous sources are a pattern among four attributions and an exception among forty.
/// Arguments: {0} the part, {1} the whole, {2} the part as a whole percentage.
/// </summary>
public sealed class ShareRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["signals", "of", "atLeast", "minimum", "unlessSignals"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("share", Keys, (common, reader, _) => Create(common, reader), _ => 3);

    private ShareRule(RuleCommon common, ImmutableArray<string> signals, ImmutableArray<string> of, double atLeast, int minimum, ImmutableArray<string> unless)
        : base(common)
    {
        Signals = signals;
        Of = of;
        AtLeast = atLeast;
        Minimum = minimum;
        UnlessSignals = unless;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    /// <summary>The signals that make up the part.</summary>
    public ImmutableArray<string> Signals { get; }

    /// <summary>The signals that make up the whole; every one of <see cref="Signals"/> is among them.</summary>
    public ImmutableArray<string> Of { get; }

    /// <summary>The smallest share, from 0 to 1, that fires.</summary>
    public double AtLeast { get; }

    /// <summary>The smallest whole for which a share means anything.</summary>
    public int Minimum { get; }

    /// <summary>Signals any one of which keeps the rule quiet.</summary>
    public ImmutableArray<string> UnlessSignals { get; }

    internal override bool RunsAfterSignals => true;

    internal override IEnumerable<string> ReadsSignals => [.. Of, .. UnlessSignals];

    internal static ShareRule? Create(RuleCommon common, ObjectReader reader)
    {
        // A name given twice is counted once: repeating it must not weigh it double.
        var signals = reader.Strings("signals", required: true, nonEmpty: true).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var of = reader.Strings("of", required: true, nonEmpty: true).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var atLeast = reader.Number("atLeast", required: true, min: 0, max: 1);
        var minimum = reader.Integer("minimum", min: 1) ?? 1;
        var unless = reader.Strings("unlessSignals");
        foreach (var signal in signals.Where(s => !of.Contains(s)))
        {
            // A part outside its whole could exceed it: "150% of the attributions" says the pack is wrong, not the article.
            reader.Error("signals", $"'{signal}' is not in 'of'; the part must be counted in the whole");
        }

        return signals.IsEmpty || of.IsEmpty || atLeast is null || signals.Any(s => !of.Contains(s))
            ? null
            : new ShareRule(common, signals, of, atLeast.Value, minimum, unless);
    }

    internal override void Run(RuleContext context)
    {
        if (UnlessSignals.Any(context.HasSignal))
        {
            return;
        }

        var whole = Of.Sum(context.SignalCount);
        var part = Signals.Sum(context.SignalCount);
        // Compared in decimal: in binary 0.28 × 25 is a little over 7, and 7 of 25 would not fire.
        if (whole >= Minimum && part > 0 && (decimal)part >= (decimal)AtLeast * whole)
        {
            context.ReportArticle(
            [
                part.ToString(CultureInfo.InvariantCulture),
                whole.ToString(CultureInfo.InvariantCulture),
                Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture),
            ]);
        }
    }
}
