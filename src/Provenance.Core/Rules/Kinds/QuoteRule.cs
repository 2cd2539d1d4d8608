using System.Collections.Immutable;
using Provenance.Analysis;
using Provenance.Attribution;
using Provenance.Json;
using Provenance.Text;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Reports the article's quotations by who said them, or the statements it attributes by name
/// without quoting: the article is read once for every quote rule with the same word lists
/// (<see cref="QuoteAnalysis"/>), and each rule reports one kind of attribution (<c>report</c>):
/// <c>named</c> (a named person or organisation), <c>unnamed</c> (a described speaker, "a senior
/// official"), <c>unattributed</c> (a quotation of at least <c>minWords</c> words with no verb of
/// saying or name near it; titles in quotation marks are left out), <c>unresolved</c> (one whose
/// speaker is near it but could not be read) or <c>paraphrase</c> ("Pelosi
/// said Thursday that…", in a sentence that quotes no one). Arguments: {0} the speaker at their
/// fullest ("Donald Trump" for "Trump", "Mr. Trump" and "he"), {1} the quoted words, shortened, {2}
/// what tied them to the speaker ("said", "he said", "continues the quotation before").
/// </summary>
public sealed class QuoteRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["report", "minWords", "verbs", "titles", "unnamedSpeakers", "maxPerBlock"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("quote", Keys, (common, reader, _) => Create(common, reader), _ => 3);

    private static readonly IReadOnlyCollection<string> ReportKinds = ["named", "unnamed", "unattributed", "unresolved", "paraphrase"];

    private const int ExcerptLength = 80;

    private QuoteRule(RuleCommon common, string report, int minWords, AttributionLexicon lexicon, int maxPerBlock)
        : base(common)
    {
        Report = report;
        MinWords = minWords;
        Lexicon = lexicon;
        MaxPerBlock = maxPerBlock;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    /// <summary>Which attributions the rule reports: named, unnamed, unattributed or paraphrase.</summary>
    public string Report { get; }

    /// <summary>The fewest words an unattributed quotation needs to be reported (shorter ones are mostly scare quotes).</summary>
    public int MinWords { get; }

    /// <summary>The word lists the rule reads attributions with.</summary>
    public AttributionLexicon Lexicon { get; }

    /// <summary>The most findings reported in one block.</summary>
    public int MaxPerBlock { get; }

    internal static QuoteRule? Create(RuleCommon common, ObjectReader reader)
    {
        var report = reader.OneOf("report", ReportKinds, required: true);
        var minWords = reader.Integer("minWords", min: 1, max: 100) ?? 4;
        var maxPerBlock = reader.Integer("maxPerBlock", min: 1) ?? int.MaxValue;
        var verbs = reader.Strings("verbs");
        var titles = reader.Strings("titles");
        var unnamed = reader.Strings("unnamedSpeakers");
        for (var i = 0; i < verbs.Length; i++)
        {
            if (verbs[i].Split(' ', StringSplitOptions.RemoveEmptyEntries) is not { Length: 4 } forms || forms.Any(f => !f.All(c => char.IsLower(c) || c == '-')))
            {
                reader.Context.Error(reader.ItemPath("verbs", i), $"expected a verb's four forms in lower case, \"base third-person past participle\" (\"shrug shrugs shrugged shrugging\"); found \"{verbs[i]}\"");
            }
        }

        var lexicon = verbs.IsEmpty && titles.IsEmpty && unnamed.IsEmpty
            ? AttributionLexicon.Default
            : AttributionLexicon.Create(verbs, titles, unnamed);
        return report is null ? null : new QuoteRule(common, report, minWords, lexicon, maxPerBlock);
    }

    internal override void Run(RuleContext context)
    {
        var analysis = context.Quotes(Lexicon);
        var blocks = context.Article.Blocks;
        if (Report == "paraphrase")
        {
            var (block, count) = (-1, 0);
            foreach (var paraphrase in analysis.Paraphrases)
            {
                (block, count) = paraphrase.Block == block ? (block, count + 1) : (paraphrase.Block, 1);
                if (count <= MaxPerBlock && context.InScope(paraphrase.Block))
                {
                    context.Report(blocks[paraphrase.Block].Map.ToSource(paraphrase.Span), [paraphrase.Speaker, string.Empty, string.Empty]);
                }
            }

            return;
        }

        var (last, reported) = (-1, 0);
        foreach (var quote in analysis.Quotes)
        {
            if (!Includes(quote) || !context.InScope(quote.Block))
            {
                continue;
            }

            (last, reported) = quote.Block == last ? (last, reported + 1) : (quote.Block, 1);
            if (reported > MaxPerBlock)
            {
                continue;
            }

            var text = blocks[quote.Block].Text;
            context.Report(blocks[quote.Block].Map.ToSource(quote.Span), [quote.Speaker, Excerpt(text, quote), quote.Cue]);
        }
    }

    private bool Includes(AttributedQuote quote) => Report switch
    {
        "named" => quote.Source == QuoteSource.Named,
        "unnamed" => quote.Source == QuoteSource.Unnamed,
        "unresolved" => quote.Source == QuoteSource.Unresolved && quote.Words >= MinWords && !quote.TitleLike,
        _ => quote.Source == QuoteSource.Unattributed && quote.Words >= MinWords && !quote.TitleLike,
    };

    // The quoted words without their marks, cut at a word near the excerpt's length.
    private static string Excerpt(string text, AttributedQuote quote)
    {
        var inner = text.AsSpan(quote.Span.Start, quote.Span.Length).Trim().Trim("\"“”„«»").Trim();
        if (inner.Contains('â') || inner.Contains('Â'))
        {
            // Copy whose UTF-8 was read as Latin-1 or Windows-1252 shows "â€œ" or "â" and two
            // control characters for each curly mark: the message shows the words as written.
            inner = Repaired(inner.ToString()).AsSpan().Trim().Trim("\"“”„«»").Trim();
        }

        if (inner.Length <= ExcerptLength)
        {
            return inner.ToString().ReplaceLineEndings(" ");
        }

        var cut = inner[..ExcerptLength].LastIndexOf(' ');
        // Not through a character of two UTF-16 units (an emoji), as RuleSet.Excerpt does not.
        var at = cut > ExcerptLength / 2 ? cut : Utf16Text.CutBefore(inner, ExcerptLength);
        return string.Concat(inner[..at], "…").ReplaceLineEndings(" ");
    }

    // The punctuation of mis-decoded UTF-8 put back: each mark's three bytes read as Latin-1
    // ("â" and two C1 control characters) or as Windows-1252 ("â€œ", "â€™").
    private static string Repaired(string text) => text
        .Replace("â\u0080\u009c", "“", StringComparison.Ordinal).Replace("â\u0080\u009d", "”", StringComparison.Ordinal)
        .Replace("â\u0080\u0098", "‘", StringComparison.Ordinal).Replace("â\u0080\u0099", "’", StringComparison.Ordinal)
        .Replace("â\u0080\u0094", "—", StringComparison.Ordinal).Replace("â\u0080\u0093", "–", StringComparison.Ordinal)
        .Replace("â\u0080¦", "…", StringComparison.Ordinal).Replace("â€œ", "“", StringComparison.Ordinal)
        .Replace("â€\u009d", "”", StringComparison.Ordinal).Replace("â€˜", "‘", StringComparison.Ordinal)
        .Replace("â€™", "’", StringComparison.Ordinal).Replace("â€”", "—", StringComparison.Ordinal)
        .Replace("â€“", "–", StringComparison.Ordinal).Replace("â€¦", "…", StringComparison.Ordinal)
        .Replace("Â\u00a0", " ", StringComparison.Ordinal);
}
