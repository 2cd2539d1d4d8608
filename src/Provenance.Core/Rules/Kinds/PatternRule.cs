using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Analysis;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Matches regular expressions in each block of its scope. Message arguments come from named
/// captures listed in <c>arguments</c> ("0" is the whole match); every regex has a match timeout.
/// </summary>
public sealed class PatternRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["patterns", "caseSensitive", "arguments", "maxPerBlock"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("pattern", Keys, Create, r => ((PatternRule)r).Arguments.Length);

    private PatternRule(RuleCommon common, ImmutableArray<Regex> patterns, ImmutableArray<string> arguments, int maxPerBlock)
        : base(common)
    {
        Patterns = patterns;
        Arguments = arguments;
        MaxPerBlock = maxPerBlock;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    /// <summary>The compiled expressions.</summary>
    public ImmutableArray<Regex> Patterns { get; }

    /// <summary>The capture names that fill the message's arguments, in order.</summary>
    public ImmutableArray<string> Arguments { get; }

    /// <summary>The most matches reported in one block: 1 makes a paragraph full of the same tell one finding.</summary>
    public int MaxPerBlock { get; }

    internal static PatternRule? Create(RuleCommon common, ObjectReader reader, RuleLimits limits)
    {
        var sources = reader.Strings("patterns", required: true, nonEmpty: true);
        var options = RegexOptions.CultureInvariant | RegexOptions.Multiline | limits.RegexOptions;
        if (!reader.Bool("caseSensitive", false))
        {
            options |= RegexOptions.IgnoreCase;
        }

        var maxPerBlock = reader.Integer("maxPerBlock", min: 1) ?? int.MaxValue;
        var arguments = reader.Has("arguments") ? reader.Strings("arguments", nonEmpty: true) : ["0"];
        var patterns = ImmutableArray.CreateBuilder<Regex>(sources.Length);
        var ok = true;
        for (var i = 0; i < sources.Length; i++)
        {
            var path = JsonPositions.Index(reader.ChildPath("patterns"), i);
            Regex regex;
            try
            {
                regex = RuleExpressions.Create(sources[i], options, limits);
            }
            catch (ArgumentException ex)
            {
                reader.Context.Error(path, $"invalid regular expression: {ex.Message}");
                ok = false;
                continue;
            }

            var groups = regex.GetGroupNames();
            foreach (var argument in arguments.Where(a => !groups.Contains(a)))
            {
                reader.Context.Error(path, $"the expression has no capture named '{argument}', which 'arguments' uses");
                ok = false;
            }

            patterns.Add(regex);
        }

        return ok ? new PatternRule(common, patterns.ToImmutable(), arguments, maxPerBlock) : null;
    }

    internal override IEnumerable<Regex> Expressions => Patterns;

    internal override void Run(RuleContext context)
    {
        // Per pattern: strings one of which every match contains, so blocks without them are skipped.
        var screens = context.ScreenIds(Patterns);
        foreach (var block in context.ScopedBlocks())
        {
            var reported = 0;
            for (var i = 0; i < Patterns.Length; i++)
            {
                if (!context.MayMatch(screens, i))
                {
                    continue;
                }

                for (var match = Patterns[i].Match(block.Text); match.Success && reported < MaxPerBlock; match = match.NextMatch())
                {
                    if (match.Length == 0)
                    {
                        continue;
                    }

                    reported++;
                    var arguments = ImmutableArray.CreateBuilder<string>(Arguments.Length);
                    foreach (var name in Arguments)
                    {
                        arguments.Add(match.Groups[name].Value.Trim());
                    }

                    context.Report(block.Map.ToSource(new Text.TextSpan(match.Index, match.Length)), arguments.MoveToImmutable());
                }
            }
        }
    }
}
