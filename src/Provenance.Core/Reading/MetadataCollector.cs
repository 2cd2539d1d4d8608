using Provenance.Articles;

namespace Provenance.Reading;

/// <summary>Gathers metadata while a reader works; the first value found for a field wins.</summary>
internal sealed class MetadataCollector
{
    public MetadataField? Title { get; set; }

    public List<MetadataField> Authors { get; } = [];

    public MetadataField? Published { get; set; }

    public MetadataField? Modified { get; set; }

    public MetadataField? Dateline { get; set; }

    public MetadataField? CanonicalUrl { get; set; }

    public MetadataField? OriginalUrl { get; set; }

    public MetadataField? SiteName { get; set; }

    public MetadataField? Description { get; set; }

    public MetadataField? DigitalSourceType { get; set; }

    public List<MetadataField> IsBasedOn { get; } = [];

    public List<MetadataField> Citations { get; } = [];

    public List<MetadataField> Tags { get; } = [];

    public void AddAuthor(MetadataField author)
    {
        if (!string.IsNullOrWhiteSpace(author.Value) && !Authors.Any(a => string.Equals(a.Value, author.Value, StringComparison.OrdinalIgnoreCase)))
        {
            Authors.Add(author);
        }
    }

    /// <summary>Adds the author named at <paramref name="name"/> in <paramref name="text"/>, placed in the source through <paramref name="map"/>.</summary>
    public void AddAuthor(string text, Text.TextSpan name, SourceMap map) =>
        AddAuthor(new MetadataField(text.Substring(name.Start, name.Length), map.ToSource(name)));

    public ArticleMetadata Build() => new()
    {
        Title = Title,
        Authors = [.. Authors],
        Published = Published,
        Modified = Modified,
        Dateline = Dateline,
        CanonicalUrl = CanonicalUrl,
        OriginalUrl = OriginalUrl,
        SiteName = SiteName,
        Description = Description,
        DigitalSourceType = DigitalSourceType,
        IsBasedOn = [.. IsBasedOn],
        Citations = [.. Citations],
        Tags = [.. Tags],
    };
}
