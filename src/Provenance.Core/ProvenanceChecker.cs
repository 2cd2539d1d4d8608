using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance;

/// <summary>An article with what the rules found in it and its scorecard.</summary>
/// <param name="Article">The article as read.</param>
/// <param name="Analysis">Findings and signals.</param>
/// <param name="Scorecard">Its score, grade and explanation.</param>
/// <param name="Facts">Its provenance at a glance: source, citations, disclosures, padding.</param>
public sealed record ArticleReport(Article Article, AnalysisResult Analysis, Scorecard Scorecard, ProvenanceFacts Facts);

/// <summary>
/// The entry point for embedding Provenance: a compiled rule set and a scoring model, built once and
/// shared. <see cref="Check(Article, CancellationToken)"/> is thread-safe.
/// </summary>
public sealed class ProvenanceChecker
{
    /// <summary>Creates a checker from a compiled rule set and a scoring model.</summary>
    public ProvenanceChecker(RuleSet rules, ScoringModel scoring)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(scoring);
        Rules = rules;
        Scoring = scoring;
    }

    /// <summary>The rules this checker runs.</summary>
    public RuleSet Rules { get; }

    /// <summary>The model it scores with.</summary>
    public ScoringModel Scoring { get; }

    /// <summary>A checker with the embedded default rule packs and scoring model.</summary>
    public static ProvenanceChecker CreateDefault() => new(DefaultRules.LoadRuleSet(), DefaultRules.LoadScoringModel());

    /// <summary>Runs the rules over an article and scores it.</summary>
    public ArticleReport Check(Article article, CancellationToken cancellationToken = default) =>
        Check(article, AnalysisOptions.Default, cancellationToken);

    /// <summary>Runs the rules over an article under a configuration and scores it.</summary>
    public ArticleReport Check(Article article, AnalysisOptions options, CancellationToken cancellationToken = default)
    {
        var analysis = Rules.Analyze(article, options, cancellationToken);
        return new ArticleReport(article, analysis, ScoreCalculator.Score(Scoring, analysis.Signals), ProvenanceFacts.From(article, analysis));
    }

    /// <summary>
    /// Runs the rules over an article without scoring it, for a host that holds only the findings
    /// and scores the article when it has them again (a run looking for copies, which packs each
    /// report and makes it again once its search is done): scoring it here too was work thrown
    /// away, 1.2% of such a run's time in a profile. The report's scorecard and facts are placeholders
    /// (<see cref="Scorecard.Pending"/>, <see cref="ProvenanceFacts.Pending"/>), never shown.
    /// </summary>
    internal ArticleReport Analyze(Article article, AnalysisOptions options, CancellationToken cancellationToken = default) =>
        new(article, Rules.Analyze(article, options, cancellationToken), Scorecard.Pending, ProvenanceFacts.Pending);

    /// <summary>Scores an article whose analysis is already known (restored from a cache).</summary>
    public ArticleReport Score(Article article, AnalysisResult analysis)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(analysis);
        return new ArticleReport(article, analysis, ScoreCalculator.Score(Scoring, analysis.Signals), ProvenanceFacts.From(article, analysis));
    }

    /// <summary>Reads plain text, runs the rules and scores it.</summary>
    public ArticleReport CheckText(string text, string path = "-", CancellationToken cancellationToken = default) =>
        Check(Article.FromText(text, path), cancellationToken);
}
