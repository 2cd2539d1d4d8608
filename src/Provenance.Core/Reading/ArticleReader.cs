using System.Collections.Immutable;
using Provenance.Articles;

namespace Provenance.Reading;

/// <summary>
/// One format of article and how it is read: the names hosts and files give it, the file
/// extensions and media types that mean it, and the reading itself. Every host takes a format's
/// identity from here (<see cref="ArticleReaders"/>): file discovery and <c>--type</c>,
/// <c>--stdin-format</c>, the service's content types and <c>format</c> names, rule documentation.
/// </summary>
/// <param name="Format">The format this reader reads.</param>
/// <param name="Name">The format's name in reports, configuration and options (<c>text</c>).</param>
/// <param name="Aliases">Other names hosts accept for it (<c>txt</c>, <c>plain</c>).</param>
/// <param name="Extensions">File extensions read in this format, with their dot, the usual one first.</param>
/// <param name="MediaTypes">Media types read in this format, the usual one first.</param>
/// <param name="Read">Reads an article from its decoded text, the name findings are reported against, and where it was published (never fetched).</param>
public sealed record ArticleReader(
    ArticleFormat Format,
    string Name,
    ImmutableArray<string> Aliases,
    ImmutableArray<string> Extensions,
    ImmutableArray<string> MediaTypes,
    Func<string, string, Uri?, Article> Read)
{
    /// <summary>
    /// Whether the content may declare its own character set (an HTML page's <c>&lt;meta charset&gt;</c>),
    /// which decoding its bytes then honours.
    /// </summary>
    public bool DeclaresCharset { get; init; }

    /// <summary>About how much of a file in this format is article text, for estimating a run's work before reading it (markup is not).</summary>
    public double TextShare { get; init; } = 1;
}

/// <summary>
/// The readers, one per <see cref="ArticleFormat"/>: adding a format is its value in the enum, its
/// reader's file, and its registration here. (Registered here rather than beside each reader, so
/// that naming a format does not initialise its reader: a plain-text run never sets up HTML parsing.)
/// </summary>
public static class ArticleReaders
{
    /// <summary>Every reader, in the order formats are listed to users.</summary>
    public static ImmutableArray<ArticleReader> All { get; } =
    [
        new(ArticleFormat.Text, "text", ["txt", "plain"], [".txt", ".text"], ["text/plain"], PlainTextReader.Read),
        new(ArticleFormat.Markdown, "markdown", ["md"], [".md", ".markdown"], ["text/markdown", "text/x-markdown"], MarkdownReader.Read),

        // A page may declare its character set; about a fifth of a saved news page is its text.
        new(ArticleFormat.Html, "html", ["htm"], [".html", ".htm"], ["text/html"], Html.HtmlReader.Read) { DeclaresCharset = true, TextShare = 0.2 },
    ];

    // Three readers: looked up by scanning, which needs no generic dictionary compiled at start-up
    // (the installed tool runs without tiered compilation, so each new instantiation costs a one-file check).
    private static readonly ArticleReader[] ByFormat = [.. All.OrderBy(r => (int)r.Format)];

    /// <summary>The formats' names, as reports and options write them.</summary>
    public static ImmutableArray<string> Names { get; } = [.. All.Select(r => r.Name)];

    /// <summary>Every file extension a reader takes, and the format it is read as.</summary>
    public static IReadOnlyDictionary<string, ArticleFormat> Extensions { get; } = ExtensionTable();

    /// <summary>The reader of a format.</summary>
    public static ArticleReader For(ArticleFormat format) => ByFormat[(int)format];

    /// <summary>The reader a name or alias stands for (any case), or null.</summary>
    public static ArticleReader? Named(string name)
    {
        foreach (var reader in All)
        {
            if (string.Equals(reader.Name, name, StringComparison.OrdinalIgnoreCase) || reader.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return reader;
            }
        }

        return null;
    }

    /// <summary>The reader of a media type (no parameters, any case), or null.</summary>
    public static ArticleReader? ForMediaType(string mediaType)
    {
        foreach (var reader in All)
        {
            if (reader.MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            {
                return reader;
            }
        }

        return null;
    }

    /// <summary>The names as a sentence lists them: "text, markdown or html".</summary>
    public static string NamesInWords => string.Join(", ", Names[..^1]) + " or " + Names[^1];

    private static Dictionary<string, ArticleFormat> ExtensionTable()
    {
        var table = new Dictionary<string, ArticleFormat>(StringComparer.OrdinalIgnoreCase);
        foreach (var reader in All)
        {
            foreach (var extension in reader.Extensions)
            {
                table.Add(extension, reader.Format);
            }
        }

        return table;
    }
}
