using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>Fires when a metadata field (author, published date, dateline, title) is present, or when it is missing.</summary>
public sealed class MetadataRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["field", "when"];
    private static readonly IReadOnlyCollection<string> Fields = ["author", "published", "dateline", "title", "canonicalUrl", "siteName"];
    private static readonly IReadOnlyCollection<string> Conditions = ["present", "missing"];

    private MetadataRule(RuleCommon common, string field, bool whenPresent)
        : base(common)
    {
        Field = field;
        WhenPresent = whenPresent;
    }

    /// <inheritdoc/>
    public override string Kind => "metadata";

    /// <summary>The metadata field the rule looks at.</summary>
    public string Field { get; }

    /// <summary>Whether the rule fires when the field is present (otherwise when it is missing).</summary>
    public bool WhenPresent { get; }

    internal static MetadataRule? Create(RuleCommon common, ObjectReader reader)
    {
        var field = reader.OneOf("field", Fields, required: true);
        var when = reader.OneOf("when", Conditions, required: true);
        return field is null || when is null ? null : new MetadataRule(common, field, when == "present");
    }

    internal override void Run(RuleContext context)
    {
        var metadata = context.Article.Metadata;
        IEnumerable<MetadataField?> values = Field switch
        {
            "author" => metadata.Authors.Cast<MetadataField?>(),
            "published" => [metadata.Published],
            "dateline" => [metadata.Dateline],
            "title" => [metadata.Title],
            "canonicalUrl" => [metadata.CanonicalUrl],
            _ => [metadata.SiteName],
        };

        var present = values.OfType<MetadataField>().ToList();
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
