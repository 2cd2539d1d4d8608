using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Reporting;
using Provenance.Scoring;

namespace Provenance.Hosting;

/// <summary>How a checked file's report is made: checked, restored from kept findings, scored or not.</summary>
internal static partial class CheckRunner
{
    /// <summary>The item with its article's text and blocks let go: reports need only its findings, scorecard, facts and metadata.</summary>
    internal static RunItem WithoutText(RunItem item)
    {
        // Articles restored from the cache come without text already.
        if (item.Report is not { Article: var article } report || (article.Source.Text.Length == 0 && article.Blocks.IsEmpty))
        {
            return item;
        }

        var bare = new Article(article.Path, article.Format, new Text.SourceText(string.Empty), [], article.Metadata);
        return item with { Report = report with { Article = bare } };
    }

    // An unchanged article's rules are not run again: reports need only the findings and metadata
    // the cache kept. When its text is kept (scorecards, fixes, a search for copies, whose print
    // is made from the blocks) it is read again too, which is a tenth of a check.
    private static RunItem Restored(ProvenanceChecker checker, string displayPath, ArticleFormat format, string text, CachedArticle stored, bool scored) =>
        new(displayPath, scored ? Rescored(checker, displayPath, format, text, stored) : new ArticleReport(ArticleOf(displayPath, format, text, stored), checker.Rules.Restore(stored.Findings), Scorecard.Pending, ProvenanceFacts.Pending), null);

    // Unscored where the caller keeps only the findings and scores the report when it makes it again.
    private static ArticleReport Check(ProvenanceChecker checker, Article article, AnalysisOptions analysis, bool scored) =>
        scored ? checker.Check(article, analysis) : checker.Analyze(article, analysis);

    /// <summary>
    /// An article's report made from findings kept without it (the cache's, or those a run held
    /// packed while it looked for copies): its text read again when given, else an article of no
    /// text with the metadata kept.
    /// </summary>
    internal static ArticleReport Rescored(ProvenanceChecker checker, string path, ArticleFormat format, string text, CachedArticle stored) =>
        checker.Score(ArticleOf(path, format, text, stored), checker.Rules.Restore(stored.Findings));

    // The article of kept findings: its text read again when given, else one of no text with the metadata kept.
    private static Article ArticleOf(string path, ArticleFormat format, string text, CachedArticle stored) =>
        text.Length > 0 ? Article.Read(text, format, path) : new Article(path, format, new Text.SourceText(text), [], stored.Metadata);
}
