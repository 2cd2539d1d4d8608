namespace Provenance.Rules;

/// <summary>Bounds that keep a hostile or careless rule from stalling a run.</summary>
/// <param name="MatchTimeout">The longest one regular-expression match may take.</param>
/// <param name="MaxMatchesPerRule">The most matches one rule reports in one article; the rest are dropped.</param>
public sealed record RuleLimits(TimeSpan MatchTimeout, int MaxMatchesPerRule)
{
    /// <summary>200 ms per match, 500 matches per rule and article.</summary>
    public static RuleLimits Default { get; } = new(TimeSpan.FromMilliseconds(200), 500);
}
