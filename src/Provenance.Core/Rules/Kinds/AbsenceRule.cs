using System.Collections.Immutable;
using Provenance.Analysis;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Fires once for the whole article when none of the listed signals was emitted by the other rules:
/// "no attributed source at all" is the absence of every kind of attribution. With
/// <c>minWords</c>, only for an article whose text outside its headline and footer has that many words: an
/// empty page or a stub ("The document has moved here.") shows nothing, and its missing sources
/// say nothing about the article. With <c>furniture</c>, the words a rule emitting one of those
/// signals reported (a newsletter prompt, a disclaimer, page debris) are not counted, nor the rest
/// of a short block such findings cover two fifths of or more: a cartoon with a one-line caption is not an article
/// because the page around it has words.
/// </summary>
public sealed class AbsenceRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["unlessSignals", "minWords", "furniture"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("absence", Keys, (common, reader, _) => Create(common, reader), _ => 1);

    // A block of more words than this is the article's own text whatever furniture was found in it
    // (copy whose paragraph breaks were lost holds a share button or a prompt inside its one block):
    // only the furniture's own words are left out of it.
    private const int ShortBlockWords = 40;

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

    /// <summary>Signals of the page's furniture: the words a rule emitting one reported, and the rest of a short block such findings cover two fifths of or more, are not counted toward <see cref="MinWords"/>.</summary>
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

        if (MinWords > 0 && !HasWords(context.Article, MinWords + FurnitureWords(context)))
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
            if (!IsOwnText(block))
            {
                continue;
            }

            words += CountWords(block.Text, count - words);
            if (words >= count)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOwnText(Articles.Block block) => block.Kind != Articles.BlockKind.Title && block.Zone == Articles.Zone.Main;

    // How many of the article's own words are furniture: the words furniture findings cover, or
    // the whole block when it is short and they cover at least two fifths of it (a newsletter
    // prompt, the site's disclaimer on a line of its own). "OPINION:" opening a lead paragraph, or
    // a share button run into one, takes only its own words. Each block is judged once, on all its
    // findings together: judged finding by finding, a block with a small finding and then a large
    // one was counted twice. Asked only of an article the rule would report, so of few.
    private int FurnitureWords(RuleContext context)
    {
        if (Furniture.IsDefaultOrEmpty)
        {
            return 0;
        }

        var article = context.Article;
        Dictionary<int, List<Text.TextSpan>>? covered = null;
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
                    if (IsOwnText(article.Blocks[b]))
                    {
                        covered ??= [];
                        if (!covered.TryGetValue(b, out var spans))
                        {
                            covered[b] = spans = [];
                        }

                        spans.Add(Text.TextSpan.FromBounds(match.Span.Start, Math.Min(match.Span.End, span.End)));
                    }

                    break;
                }
            }
        }

        var words = 0;
        foreach (var (b, spans) in covered ?? [])
        {
            // The findings' spans merged where they touch or overlap (as fixes merge their
            // deletions), so no word is counted twice.
            var runs = ArticleFixes.Merge(spans);
            var block = article.Blocks[b];
            var blockWords = CountWords(block.Text, ShortBlockWords + 1);
            if (blockWords <= ShortBlockWords && runs.Sum(r => r.Length) * 5 >= block.SourceSpan.Length * 2)
            {
                words += blockWords;
                continue;
            }

            foreach (var run in runs)
            {
                words += CountWords(article.Source.Text.AsSpan(run.Start, run.Length), int.MaxValue, markup: true);
            }
        }

        return words;
    }

    // Words as runs of letters and digits ("don't", "well-known" one each), counted up to `stopAt`;
    // with `markup`, what stands between '<' and '>' left out: a match in a page is a span of its
    // source, not of the block's text.
    private static int CountWords(ReadOnlySpan<char> text, int stopAt, bool markup = false)
    {
        var words = 0;
        var inWord = false;
        var inTag = false;
        foreach (var c in text)
        {
            inTag = markup && (c == '<' || (inTag && c != '>'));
            var letter = !inTag && char.IsLetterOrDigit(c);
            if (letter && !inWord && ++words >= stopAt)
            {
                return words;
            }

            inWord = letter || (inWord && c is '\'' or '’' or '-');
        }

        return words;
    }
}
