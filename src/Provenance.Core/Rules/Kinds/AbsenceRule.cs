using System.Collections.Immutable;
using Provenance.Analysis;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Fires once for the whole article when none of the listed signals was emitted by the other rules:
/// "no attributed source at all" is the absence of every kind of attribution. With
/// <c>minWords</c>, only for an article whose text outside its headline and footer has that many words: an
/// empty page or a stub ("The document has moved here.") shows nothing, and its missing sources
/// say nothing about the article. With <c>furniture</c>, a short block where a rule emitting one of
/// those signals reported (a newsletter prompt, a disclaimer, page debris) is not counted: a cartoon
/// with a one-line caption is not an article because the page around it has words.
/// </summary>
public sealed class AbsenceRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["unlessSignals", "minWords", "furniture"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("absence", Keys, (common, reader, _) => Create(common, reader), _ => 1);

    // A block of more words than this is the article's own text whatever furniture was found in it:
    // copy whose paragraph breaks were lost holds a share button or a prompt inside its one block.
    private const int FurnitureWords = 40;

    private AbsenceRule(RuleCommon common, ImmutableArray<string> unlessSignals, int minWords, ImmutableArray<string> furniture)
        : base(common)
    {
        UnlessSignals = unlessSignals;
        MinWords = minWords;
        Furniture = furniture;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    /// <summary>The signals any one of which keeps the rule quiet.</summary>
    public ImmutableArray<string> UnlessSignals { get; }

    /// <summary>The fewest words of text outside the headline an article needs for the rule to judge it (0: any).</summary>
    public int MinWords { get; }

    /// <summary>Signals of the page's furniture: a short block where a rule emitting one reported is not counted toward <see cref="MinWords"/>.</summary>
    public ImmutableArray<string> Furniture { get; }

    internal override bool RunsAfterSignals => true;

    internal override IEnumerable<string> ReadsSignals => [.. UnlessSignals, .. Furniture];

    internal static AbsenceRule? Create(RuleCommon common, ObjectReader reader)
    {
        var signals = reader.Strings("unlessSignals", required: true, nonEmpty: true);
        var minWords = reader.Integer("minWords", min: 0, max: 100_000) ?? 0;
        var furniture = reader.Strings("furniture");
        return signals.IsEmpty ? null : new AbsenceRule(common, signals, minWords, furniture);
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

        if (MinWords > 0 && !HasWords(context.Article, MinWords, FurnitureBlocks(context)))
        {
            return;
        }

        context.ReportArticle([string.Join(", ", UnlessSignals)]);
    }

    // Whether the blocks other than the headline hold at least `count` words, counted until there
    // are. Words are runs of letters and digits, not of non-space characters as the readers'
    // TextUnit.HasAtMostWords counts them: Chinese or Japanese text has no spaces between words,
    // and a whole article there would count as a few words, a stub.
    private static bool HasWords(Articles.Article article, int count, HashSet<int>? furniture)
    {
        var words = 0;
        for (var b = 0; b < article.Blocks.Length; b++)
        {
            // The article's own text: its footer's credits, comments and debris are no body.
            var block = article.Blocks[b];
            if (block.Kind == Articles.BlockKind.Title || block.Zone != Articles.Zone.Main || (furniture?.Contains(b) ?? false))
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

    // The short blocks holding a finding of a furniture signal, or null when the rule names none
    // or no such finding was made (most articles).
    private HashSet<int>? FurnitureBlocks(RuleContext context)
    {
        if (Furniture.IsDefaultOrEmpty)
        {
            return null;
        }

        HashSet<int>? blocks = null;
        var article = context.Article;
        foreach (var match in context.Earlier)
        {
            if (match.Span.Length == 0 || match.Rule.Signal is not { } signal || !Furniture.Contains(signal))
            {
                continue;
            }

            for (var b = 0; b < article.Blocks.Length; b++)
            {
                var span = article.Blocks[b].SourceSpan;
                if (match.Span.Start >= span.Start && match.Span.Start < span.End)
                {
                    if (Reading.TextUnit.HasAtMostWords(article.Blocks[b].Text, FurnitureWords))
                    {
                        (blocks ??= []).Add(b);
                    }

                    break;
                }
            }
        }

        return blocks;
    }
}
