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
    /// <summary>The placeholder of a report analysed but not yet scored (<see cref="ProvenanceChecker.Analyze"/>).</summary>
    internal static ProvenanceFacts Pending { get; } = new(null, null, [], [], [], 0, 0, [], false, [], [], null);

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

        // One pass over the signals, keeping first-seen order everywhere (outlets, quotes, kinds):
        // this runs for every article, cached ones included.
        Signal? original = null;
        var outlets = new List<OutletFact>();
        List<string>? quoted = null, paraphrased = null, aiKinds = null, promotion = null;
        int anonymous = 0, vague = 0;
        var chatbot = false;
        foreach (var s in signals)
        {
            switch (s.Name)
            {
                case "original-source" or "original-source-unreliable" or "based-on-declared":
                    original ??= s;
                    break;
                case "outlet-cited" or "unreliable-outlet" or "outlet-linked":
                    var at = outlets.FindIndex(o => o.Name == s.Value);
                    if (at < 0)
                    {
                        at = outlets.Count;
                        outlets.Add(new OutletFact(s.Value, false, null, s.Location.Start.Line));
                    }

                    var outlet = outlets[at];
                    outlets[at] = outlet with { Linked = outlet.Linked || s.Name == "outlet-linked", Rating = outlet.Rating ?? Rating(s) };
                    break;
                case "named-quote":
                    AddDistinct(ref quoted, s.Value);
                    break;
                case "named-paraphrase":
                    AddDistinct(ref paraphrased, s.Value);
                    break;
                case "anonymous-source" or "anonymous-quote":
                    anonymous++;
                    break;
                case "vague-attribution":
                    vague++;
                    break;
                case "ai-disclosure-text":
                    AddDistinct(ref aiKinds, "text");
                    break;
                case "ai-disclosure-image":
                    AddDistinct(ref aiKinds, "image");
                    break;
                case "ai-disclosure-media":
                    AddDistinct(ref aiKinds, "media");
                    break;
                case "chatbot-leak":
                    chatbot = true;
                    break;
            }

            if (Array.IndexOf(PromotionSignals, s.Name) >= 0)
            {
                AddDistinct(ref promotion, s.Value);
            }
        }

        return new ProvenanceFacts(
            original?.Value,
            original is null ? null : Rating(original),
            [.. outlets],
            Frozen(quoted),
            Frozen(paraphrased),
            anonymous,
            vague,
            Frozen(aiKinds),
            chatbot,
            Frozen(promotion),
            [.. article.Metadata.Authors.Select(a => a.Value)],
            article.Metadata.Published?.Value);
    }

    private static void AddDistinct(ref List<string>? values, string value)
    {
        if (value.Length > 0 && !(values ??= []).Contains(value, StringComparer.Ordinal))
        {
            values.Add(value);
        }
    }

    private static ImmutableArray<string> Frozen(List<string>? values) => values is null ? [] : [.. values];
}
