using System.Text.RegularExpressions;

namespace Provenance.Rules;

/// <summary>
/// Makes the regular expressions rule files write. Those of the built-in packs can come compiled
/// ahead of time (<see cref="BuiltInExpressions"/>): in a ReadyToRun build, building them at run
/// time cost a large run about a second of code generation and JIT, and a small run their parsing
/// and interpretation.
/// </summary>
internal static class RuleExpressions
{
    /// <summary>The built-in expression for this pattern and options, or a new one.</summary>
    /// <exception cref="ArgumentException">The pattern is not a valid expression.</exception>
    public static Regex Create(string pattern, RegexOptions options, RuleLimits limits) =>
        BuiltIn(pattern, options, limits) ?? new Regex(pattern, options, limits.MatchTimeout);

    /// <summary>
    /// The expression compiled ahead of time for exactly this pattern, options (whether to compile
    /// aside) and the limits' timeout, or <see langword="null"/> when no built-in pack writes it or
    /// the limits ask for none (<see cref="RuleLimits.PrecompiledExpressions"/>).
    /// </summary>
    public static Regex? BuiltIn(string pattern, RegexOptions options, RuleLimits limits) =>
        limits.PrecompiledExpressions && limits.MatchTimeout == BuiltInExpressions.Timeout
            ? BuiltInExpressions.Find(pattern, options & ~RegexOptions.Compiled)
            : null;
}
