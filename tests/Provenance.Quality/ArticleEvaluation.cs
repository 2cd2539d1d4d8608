using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Quality;

/// <summary>
/// The figures measured on the BuzzFeed-Webis development articles: how many of the corpus
/// authors' quotations a quote finding covers, whether the speakers the checker names are right
/// (on the hand-labelled fixture), self-citations and platforms taken for outlets, and how the
/// scores spread.
/// </summary>
public static class ArticleEvaluation
{
    /// <summary>Annotated quotations shorter than this are mostly scare quotes and titles.</summary>
    public const int MinimumQuoteLength = 20;

    /// <summary>The signals a direct-quote finding emits, whoever the speaker.</summary>
    public static readonly FrozenSet<string> QuoteSignals = FrozenSet.Create(
        StringComparer.Ordinal, "named-quote", "anonymous-quote", "unattributed-quote", "unresolved-quote");

    /// <summary>The signals of a quote finding that says who spoke: a named or a described speaker.</summary>
    public static readonly FrozenSet<string> AttributedQuoteSignals = FrozenSet.Create(
        StringComparer.Ordinal, "named-quote", "anonymous-quote");

    // The three mainstream publishers of the corpus; the other six are hyperpartisan (Potthast et al. 2018).
    private static readonly FrozenSet<string> Mainstream = FrozenSet.Create(
        StringComparer.Ordinal, "politico.com", "politico.eu", "cnn.com", "go.com");

    /// <summary>A checked development article.</summary>
    public sealed record Checked(DevArticle Article, ArticleReport Report);

