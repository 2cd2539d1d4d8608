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

    /// <summary>
    /// For a format whose files are not text (a Word document): the article's text from the file's
    /// bytes, throwing <see cref="InvalidDataException"/> with the reason when they are not such a
    /// file. Null for text formats, whose bytes are decoded (<see cref="TextDecoder"/>).
    /// </summary>
    public Func<byte[], string>? Extract { get; init; }

    /// <summary>Whether the format has comments, where inline <c>provenance-disable</c> directives go; without, a directive is a line of its own.</summary>
    public bool HasComments { get; init; }

    /// <summary>Whether <c>fix</c> may rewrite files of this format (text it can write back as it read it).</summary>
    public bool Fixable { get; init; } = true;
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
        new(ArticleFormat.Markdown, "markdown", ["md"], [".md", ".markdown"], ["text/markdown", "text/x-markdown"], MarkdownReader.Read) { HasComments = true },

        // A page may declare its character set; about a fifth of a saved news page is its text.
        new(ArticleFormat.Html, "html", ["htm"], [".html", ".htm"], ["text/html"], Html.HtmlReader.Read) { DeclaresCharset = true, TextShare = 0.2, HasComments = true },

        // A zip of XML: its text is about a third of its bytes; it is not text fix can rewrite.
        new(ArticleFormat.Docx, "docx", ["word"], [".docx"], ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"], DocxReader.Read) { Extract = DocxReader.Extract, TextShare = 0.3, Fixable = false },
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

    /// <summary>
    /// The text of a file of this format from its bytes: decoded for a text format (honouring a
    /// declared character set where the format has one), extracted for a document format; null
    /// with the <paramref name="problem"/> when the bytes are not such a file.
    /// </summary>
    public static string? Decode(byte[] bytes, ArticleFormat format, out string? problem)
    {
        var reader = For(format);
        if (reader.Extract is null)
        {
            return TextDecoder.Decode(bytes, out problem, reader.DeclaresCharset);
        }

        try
        {
            problem = null;
            return reader.Extract(bytes);
        }
        catch (InvalidDataException ex)
        {
            problem = ex.Message;
            return null;
        }
    }

    /// <summary>The names as a sentence lists them: "text, markdown or html".</summary>
    public static string NamesInWords => InWords(Names);

    /// <summary>Names as a sentence lists them: "a, b or c".</summary>
    internal static string InWords(IReadOnlyList<string> names) => names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

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
