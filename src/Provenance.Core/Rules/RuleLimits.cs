namespace Provenance.Rules;

/// <summary>Bounds that keep a hostile or careless rule from stalling a run.</summary>
/// <param name="MatchTimeout">The longest one regular-expression match may take.</param>
/// <param name="MaxMatchesPerRule">The most matches one rule reports in one article; the rest are dropped.</param>
/// <param name="CompileExpressions">Whether rule expressions compile to IL: slower to load, several times faster per article.</param>
public sealed record RuleLimits(TimeSpan MatchTimeout, int MaxMatchesPerRule, bool CompileExpressions = true)
{
    /// <summary>
    /// Whether the built-in packs' expressions come from code generated at build time instead of being
    /// built at load (when the timeout is the default one). That code pays where it was compiled to
    /// native code ahead of time too (a ReadyToRun publish); under JIT, compiling it costs a small run
    /// more than interpreting its expressions, and a large run about what compiling them costs. A
    /// start-up measure of the installed tool (the engine sets it from the runtime switch), not API.
    /// </summary>
    internal bool PrecompiledExpressions { get; init; }

    /// <summary>
    /// 2 s per match, 500 matches per rule and article, compiled expressions. The first match of a
    /// compiled expression includes its JIT compilation, which on a loaded machine takes hundreds of
    /// milliseconds; a catastrophic pattern still stops within the limit.
    /// </summary>
    public static RuleLimits Default { get; } = new(TimeSpan.FromSeconds(2), 500);

    internal System.Text.RegularExpressions.RegexOptions RegexOptions =>
        CompileExpressions ? System.Text.RegularExpressions.RegexOptions.Compiled : System.Text.RegularExpressions.RegexOptions.None;
}
