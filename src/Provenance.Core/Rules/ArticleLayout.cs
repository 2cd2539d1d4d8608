using Provenance.Articles;

namespace Provenance.Rules;

/// <summary>Positions of an article's blocks, computed once per analysis for the rules that ask.</summary>
internal sealed class ArticleLayout
{
    // Found when a rule with a placement (lead, last lines) asks, and only as far as it asks: a
    // line lookup per block and a scan of every line for every article were 4-6 µs of its 110 µs.
    private int?[]? _paragraphOrdinals;
    private (int Count, int First)? _lastLines;

    private readonly Text.ScreenIndex? _screens;

    // Which screens each block passes, a bit per screen, found when a rule first asks about the block.
    private readonly ulong[]?[] _passing;

    public ArticleLayout(Article article, Text.ScreenIndex? screens = null)
    {
        Article = article;
        _screens = screens;
        _passing = screens is null ? [] : new ulong[]?[article.Blocks.Length];
        BlockScopes = new RuleScope[article.Blocks.Length];
        for (var i = 0; i < BlockScopes.Length; i++)
        {
            BlockScopes[i] = RuleScopes.Of(article.Blocks[i]);
        }
    }

    /// <summary>
    /// The scope flag each block falls under, found once: every rule asks of every block, and
    /// working it out from the block's zone and kind each time was 1.3% of a large run.
    /// </summary>
    public RuleScope[] BlockScopes { get; }

    public Article Article { get; }

    /// <summary>
    /// Whether some block holds a letter that folds oddly under ignore-case (almost none does),
    /// found when first asked: by a screen, or by a rule that searches ordinally for where an
    /// ignore-case expression may match.
    /// </summary>
    public bool CaseOddities => _caseOddities ??= FindCaseOddities();

    private bool? _caseOddities;

    // Block text, not the source: an HTML entity may decode to one of these letters.
    private bool FindCaseOddities()
    {
        foreach (var block in Article.Blocks)
        {
            if (Text.RegexScreen.HasCaseOddities(block.Text))
            {
                return true;
            }
        }

        return false;
    }

    // Several outlet rules read the same blocks: each block is searched for each kind of mention
    // once per analysis, and each mix of kinds a rule asks for is put together once. Keyed by the
    // block alone (a record, whose own equality would hash its whole text: identity is enough, the
    // blocks asked about are the article's own), with the mixes in slots: a key of the block and
    // three flags would need a comparer compiled at run time in every process.
    private readonly Dictionary<Block, BlockMentions> _mentions = new(ReferenceEqualityComparer.Instance);

