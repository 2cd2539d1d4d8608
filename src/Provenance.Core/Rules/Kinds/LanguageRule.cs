using Provenance.Analysis;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Fires once for the whole article when its text (outside the headline and headings) is not in
/// the <c>expected</c> language. The rules that read sourcing know English words ("said",
/// "according to", titles): in French or Chinese they find nothing, and a rule waiting for their
/// signals (<c>absence</c>) lists this rule's signal in its <c>unlessSignals</c>, so that their
/// silence is not read as an article that names no one. The finding tells the reader why.
/// </summary>
public sealed class LanguageRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["expected"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("language", Keys, (common, reader, _) => Create(common, reader), _ => 1);

    // The languages the checker can tell: English from anything else (Attribution.EnglishText).
    private static readonly IReadOnlyCollection<string> Languages = ["en"];

    private LanguageRule(RuleCommon common, string expected)
        : base(common)
    {
        Expected = expected;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    /// <summary>The language the article's text is expected in ("en").</summary>
    public string Expected { get; }

    internal static LanguageRule? Create(RuleCommon common, ObjectReader reader) =>
        reader.OneOf("expected", Languages, required: true) is { } expected ? new LanguageRule(common, expected) : null;

    internal override void Run(RuleContext context)
    {
        if (!context.IsEnglish)
        {
            context.ReportArticle([Expected]);
        }
    }
}
