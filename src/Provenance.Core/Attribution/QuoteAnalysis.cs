using System.Collections.Immutable;
using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Attribution;

/// <summary>Who a quotation is attributed to.</summary>
public enum QuoteSource
{
    /// <summary>A person or an organisation the article names.</summary>
    Named,

    /// <summary>Someone the article describes without naming ("a senior official").</summary>
    Unnamed,

    /// <summary>Nobody the text identifies: no verb of saying and no one named near it.</summary>
    Unattributed,

    /// <summary>Someone may be named near it (a verb of saying, a name in its sentence or the one before), but who could not be read.</summary>
    Unresolved,
}

/// <summary>A quotation in an article and who said it.</summary>
/// <param name="Block">The index of its block in the article.</param>
/// <param name="Span">The quotation with its marks, in the block's text.</param>
/// <param name="Source">Whether the speaker is named, described or unknown.</param>
/// <param name="Speaker">The speaker as the article names them at their fullest ("Donald Trump" for "Trump", "Mr. Trump" and "he"), or the description.</param>
/// <param name="Cue">What tied the quotation to its speaker: the verb ("said"), "—", "continues the quotation before", or a pronoun resolved ("he").</param>
/// <param name="Words">How many words the quotation holds.</param>
/// <param name="TitleLike">Whether it reads as a title or name in quotation marks ("State of the Union") rather than speech.</param>
public sealed record AttributedQuote(int Block, TextSpan Span, QuoteSource Source, string Speaker, string Cue, int Words, bool TitleLike);

/// <summary>A statement attributed to a named speaker in the writer's words ("Pelosi said Thursday that…").</summary>
/// <param name="Block">The index of its block.</param>
/// <param name="Span">From the speaker's name to the verb, in the block's text.</param>
/// <param name="Speaker">The speaker at their fullest.</param>
public sealed record Paraphrase(int Block, TextSpan Span, string Speaker);

/// <summary>
/// Every quotation of an article with its speaker, and the statements it attributes by name without
/// quoting, found once per article and read by the <c>quote</c> rules. Built by
/// <see cref="Analyze(Article, IReadOnlyList{int}, AttributionLexicon)"/>; immutable.
/// </summary>
public sealed class QuoteAnalysis
{
    private QuoteAnalysis(ImmutableArray<AttributedQuote> quotes, ImmutableArray<Paraphrase> paraphrases)
    {
        Quotes = quotes;
        Paraphrases = paraphrases;
    }

    /// <summary>The quotations in document order.</summary>
    public ImmutableArray<AttributedQuote> Quotes { get; }

    /// <summary>The named paraphrases in document order, none in a sentence that holds a quotation.</summary>
    public ImmutableArray<Paraphrase> Paraphrases { get; }

    /// <summary>Finds the quotations and paraphrases of the article's blocks whose indices are given, in order.</summary>
    public static QuoteAnalysis Analyze(Article article, IReadOnlyList<int> blocks, AttributionLexicon lexicon) => Analyze(article, blocks, lexicon, null, null);

    /// <summary>
    /// Finds the quotations and paraphrases of the article's blocks whose indices are given, in order;
    /// <paramref name="isEnglish"/> says whether the text is English when a quotation would be called
    /// unattributed (when null, the blocks' own text is read for it), and <paramref name="quotationsOf"/>
    /// gives a block's quotations by its index when they were found already (when null, they are found).
    /// </summary>
    internal static QuoteAnalysis Analyze(Article article, IReadOnlyList<int> blocks, AttributionLexicon lexicon, Func<bool>? isEnglish, Func<int, List<Quotation>>? quotationsOf)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(lexicon);
        return new QuoteAnalyzer(article, blocks, lexicon, isEnglish, quotationsOf).Run();
    }

    internal static QuoteAnalysis Create(ImmutableArray<AttributedQuote> quotes, ImmutableArray<Paraphrase> paraphrases) => new(quotes, paraphrases);
}
