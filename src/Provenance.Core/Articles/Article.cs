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
        : this(path, format, source, blocks, metadata, [], [])
    {
    }

    /// <summary>Creates an article from a reader's output, with its links and any problems met while reading.</summary>
    public Article(string path, ArticleFormat format, SourceText source, ImmutableArray<Block> blocks, ArticleMetadata metadata, ImmutableArray<Link> links, ImmutableArray<ReadIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(metadata);
        Path = path;
        Format = format;
        Source = source;
        Blocks = blocks.IsDefault ? [] : blocks;
        Metadata = metadata;
        Links = links.IsDefault ? [] : links;
        Issues = issues.IsDefault ? [] : issues;
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

    /// <summary>Hyperlinks in the kept text, in document order.</summary>
    public ImmutableArray<Link> Links { get; }

    /// <summary>Problems the reader met that did not stop it.</summary>
    public ImmutableArray<ReadIssue> Issues { get; }

    /// <summary>
    /// Where the host says the article is published, when it says: it resolves relative links and
    /// tells the rules who the publisher is (an outlet never cites itself). Never fetched.
    /// </summary>
    public Uri? Uri { get; init; }

    /// <summary>Reads a plain-text article.</summary>
    /// <param name="text">The article's text.</param>
    /// <param name="path">How the host names it.</param>
    /// <param name="uri">Where it is published, which names its publisher; never fetched.</param>
    public static Article FromText(string text, string path = "-", Uri? uri = null) => Reading.PlainTextReader.Read(text, path, uri);

    /// <summary>Reads a Markdown article, with YAML front matter when present.</summary>
    /// <param name="markdown">The article's Markdown.</param>
    /// <param name="path">How the host names it.</param>
    /// <param name="uri">Where it is published, for resolving relative links and naming its publisher; never fetched.</param>
    public static Article FromMarkdown(string markdown, string path = "-", Uri? uri = null) => Reading.MarkdownReader.Read(markdown, path, uri);

    /// <summary>Reads an HTML page: its main content, the zones that matter for provenance, metadata and links.</summary>
    /// <param name="html">The page, already decoded.</param>
    /// <param name="path">How the host names the page.</param>
    /// <param name="uri">The page's address, for resolving relative links and naming its publisher; never fetched.</param>
    public static Article FromHtml(string html, string path = "-", Uri? uri = null) => Reading.Html.HtmlReader.Read(html, path, uri);

    /// <summary>Reads an article in the given format.</summary>
    public static Article Read(string text, ArticleFormat format, string path = "-", Uri? uri = null) => Reading.ArticleReaders.For(format).Read(text, path, uri);
}
