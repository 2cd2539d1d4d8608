using System.Collections.Immutable;
using Provenance.Articles;
using Provenance.Outlets;
using Provenance.Rules;
using Provenance.Text;

namespace Provenance.Analysis;

/// <summary>What a rule sees while it runs on one article, and where it reports its matches.</summary>
internal sealed class RuleContext
{
    private readonly List<RawMatch> _matches;
    private readonly IReadOnlyDictionary<string, int> _signals;
    private readonly ArticleLayout _layout;

    // The block ScopedBlocks yielded last, whose screened strings MayMatch reads.
    private int _block;

    public RuleContext(ArticleLayout layout, Rule rule, OutletRegistry registry, List<RawMatch> matches, IReadOnlyDictionary<string, int> signalsSoFar, CancellationToken cancellationToken, AnalysisOptions? options = null)
    {
        Options = options ?? AnalysisOptions.Default;
        _layout = layout;
        Rule = rule;
        Registry = registry;
        _matches = matches;
        _signals = signalsSoFar;
        CancellationToken = cancellationToken;
    }

    public Article Article => _layout.Article;

    /// <summary>
    /// The screens of <paramref name="expressions"/>, for <see cref="MayMatch"/>; null while the rule
    /// set has none yet. Asked once per run of the rule.
    /// </summary>
    public int[]? ScreenIds(IReadOnlyList<System.Text.RegularExpressions.Regex> expressions) => _layout.ScreenIds(expressions);

    /// <summary>
    /// Whether the block <see cref="ScopedBlocks"/> yielded last may match expression
    /// <paramref name="which"/> of those <paramref name="ids"/> came from: false only when it holds
    /// none of the strings every match contains.
    /// </summary>
    public bool MayMatch(int[]? ids, int which) => ids is null || _layout.MayMatch(ids[which], _block);

    /// <summary>Whether the article holds a letter that an ignore-case expression takes for another, which an ordinal ignore-case search does not (the Kelvin sign for k).</summary>
    public bool CaseOddities => _layout.CaseOddities;

    /// <summary>Whether the block <see cref="ScopedBlocks"/> yielded last holds white space other than a space, tab or line break.</summary>
    public bool OddWhitespace => _layout.HasOddWhitespace(_block);

    /// <summary>Where an expression matches in the block <see cref="ScopedBlocks"/> yielded last, searched once per analysis whichever rule asks first.</summary>
    public (int Start, int End)[] Matches(System.Text.RegularExpressions.Regex regex) => _layout.Matches(regex, _block);

    /// <summary>Outlet mentions in a block, searched once per analysis whichever rule asks first.</summary>
    public IReadOnlyList<Outlets.OutletMention> Mentions(Block block, bool names, bool domains, bool weak) =>
        _layout.Mentions(block, Registry.Matcher, names, domains, weak);

    /// <summary>The article's quotations and their speakers, read once per word list whichever quote rule asks first.</summary>
    public Attribution.QuoteAnalysis Quotes(Attribution.AttributionLexicon lexicon) => _layout.Quotes(lexicon);

    /// <summary>Whether the running rule's scope and placement include block <paramref name="blockIndex"/>.</summary>
    public bool InScope(int blockIndex) =>
        (Rule.Scope & _layout.BlockScopes[blockIndex]) != 0 && (Rule.Where is null || Rule.Where.Includes(_layout, blockIndex));

    /// <summary>Whether the article's own text reads as English, the language of the word lists that read sourcing.</summary>
    public bool IsEnglish => _layout.IsEnglish;

    /// <summary>The article's publisher (its site, its outlet), which outlet rules do not count as cited.</summary>
    public ArticlePublisher Publisher => _layout.Publisher(Registry);

    /// <summary>The configuration the analysis runs under.</summary>
    public AnalysisOptions Options { get; }

    public Rule Rule { get; }

    public OutletRegistry Registry { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The blocks the running rule's scope and placement include.</summary>
    public ScopedBlockList ScopedBlocks() => new(this);

    /// <summary>
    /// The blocks a rule reads, for <c>foreach</c>. A struct rather than an iterator: every rule
    /// walks every block of every article, and the iterator's interface calls for each block
    /// (MoveNext and Current through dispatch stubs) were 3% of a large run.
    /// </summary>
    internal readonly struct ScopedBlockList(RuleContext context)
    {
        public Enumerator GetEnumerator() => new(context);

        internal struct Enumerator(RuleContext context)
        {
            private readonly ImmutableArray<Block> _blocks = context.Article.Blocks;
            private readonly RuleScope[] _scopes = context._layout.BlockScopes;
            private readonly RuleScope _scope = context.Rule.Scope;
            private readonly BlockFilter? _where = context.Rule.Where;
            private int _next;

            public Block Current { get; private set; } = null!;

            public bool MoveNext()
            {
                while (_next < _scopes.Length)
                {
                    var i = _next++;
                    if ((_scope & _scopes[i]) != 0 && (_where is null || _where.Includes(context._layout, i)))
                    {
                        context._block = i;
                        Current = _blocks[i];
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>For a rule that reads signals: what the rules that read text reported on the article, as they will be reported (suppressed and overlapping matches left out).</summary>
    public IReadOnlyList<RawMatch> Earlier { get; init; } = [];

    /// <summary>How many times rules that ran earlier emitted the named signal.</summary>
    public int SignalCount(string name) => _signals.GetValueOrDefault(name);

    /// <summary>Whether a rule that ran earlier emitted the named signal.</summary>
    public bool HasSignal(string name) => SignalCount(name) > 0;

    /// <summary>Reports a match at a span of the original file, unless one of the rule's exceptions is in its text.</summary>
    public void Report(TextSpan sourceSpan, ImmutableArray<string> arguments)
    {
        if (!Rule.Exceptions.IsDefaultOrEmpty)
        {
            var text = Article.Source.Text.AsSpan(sourceSpan.Start, sourceSpan.Length);
            foreach (var exception in Rule.Exceptions)
            {
                if (exception.IsMatch(text))
                {
                    return;
                }
            }
        }

        _matches.Add(new RawMatch(Rule, sourceSpan, arguments));
    }

    /// <summary>Reports a finding about the whole article.</summary>
    public void ReportArticle(ImmutableArray<string> arguments) =>
        _matches.Add(new RawMatch(Rule, new TextSpan(0, 0), arguments));
}

/// <summary>A match before it becomes a finding and a signal.</summary>
internal sealed record RawMatch(Rule Rule, TextSpan Span, ImmutableArray<string> Arguments);
