using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Analysis;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Fires on blocks by their shape and place: a line that is a list of names, a short line, a
/// "Label: value" line, anywhere its scope and <c>where</c> allow (the lead, the last K lines, given
/// block kinds). With <c>patterns</c>, only the matching text of such blocks is reported.
/// Argument {0} is the reported text.
/// </summary>
public sealed partial class StructureRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["shape", "patterns", "caseSensitive", "maxPerBlock"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("structure", Keys, Create, _ => 1);
    private static readonly IReadOnlyCollection<string> Shapes = ["any", "name-list", "short-line", "label-line"];

    private readonly ImmutableArray<Regex> _patterns;

    private StructureRule(RuleCommon common, string shape, ImmutableArray<Regex> patterns, int maxPerBlock)
        : base(common)
    {
        Shape = shape;
        _patterns = patterns;
        MaxPerBlock = maxPerBlock;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    /// <summary>The block shape required: any, name-list, short-line or label-line.</summary>
    public string Shape { get; }

    /// <summary>The most findings in one block.</summary>
    public int MaxPerBlock { get; }

    internal static StructureRule? Create(RuleCommon common, ObjectReader reader, RuleLimits limits)
    {
        var shape = reader.OneOf("shape", Shapes) ?? "any";
        // Compiled when the limits compile expressions, like every other rule kind's: interpreted,
        // PRV4007's address and telephone expressions took most of its time.
        var options = RegexOptions.CultureInvariant | RegexOptions.Multiline | limits.RegexOptions | (reader.Bool("caseSensitive", false) ? RegexOptions.None : RegexOptions.IgnoreCase);
        var patterns = PatternList.Compile(reader, "patterns", options, limits);
        var maxPerBlock = reader.Integer("maxPerBlock", min: 1) ?? int.MaxValue;
        if (shape == "any" && patterns.IsEmpty && common.Where is null)
        {
            reader.Error("shape", "a structure rule needs a shape, patterns or a 'where' placement; as written it would fire on every block");
        }

        return new StructureRule(common, shape, patterns, maxPerBlock);
    }

    internal override IEnumerable<Regex> UnscreenedExpressions => _patterns;

    internal override void Run(RuleContext context)
    {
        foreach (var block in context.ScopedBlocks())
        {
            if (!HasShape(block.Text))
            {
                continue;
            }

            if (_patterns.IsEmpty)
            {
                context.Report(block.SourceSpan, [block.Text]);
                continue;
            }

            var reported = 0;
            foreach (var regex in _patterns)
            {
                for (var match = regex.Match(block.Text); match.Success && reported < MaxPerBlock; match = match.NextMatch())
                {
                    if (match.Length > 0)
                    {
                        reported++;
                        context.Report(block.Map.ToSource(new Text.TextSpan(match.Index, match.Length)), [match.Value]);
                    }
                }
            }
        }
    }

    private bool HasShape(string text) => Shape switch
    {
        "name-list" => NameList().IsMatch(text),
        "short-line" => !text.Contains('\n', StringComparison.Ordinal) && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8,
        "label-line" => LabelLine().IsMatch(text),
        _ => true,
    };

    // Three or more capitalised names separated by commas or semicolons, after an optional label.
    [GeneratedRegex(@"^(?:[^:\n]{1,40}:\s*)?\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,4}(?:\s*[,;]\s*(?:and\s+)?\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,4}){2,}\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex NameList();

    [GeneratedRegex(@"^\p{L}[\p{L}\p{N} ()'’&/-]{0,38}:\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex LabelLine();
}
