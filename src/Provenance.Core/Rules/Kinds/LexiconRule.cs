using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Provenance.Analysis;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Matches a list of phrases. The phrases compile into one alternation, longest first, which the
/// regex engine turns into a single multi-string search: one pass over each block whatever the
/// list's size. Spaces in a phrase match any run of white space (a line break included).
/// </summary>
public sealed class LexiconRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["phrases", "caseSensitive", "wholeWord", "maxPerBlock"];

    private readonly Regex _matcher;

    private LexiconRule(RuleCommon common, ImmutableArray<string> phrases, Regex matcher, int maxPerBlock)
        : base(common)
    {
        Phrases = phrases;
        _matcher = matcher;
        MaxPerBlock = maxPerBlock;
    }

    /// <inheritdoc/>
    public override string Kind => "lexicon";

    /// <summary>The phrases, as written in the rule file.</summary>
    public ImmutableArray<string> Phrases { get; }

    /// <summary>The most matches reported in one block.</summary>
    public int MaxPerBlock { get; }

    internal static LexiconRule? Create(RuleCommon common, ObjectReader reader, RuleLimits limits)
    {
        var phrases = reader.Strings("phrases", required: true, nonEmpty: true);
        var caseSensitive = reader.Bool("caseSensitive", false);
        var wholeWord = reader.Bool("wholeWord", true);
        var maxPerBlock = reader.Integer("maxPerBlock", min: 1) ?? int.MaxValue;
        if (phrases.IsEmpty)
        {
            return null;
        }

        var seen = new HashSet<string>(caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < phrases.Length; i++)
        {
            if (!seen.Add(phrases[i]))
            {
                reader.Context.Error(JsonPositions.Index(reader.ChildPath("phrases"), i), $"the phrase \"{phrases[i]}\" is listed twice");
            }
        }

        var pattern = new StringBuilder(wholeWord ? @"(?<![\p{L}\p{N}_])(?:" : "(?:");
        var first = true;
        // Longest first, then in ordinal order. Sorted with one comparison rather than a query over
        // an int key, whose code is compiled at run time; the text must stay the same, as the
        // built-in expressions are looked up by it.
        var ordered = new List<string>(new HashSet<string>(phrases, StringComparer.Ordinal));
        ordered.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : string.CompareOrdinal(a, b));
        foreach (var phrase in ordered)
        {
            pattern.Append(first ? string.Empty : "|");
            pattern.Append(Regex.Escape(phrase.Trim()).Replace(@"\ ", @"\s+", StringComparison.Ordinal));
            first = false;
        }

        pattern.Append(wholeWord ? @")(?![\p{L}\p{N}_])" : ")");
        var options = RegexOptions.CultureInvariant | limits.RegexOptions | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
        return new LexiconRule(common, phrases, RuleExpressions.Create(pattern.ToString(), options, limits), maxPerBlock);
    }

    internal override IEnumerable<Regex> Expressions => [_matcher];

    internal override void Run(RuleContext context)
    {
        // Blocks that hold none of the phrases' longest words are not searched.
        var screen = context.ScreenIds([_matcher]);
        foreach (var block in context.ScopedBlocks())
        {
            if (!context.MayMatch(screen, 0))
            {
                continue;
            }

            var reported = 0;
            for (var match = _matcher.Match(block.Text); match.Success && reported++ < MaxPerBlock; match = match.NextMatch())
            {
                context.Report(block.Map.ToSource(new Text.TextSpan(match.Index, match.Length)), [match.Value]);
            }
        }
    }
}
