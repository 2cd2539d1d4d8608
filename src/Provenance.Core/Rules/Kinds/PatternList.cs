using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>Compiles a rule file's array of regular expressions, reporting each invalid one at its index.</summary>
internal static class PatternList
{
    public static ImmutableArray<Regex> Compile(ObjectReader reader, string key, RegexOptions options, RuleLimits limits, bool required = false)
    {
        var sources = reader.Strings(key, required: required, nonEmpty: required);
        var compiled = ImmutableArray.CreateBuilder<Regex>(sources.Length);
        for (var i = 0; i < sources.Length; i++)
        {
            try
            {
                compiled.Add(RuleExpressions.Create(sources[i], options, limits));
            }
            catch (ArgumentException ex)
            {
                reader.Context.Error(JsonPositions.Index(reader.ChildPath(key), i), $"invalid regular expression: {ex.Message}");
            }
        }

        return compiled.ToImmutable();
    }
}