    /// <summary>Measures the checked articles against the corpus annotations and the labelled speakers.</summary>
    public static (List<Figure> Figures, Dictionary<string, List<string>> Misses) Evaluate(IReadOnlyList<Checked> articles, IReadOnlyList<LabelledQuote> labels, OutletJudge judge)
    {
        var figures = new List<Figure>();
        var misses = new Dictionary<string, List<string>>();
        void Miss(string id, string text) => (misses.TryGetValue(id, out var list) ? list : misses[id] = []).Add(text);

        // Quote coverage over every annotated quotation of 20+ characters.
        var (covered, attributed, total) = (0, 0, 0);
        foreach (var (article, report) in articles)
        {
            var spans = QuoteSpans(report);
            var attributedSpans = spans.Where(s => AttributedQuoteSignals.Contains(s.Name)).ToList();
            foreach (var quote in article.Quotes.Where(q => q.Length >= MinimumQuoteLength))
            {
                total++;
                if (Covering(attributedSpans, quote) is not null)
                {
                    attributed++;
                }

                if (Covering(spans, quote) is not null)
                {
                    covered++;
                }
                else
                {
                    Miss("quotes.coverage", $"{article.Id}: \"{Excerpt(article.Text, quote)}\"");
                }
            }
        }

        figures.Add(Figure.Share("quotes.coverage", "Annotated quotations of 20+ characters inside a quote finding", covered, total, 0.85));
        figures.Add(Figure.Share("quotes.coverage-attributed", "Annotated quotations of 20+ characters inside a quote finding that names or describes the speaker", attributed, total));

        // On the hand-labelled sample: coverage of real speech, and whether named speakers are right.
        var byId = articles.ToDictionary(a => a.Article.Id, StringComparer.Ordinal);
        var (speech, speechCovered, predicted, correct, named, namedRight) = (0, 0, 0, 0, 0, 0);
        foreach (var label in labels)
        {
            if (!byId.TryGetValue(label.Article, out var item))
            {
                throw new InvalidDataException($"speakers.json: article {label.Article} is not in the corpus");
            }

            var index = item.Article.QuoteStarts.IndexOf(label.Start);
            if (index < 0)
            {
                throw new InvalidDataException($"speakers.json: article {label.Article} has no annotated quote at {label.Start}");
            }

            var quote = item.Article.Quotes[index];
            var isSpeech = label.Label is not SpeakerLabel.NotSpeech;
            if (isSpeech)
            {
                speech++;
                if (Covering(QuoteSpans(item.Report), quote) is not null)
                {
                    speechCovered++;
                }
            }

            if (label.Label == SpeakerLabel.Named)
            {
                named++;
            }

            var signal = Covering(item.Report.Analysis.Signals.Where(s => s.Name == "named-quote").ToList(), quote);
            if (signal is null)
            {
                if (label.Label == SpeakerLabel.Named)
                {
                    Miss("speakers.attributed", $"{label.Article}:{label.Start} {label.Speaker}: no named quote over \"{Excerpt(item.Article.Text, quote)}\"");
                }

                continue;
            }

            predicted++;
            if (label.Label == SpeakerLabel.Named && Speakers.Same(signal.Value, label.Speaker))
            {
                correct++;
                namedRight++;
            }
            else
            {
                var expected = label.Label == SpeakerLabel.Named ? label.Speaker : label.Label.ToString();
                Miss("speakers.accuracy", $"{label.Article}:{label.Start} said by {expected}, found \"{signal.Value}\" over \"{Excerpt(item.Article.Text, quote)}\"");
            }
        }

        figures.Add(Figure.Share("quotes.coverage-speech", "Hand-labelled quotations of speech inside a quote finding", speechCovered, speech));
        figures.Add(Figure.Share("speakers.accuracy", "Named-quote findings on labelled quotations naming the right speaker", correct, predicted, 0.95));
        figures.Add(Figure.Share("speakers.attributed", "Labelled quotations of a named speaker attributed to that speaker", namedRight, named));

        // Outlets: the publisher never cites itself; platforms are not outlets.
        var (self, platforms) = (0, 0);
        foreach (var (article, report) in articles)
        {
            foreach (var finding in report.Analysis.Findings.Where(judge.IsOutletFinding))
            {
                var name = OutletJudge.NameOf(finding);
                if (judge.IsPublisher(name, article.Host, null))
                {
                    self++;
                    Miss("outlets.self-citations", $"{article.Id} ({article.Host}) {finding.RuleId}: \"{finding.Excerpt}\"");
                }

                if (judge.IsPlatform(name))
                {
                    platforms++;
                    Miss("outlets.platforms", $"{article.Id} {finding.RuleId} {name}: \"{finding.Excerpt}\"");
                }
            }
        }

        figures.Add(Figure.Errors("outlets.self-citations", "Outlet findings on dev articles naming their own publisher", self));
        figures.Add(Figure.Errors("outlets.platforms", "Outlet findings on dev articles naming a social platform", platforms));

        // Scores: how many articles share the commonest score, and how well the score ranks the
        // mainstream publishers' articles above the hyperpartisan ones (the probability that a
        // random mainstream article outscores a random hyperpartisan one; 0.5 is chance).
        var scores = articles.Select(a => a.Report.Scorecard.Score).ToList();
        var modal = scores.GroupBy(s => s).Max(g => g.Count());
        figures.Add(Figure.Share("scores.modal-share", "Dev articles on the commonest score (lower spreads them better)", modal, scores.Count) with { HigherIsBetter = false });
        var main = articles.Where(a => Mainstream.Contains(OutletJudge.Registrable(a.Article.Host))).Select(a => a.Report.Scorecard.Score).ToList();
        var partisan = articles.Where(a => !Mainstream.Contains(OutletJudge.Registrable(a.Article.Host))).Select(a => a.Report.Scorecard.Score).ToList();
        var wins = main.Sum(m => partisan.Sum(p => m > p ? 1.0 : m == p ? 0.5 : 0));
        var auc = main.Count * partisan.Count == 0 ? 0 : wins / (main.Count * partisan.Count);
        figures.Add(new Figure("scores.mainstream-auc", "Chance a mainstream article outscores a hyperpartisan one", auc, main.Count, partisan.Count, true, Counted: $"{main.Count} vs {partisan.Count}"));
        Miss("scores.mainstream-auc", string.Create(CultureInfo.InvariantCulture, $"mean score: mainstream {main.DefaultIfEmpty().Average():0.0} ({main.Count}), hyperpartisan {partisan.DefaultIfEmpty().Average():0.0} ({partisan.Count})"));
        return (figures, misses);
    }

    /// <summary>The spans of the report's direct-quote signals.</summary>
    public static List<Signal> QuoteSpans(ArticleReport report) =>
        [.. report.Analysis.Signals.Where(s => QuoteSignals.Contains(s.Name))];

    /// <summary>
    /// The signal that covers at least half of <paramref name="quote"/>, the one covering most when
    /// several do; null when none does.
    /// </summary>
    public static Signal? Covering(IReadOnlyList<Signal> signals, TextSpan quote)
    {
        Signal? best = null;
        var most = 0;
        foreach (var signal in signals)
        {
            var overlap = Math.Min(signal.Span.End, quote.End) - Math.Max(signal.Span.Start, quote.Start);
            if (overlap * 2 >= quote.Length && overlap > most)
            {
                (best, most) = (signal, overlap);
            }
        }

        return best;
    }

    private static string Excerpt(string text, TextSpan span)
    {
        var value = text.Substring(span.Start, Math.Min(span.Length, 80)).ReplaceLineEndings(" ");
        return span.Length > 80 ? value + "…" : value;
    }

    /// <summary>
    /// Reads a development article as plain text, with the address it was published at, as an
    /// aggregator or a newsroom tool that knows where its copy came from would pass it.
    /// </summary>
    public static Article Read(DevArticle article) => Article.FromText(article.Text, article.Id + ".txt", article.Uri);
}
