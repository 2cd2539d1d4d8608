using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>Compiles a rule file's array of regular expressions, reporting each invalid one at its index.</summary>
internal static partial class PatternList
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

    /// <summary>
    /// The expressions under <paramref name="key"/> as one alternation, tried in the order written:
    /// <paramref name="prefix"/><c>(?:(?:first)|(?:second)|…)</c><paramref name="suffix"/>, or
    /// none when the key is absent or empty. For lists that are tried at one place at a time (an
    /// anchored context, a whole name), where one expression is as good as many and is built, and
    /// run, once. Each is first checked as written, so an error points at its index; a list whose
    /// expressions refer to groups by number is kept apart, as the numbers would shift.
    /// </summary>
    public static ImmutableArray<Regex> CompileCombined(ObjectReader reader, string key, RegexOptions options, RuleLimits limits, string prefix, string suffix)
    {
        var sources = reader.Strings(key);
        if (sources.IsEmpty)
        {
            return [];
        }

        var combined = prefix + "(?:" + string.Join("|", sources.Select(source => "(?:" + source + ")")) + ")" + suffix;
        if (sources.Any(source => NumberedReference().IsMatch(source)))
        {
            return Compile(reader, key, options, limits, wrap: source => prefix + "(?:" + source + ")" + suffix);
        }

        var valid = RuleExpressions.BuiltIn(combined, options, limits) is not null;
        for (var i = 0; i < sources.Length && !valid; i++)
        {
            try
            {
                _ = new Regex(sources[i], options & ~RegexOptions.Compiled, limits.MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                reader.Context.Error(JsonPositions.Index(reader.ChildPath(key), i), $"invalid regular expression: {ex.Message}");
                return [];
            }
        }

        return [reader.Context.Expression(combined, options, () => RuleExpressions.Create(combined, options, limits))];
    }

    // A back-reference by number (\1) or a numbered group's use in a conditional.
    [GeneratedRegex(@"\\[1-9]|\(\?\(\d")]
    private static partial Regex NumberedReference();
}
