using System.Collections.Immutable;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>Fires when a metadata field (author, published date, dateline, title) is present, or when it is missing.</summary>
public sealed class MetadataRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["field", "when", "matches", "credits"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("metadata", Keys, Create, _ => 1);
    private static readonly IReadOnlyCollection<string> Credits = ["any", "person", "house"];
    private static readonly IReadOnlyCollection<string> Fields =
        ["author", "published", "modified", "dateline", "title", "canonicalUrl", "originalUrl", "siteName", "description", "isBasedOn", "citation", "digitalSourceType", "tags"];
    private static readonly IReadOnlyCollection<string> Conditions = ["present", "missing"];

    private MetadataRule(RuleCommon common, string field, bool whenPresent, ImmutableArray<System.Text.RegularExpressions.Regex> matches, string credits)
        : base(common)
    {
        Field = field;
        WhenPresent = whenPresent;
        Matches = matches;
        CreditsOnly = credits;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    /// <summary>The metadata field the rule looks at.</summary>
    public string Field { get; }

    /// <summary>Whether the rule fires when the field is present (otherwise when it is missing).</summary>
    public bool WhenPresent { get; }

    /// <summary>When not empty, only values matching one of these count as present.</summary>
    public ImmutableArray<System.Text.RegularExpressions.Regex> Matches { get; }

    /// <summary>
    /// For authors: <c>any</c>; <c>person</c>, only credits that name people; <c>house</c>, only
    /// credits to the publisher itself, an outlet or a desk ("BBC News", "AFP", "TMZ Staff").
    /// </summary>
    public string CreditsOnly { get; }

    internal static MetadataRule? Create(RuleCommon common, ObjectReader reader, RuleLimits limits)
    {
        var field = reader.OneOf("field", Fields, required: true);
        var when = reader.OneOf("when", Conditions, required: true);
        var matches = PatternList.Compile(reader, "matches", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, limits);
        var credits = reader.Has("credits") ? reader.OneOf("credits", Credits) : "any";
        return field is null || when is null || credits is null ? null : new MetadataRule(common, field, when == "present", matches, credits);
    }

    internal override IEnumerable<System.Text.RegularExpressions.Regex> UnscreenedExpressions => Matches;

    internal override void Run(RuleContext context)
    {
        var metadata = context.Article.Metadata;
        IEnumerable<MetadataField?> values = Field switch
        {
            "author" => metadata.Authors.Cast<MetadataField?>(),
            "published" => [metadata.Published],
            "modified" => [metadata.Modified],
            "dateline" => [metadata.Dateline],
            "title" => [metadata.Title],
            "canonicalUrl" => [metadata.CanonicalUrl],
            "originalUrl" => [metadata.OriginalUrl],
            "description" => [metadata.Description],
            "isBasedOn" => metadata.IsBasedOn.Cast<MetadataField?>(),
            "citation" => metadata.Citations.Cast<MetadataField?>(),
            "digitalSourceType" => [metadata.DigitalSourceType],
            "tags" => metadata.Tags.Cast<MetadataField?>(),
            _ => [metadata.SiteName],
        };

        var present = values.OfType<MetadataField>().Where(v => Matches.IsEmpty || Matches.Any(m => m.IsMatch(v.Value))).ToList();
        if (Field == "author" && CreditsOnly != "any")
        {
            var house = CreditsOnly == "house";
            present.RemoveAll(v => HouseCredit.Is(v.Value, context.Registry) != house);
        }

        if (!WhenPresent)
        {
            if (present.Count == 0)
            {
                context.ReportArticle([Field]);
            }

            return;
        }

        foreach (var value in present)
        {
            if (value.Span is { } span)
            {
                context.Report(span, [value.Value]);
            }
            else
            {
                context.ReportArticle([value.Value]);
            }
        }
    }
}
