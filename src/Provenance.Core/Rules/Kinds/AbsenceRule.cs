using System.Collections.Immutable;
using Provenance.Analysis;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Fires once for the whole article when none of the listed signals was emitted by the other rules:
/// "no attributed source at all" is the absence of every kind of attribution. With
/// <c>minWords</c>, only for an article whose text outside its headline and footer has that many words: an
/// empty page or a stub ("The document has moved here.") shows nothing, and its missing sources
/// say nothing about the article.
/// </summary>
public sealed class AbsenceRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["unlessSignals", "minWords"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("absence", Keys, (common, reader, _) => Create(common, reader), _ => 1);

    private AbsenceRule(RuleCommon common, ImmutableArray<string> unlessSignals, int minWords)
        : base(common)
    {
        UnlessSignals = unlessSignals;
        MinWords = minWords;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    /// <summary>The signals any one of which keeps the rule quiet.</summary>
    public ImmutableArray<string> UnlessSignals { get; }

    /// <summary>The fewest words of text outside the headline an article needs for the rule to judge it (0: any).</summary>
    public int MinWords { get; }

    internal override bool RunsAfterSignals => true;

    internal override IEnumerable<string> ReadsSignals => UnlessSignals;

    internal static AbsenceRule? Create(RuleCommon common, ObjectReader reader)
    {
        var signals = reader.Strings("unlessSignals", required: true, nonEmpty: true);
        var minWords = reader.Integer("minWords", min: 0, max: 100_000) ?? 0;
        return signals.IsEmpty ? null : new AbsenceRule(common, signals, minWords);
    }

    internal override void Run(RuleContext context)
    {
        foreach (var signal in UnlessSignals)
        {
            if (context.HasSignal(signal))
            {
                return;
            }
        }

        if (MinWords > 0 && !HasWords(context.Article, MinWords))
        {
            return;
        }

        context.ReportArticle([string.Join(", ", UnlessSignals)]);
    }

    // Whether the blocks other than the headline hold at least `count` words, counted until there
    // are. Words are runs of letters and digits, not of non-space characters as the readers'
    // TextUnit.HasAtMostWords counts them: Chinese or Japanese text has no spaces between words,
    // and a whole article there would count as a few words, a stub.
    private static bool HasWords(Articles.Article article, int count)
    {
        var words = 0;
        foreach (var block in article.Blocks)
        {
            // The article's own text: its footer's credits, comments and debris are no body.
            if (block.Kind == Articles.BlockKind.Title || block.Zone != Articles.Zone.Main)
            {
                continue;
            }

            var inWord = false;
            foreach (var c in block.Text)
            {
                var letter = char.IsLetterOrDigit(c);
                if (letter && !inWord && ++words >= count)
                {
                    return true;
                }

                inWord = letter || (inWord && c is '\'' or '’' or '-');
            }
        }

        return false;
    }
}
