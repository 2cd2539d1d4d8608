using System.Collections.Immutable;
using Provenance.Text;

namespace Provenance.Articles;

/// <summary>
/// An article as the engine sees it: the original text kept verbatim, the blocks a reader found in
/// it (each mapped back to the original), and its metadata. Immutable; build one with a reader.
/// </summary>
public sealed class Article
{
    /// <summary>Creates an article from a reader's output.</summary>
    public Article(string path, ArticleFormat format, SourceText source, ImmutableArray<Block> blocks, ArticleMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(metadata);
        Path = path;
        Format = format;
        Source = source;
        Blocks = blocks.IsDefault ? [] : blocks;
        Metadata = metadata;
    }

    /// <summary>Where the article came from, as the host names it (a relative path, a URI, or "-").</summary>
    public string Path { get; }

    /// <summary>The format it was read from.</summary>
    public ArticleFormat Format { get; }

    /// <summary>The original text with its line index.</summary>
    public SourceText Source { get; }

    /// <summary>The blocks in document order.</summary>
    public ImmutableArray<Block> Blocks { get; }

    /// <summary>Title, authors, date and other metadata.</summary>
    public ArticleMetadata Metadata { get; }

    /// <summary>Reads a plain-text article.</summary>
    public static Article FromText(string text, string path = "-") => Reading.PlainTextReader.Read(text, path);
}
