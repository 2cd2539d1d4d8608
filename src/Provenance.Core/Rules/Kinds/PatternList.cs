using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>Compiles a rule file's array of regular expressions, reporting each invalid one at its index.</summary>
internal static class PatternList
{
    /// <summary>
    /// The expressions under <paramref name="key"/>, each as written or as <paramref name="wrap"/>
    /// puts it inside a larger one. A wrapped expression is first checked as written, so that an
    /// error points into the rule file's expression, not the one around it; a built-in pack's
    /// is known to be valid.
    /// </summary>
    public static ImmutableArray<Regex> Compile(ObjectReader reader, string key, RegexOptions options, RuleLimits limits, bool required = false, Func<string, string>? wrap = null)
    {
        var sources = reader.Strings(key, required: required, nonEmpty: required);
        var compiled = ImmutableArray.CreateBuilder<Regex>(sources.Length);
        for (var i = 0; i < sources.Length; i++)
        {
            var pattern = wrap is null ? sources[i] : wrap(sources[i]);
            try
            {
                if (wrap is not null && RuleExpressions.BuiltIn(pattern, options, limits) is null)
                {
                    _ = new Regex(sources[i], options & ~RegexOptions.Compiled, limits.MatchTimeout);
                }

                compiled.Add(reader.Context.Expression(pattern, options, () => RuleExpressions.Create(pattern, options, limits)));
            }
            catch (ArgumentException ex)
            {
                reader.Context.Error(JsonPositions.Index(reader.ChildPath(key), i), $"invalid regular expression: {ex.Message}");
            }
        }

        return compiled.ToImmutable();
    }
}
