using System.Collections.Immutable;
using Provenance.Articles;

namespace Provenance.Analysis;

/// <summary>An outlet the article names, and whether a link backs the citation.</summary>
/// <param name="Name">The outlet's name.</param>
/// <param name="Linked">Whether a hyperlink covers the citation.</param>
/// <param name="Rating">How the outlet is rated and by whom.</param>
/// <param name="Line">The line of its first citation.</param>
public sealed record OutletFact(string Name, bool Linked, string? Rating, int Line);

/// <summary>
/// What an editor wants to know about an article's provenance at a glance, gathered from its
/// signals and metadata: where it came from, who it cites and how, what it discloses, what pads it.
/// </summary>
/// <param name="OriginalSource">The credited original source, if any.</param>
/// <param name="OriginalSourceRating">How that source is rated and by whom.</param>
/// <param name="Outlets">Outlets cited, in order of first citation.</param>
/// <param name="QuotedPeople">Named people quoted directly.</param>
/// <param name="ParaphrasedPeople">Named people reported without a quote.</param>
/// <param name="AnonymousAttributions">Anonymous sources and anonymous quotes.</param>
/// <param name="VagueAttributions">Attributions to unnamed groups or to nobody.</param>
/// <param name="AiDisclosures">What AI disclosures cover: text, image, media.</param>
/// <param name="ChatbotText">Whether chatbot text was left in.</param>
/// <param name="Promotions">Promotional, sponsored and press-release material found.</param>
/// <param name="Authors">Named authors.</param>
/// <param name="Published">The publication date, yyyy-MM-dd where known.</param>
public sealed record ProvenanceFacts(
    string? OriginalSource,
    string? OriginalSourceRating,
    ImmutableArray<OutletFact> Outlets,
    ImmutableArray<string> QuotedPeople,
    ImmutableArray<string> ParaphrasedPeople,
    int AnonymousAttributions,
    int VagueAttributions,
    ImmutableArray<string> AiDisclosures,
    bool ChatbotText,
    ImmutableArray<string> Promotions,
    ImmutableArray<string> Authors,
    string? Published)
{
    private static readonly string[] PromotionSignals = ["promotion", "crypto-promotion", "sponsored", "sponsored-link", "press-release", "affiliate-disclosure", "investment-disclaimer", "press-contact"];

    /// <summary>Gathers the facts of an analysed article.</summary>
    public static ProvenanceFacts From(Article article, AnalysisResult analysis)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(analysis);
        var signals = analysis.Signals;

        // The rating is the finding's second argument; asked for a few signals, so no index is built.
        string? Rating(Signal s)
        {
            foreach (var f in analysis.Findings)
            {
                if (f.Span == s.Span && f.RuleId == s.RuleId)
                {
                    return f.Arguments.Length >= 4 ? f.Arguments[1] : null;
                }
            }

            return null;
        }

        var original = signals.FirstOrDefault(s => s.Name is "original-source" or "original-source-unreliable" or "based-on-declared");
        var linked = signals.Where(s => s.Name == "outlet-linked").Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        var outlets = signals
            .Where(s => s.Name is "outlet-cited" or "unreliable-outlet" or "outlet-linked")
            .GroupBy(s => s.Value, StringComparer.Ordinal)
            .Select(g => new OutletFact(g.Key, linked.Contains(g.Key), g.Select(Rating).FirstOrDefault(r => r is not null), g.First().Location.Start.Line))
            .ToImmutableArray();

        return new ProvenanceFacts(
            original?.Value,
            original is null ? null : Rating(original),
            outlets,
            Distinct(signals.Where(s => s.Name == "named-quote")),
            Distinct(signals.Where(s => s.Name == "named-paraphrase")),
            signals.Count(s => s.Name is "anonymous-source" or "anonymous-quote"),
            signals.Count(s => s.Name == "vague-attribution"),
            [.. signals.Select(s => s.Name switch
            {
                "ai-disclosure-text" => "text",
                "ai-disclosure-image" => "image",
                "ai-disclosure-media" => "media",
                _ => null,
            }).OfType<string>().Distinct()],
            signals.Any(s => s.Name == "chatbot-leak"),
            Distinct(signals.Where(s => PromotionSignals.Contains(s.Name))),
            [.. article.Metadata.Authors.Select(a => a.Value)],
            article.Metadata.Published?.Value);
    }

    private static ImmutableArray<string> Distinct(IEnumerable<Signal> signals) =>
        [.. signals.Select(s => s.Value).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
}
