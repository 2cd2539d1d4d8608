using System.Collections.Immutable;
using Provenance.Text;

namespace Provenance.Articles;

/// <summary>One metadata value and, when it was read from the article's text, where.</summary>
/// <param name="Value">The value, normalised (a date as yyyy-MM-dd where it could be parsed).</param>
/// <param name="Span">Where in the original file it was read; <see langword="null"/> when it came from elsewhere.</param>
public sealed record MetadataField(string Value, TextSpan? Span);

/// <summary>What is known about an article beyond its text.</summary>
public sealed record ArticleMetadata
{
    /// <summary>An article with no metadata.</summary>
    public static ArticleMetadata Empty { get; } = new();

    /// <summary>The headline.</summary>
    public MetadataField? Title { get; init; }

    /// <summary>Named authors, in order of appearance.</summary>
    public ImmutableArray<MetadataField> Authors { get; init; } = [];

    /// <summary>The publication date.</summary>
    public MetadataField? Published { get; init; }

    /// <summary>A wire-style dateline place ("WASHINGTON").</summary>
    public MetadataField? Dateline { get; init; }

    /// <summary>The canonical or original URL.</summary>
    public MetadataField? CanonicalUrl { get; init; }

    /// <summary>The publishing site's name.</summary>
    public MetadataField? SiteName { get; init; }

    /// <summary>The date the article was last modified.</summary>
    public MetadataField? Modified { get; init; }

    /// <summary>The summary the publisher gives (meta description, front matter description).</summary>
    public MetadataField? Description { get; init; }

    /// <summary>Where the text was first published, when it declares a different origin (front matter original_url).</summary>
    public MetadataField? OriginalUrl { get; init; }

    /// <summary>Works the article declares it is based on (schema.org isBasedOn).</summary>
    public ImmutableArray<MetadataField> IsBasedOn { get; init; } = [];

    /// <summary>Works the article declares it cites (schema.org citation).</summary>
    public ImmutableArray<MetadataField> Citations { get; init; } = [];

    /// <summary>The IPTC digital source type declared for the article or its media (trainedAlgorithmicMedia…).</summary>
    public MetadataField? DigitalSourceType { get; init; }

    /// <summary>Tags or keywords.</summary>
    public ImmutableArray<MetadataField> Tags { get; init; } = [];
}
