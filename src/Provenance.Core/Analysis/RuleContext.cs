using System.Collections.Immutable;
using Provenance.Articles;
using Provenance.Rules;
using Provenance.Text;

namespace Provenance.Analysis;

/// <summary>What a rule sees while it runs on one article, and where it reports its matches.</summary>
internal sealed class RuleContext
{
    private readonly List<RawMatch> _matches;
    private readonly IReadOnlySet<string> _signals;

    public RuleContext(Article article, Rule rule, List<RawMatch> matches, IReadOnlySet<string> signalsSoFar, CancellationToken cancellationToken)
    {
        Article = article;
        Rule = rule;
        _matches = matches;
        _signals = signalsSoFar;
        CancellationToken = cancellationToken;
    }

    public Article Article { get; }

    public Rule Rule { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The blocks the running rule's scope includes.</summary>
    public IEnumerable<Block> ScopedBlocks()
    {
        foreach (var block in Article.Blocks)
        {
            if (Rule.Scope.Includes(block))
            {
                yield return block;
            }
        }
    }

    /// <summary>Whether a rule that ran earlier emitted the named signal.</summary>
    public bool HasSignal(string name) => _signals.Contains(name);

    /// <summary>Reports a match at a span of the original file.</summary>
    public void Report(TextSpan sourceSpan, ImmutableArray<string> arguments) =>
        _matches.Add(new RawMatch(Rule, sourceSpan, arguments));

    /// <summary>Reports a finding about the whole article.</summary>
    public void ReportArticle(ImmutableArray<string> arguments) =>
        _matches.Add(new RawMatch(Rule, new TextSpan(0, 0), arguments));
}

/// <summary>A match before it becomes a finding and a signal.</summary>
internal sealed record RawMatch(Rule Rule, TextSpan Span, ImmutableArray<string> Arguments);