    public List<Outlets.OutletMention> Mentions(Block block, Outlets.OutletMatcher matcher, bool names, bool domains, bool weak)
    {
        ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_mentions, block, out _);
        entry ??= new BlockMentions(new Outlets.MentionParts(matcher, block.Text));
        ref var found = ref entry.Mixes[(names ? 4 : 0) | (domains ? 2 : 0) | (weak ? 1 : 0)];
        found ??= Outlets.OutletMatcher.Find(entry.Parts, names, domains, weak);
        return found;
    }

    // The quote rules read the article's quotations and their speakers, found once per word list.
    private Dictionary<Attribution.AttributionLexicon, Attribution.QuoteAnalysis>? _quotes;

    /// <summary>The article's quotations and paraphrases read with <paramref name="lexicon"/>, over its body and footer blocks.</summary>
    public Attribution.QuoteAnalysis Quotes(Attribution.AttributionLexicon lexicon)
    {
        _quotes ??= new(ReferenceEqualityComparer.Instance);
        if (!_quotes.TryGetValue(lexicon, out var analysis))
        {
            _quotes[lexicon] = analysis = Attribution.QuoteAnalysis.Analyze(Article, ReadBlocks(), lexicon, () => IsEnglish, QuotationsOf);
        }

        return analysis;
    }

    private List<int>? _readBlocks;

    // The blocks read for quotations: the body and the footer, not the headline or headings.
    private List<int> ReadBlocks()
    {
        if (_readBlocks is null)
        {
            _readBlocks = new List<int>(BlockScopes.Length);
            for (var i = 0; i < BlockScopes.Length; i++)
            {
                if ((BlockScopes[i] & (RuleScope.Body | RuleScope.Footer)) != 0)
                {
                    _readBlocks.Add(i);
                }
            }
        }

        return _readBlocks;
    }

    private bool? _english;

    /// <summary>
    /// Whether the article's body (not its headline, headings or footer) reads as English
    /// (<see cref="Attribution.EnglishText"/>), found when first asked: by the language rule, or by
    /// the quote analysis before it calls a quotation unattributed. A footer's comments, tags and
    /// legal lines are often in another language than the article, or the other way round.
    /// </summary>
    public bool IsEnglish => _english ??= Attribution.EnglishText.Of(
        Enumerable.Range(0, BlockScopes.Length).Where(i => BlockScopes[i] == RuleScope.Body).Select(i => (Article.Blocks[i].Text, QuotationsOf(i))));

    // Each block's quotations, found once for the quote analysis and the language check alike.
    private List<Attribution.Quotation>?[]? _quotations;

    private List<Attribution.Quotation> QuotationsOf(int blockIndex) =>
        (_quotations ??= new List<Attribution.Quotation>?[Article.Blocks.Length])[blockIndex] ??= Attribution.Quotations.Find(Article.Blocks[blockIndex].Text);

    // Where each attribution context matches in each block: the outlet rules share their contexts
    // (a built-in expression is one instance wherever a pack writes it), so each is searched once
    // per block, not once per rule. Keyed by the expression itself.
    private Dictionary<System.Text.RegularExpressions.Regex, (int Start, int End)[]?[]>? _contextMatches;

    /// <summary>Where <paramref name="regex"/> matches in block <paramref name="blockIndex"/>, searched when first asked.</summary>
    public (int Start, int End)[] Matches(System.Text.RegularExpressions.Regex regex, int blockIndex)
    {
        _contextMatches ??= [];
        if (!_contextMatches.TryGetValue(regex, out var perBlock))
        {
            perBlock = new (int Start, int End)[]?[Article.Blocks.Length];
            _contextMatches[regex] = perBlock;
        }

        return perBlock[blockIndex] ??= FindAll(regex, Article.Blocks[blockIndex].Text);
    }

    private static (int Start, int End)[] FindAll(System.Text.RegularExpressions.Regex regex, string text)
    {
        var match = regex.Match(text);
        if (!match.Success)
        {
            return [];
        }

        var found = new List<(int Start, int End)>();
        for (; match.Success; match = match.NextMatch())
        {
            found.Add((match.Index, match.Index + match.Length));
        }

        return [.. found];
    }

    private Outlets.ArticlePublisher? _publisher;

    /// <summary>The article's publisher, found once per analysis when an outlet rule first asks.</summary>
    public Outlets.ArticlePublisher Publisher(Outlets.OutletRegistry registry) => _publisher ??= Outlets.ArticlePublisher.Find(Article, registry);

    /// <summary>The screens of <paramref name="expressions"/> by number, or null while the rule set has none.</summary>
    public int[]? ScreenIds(IReadOnlyList<System.Text.RegularExpressions.Regex> expressions) => _screens?.IdsOf(expressions);

    /// <summary>Whether block <paramref name="blockIndex"/>'s text may match the expression with screen <paramref name="id"/>.</summary>
    public bool MayMatch(int id, int blockIndex)
    {
        if (_screens is null || id < 0)
        {
            return true;
        }

        var passing = _passing[blockIndex] ?? FindPassing(blockIndex);
        return (passing[id >> 6] & (1UL << id)) != 0;
    }

    private ulong[] FindPassing(int blockIndex)
    {
        var text = Article.Blocks[blockIndex].Text;
        return _passing[blockIndex] = _screens!.Passing(text, _screens.Find(text), CaseOddities);
    }

    // Per block, found when first asked.
    private bool?[]? _rareWhitespace;

    /// <summary>
    /// Whether block <paramref name="blockIndex"/> holds white space other than a space, tab, line
    /// feed or carriage return (<see cref="Text.PhraseSpaces.Rare"/>): searched for once per block
    /// for every rule that asks.
    /// </summary>
    public bool HasOddWhitespace(int blockIndex) =>
        (_rareWhitespace ??= new bool?[Article.Blocks.Length])[blockIndex] ??= Text.PhraseSpaces.ContainsRare(Article.Blocks[blockIndex].Text);

    public int? ParagraphOrdinal(int blockIndex) => (_paragraphOrdinals ??= ParagraphOrdinals(Article))[blockIndex];

    /// <summary>
    /// Where block <paramref name="blockIndex"/> starts in the source: its first character mapped
    /// alone. Its SourceSpan maps the last one too, a walk over every segment (a line each in a
    /// hard-wrapped paragraph) that was a tenth of PRV4007's time.
    /// </summary>
    public int StartOffset(int blockIndex) => Article.Blocks[blockIndex].Map.ToSource(0);

    /// <summary>
    /// Where the first of the article's last <paramref name="count"/> non-empty lines starts: a block
    /// starts in one of those lines when it starts there or later, a comparison instead of a search
    /// of the line index for every block (a fifth of PRV4007's time).
    /// </summary>
    public int StartOfLastNonEmptyLines(int count) => Article.Source.GetLineSpan(FirstOfLastNonEmptyLines(count)).Start;

    /// <summary>The first of the article's last <paramref name="count"/> non-empty lines (1 when it has none), found from the end.</summary>
    public int FirstOfLastNonEmptyLines(int count)
    {
        if (_lastLines is { } known && known.Count == count)
        {
            return known.First;
        }

        var source = Article.Source;
        var first = 1;
        var found = 0;
        for (var line = source.LineCount; line >= 1 && found < count; line--)
        {
            var span = source.GetLineSpan(line);
            if (!source.Text.AsSpan(span.Start, span.Length).IsWhiteSpace())
            {
                first = line;
                found++;
            }
        }

        _lastLines = (count, first);
        return first;
    }

    private static int?[] ParagraphOrdinals(Article article)
    {
        var blocks = article.Blocks;
        var ordinals = new int?[blocks.Length];
        var paragraphs = 0;
        for (var i = 0; i < blocks.Length; i++)
        {
            if (blocks[i].Kind == BlockKind.Paragraph && blocks[i].Zone == Zone.Main)
            {
                ordinals[i] = paragraphs++;
            }
        }

        return ordinals;
    }

    private sealed class BlockMentions(Outlets.MentionParts parts)
    {
        public Outlets.MentionParts Parts { get; } = parts;

        public List<Outlets.OutletMention>?[] Mixes { get; } = new List<Outlets.OutletMention>?[8];
    }
}
