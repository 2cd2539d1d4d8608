namespace Provenance.Articles;

/// <summary>What a block of an article is, as a reader recognised it.</summary>
public enum BlockKind
{
    /// <summary>The headline.</summary>
    Title,

    /// <summary>A summary line directly under the headline (dek).</summary>
    Standfirst,

    /// <summary>A section heading inside the article.</summary>
    Heading,

    /// <summary>A paragraph of running text.</summary>
    Paragraph,

    /// <summary>One item of a list.</summary>
    ListItem,

    /// <summary>A block quotation.</summary>
    Quote,

    /// <summary>A line that names the author ("By Jane Doe").</summary>
    Byline,

    /// <summary>A metadata line such as "date 2024-03-21" or "Published: …".</summary>
    Metadata,

    /// <summary>Text in the trailing footer zone: credits, disclaimers, bios, comment forms.</summary>
    Footer,
}

/// <summary>Which part of the page a block sits in.</summary>
public enum Zone
{
    /// <summary>The article itself: title, body and its metadata lines.</summary>
    Main,

    /// <summary>What follows the last body paragraph: credits, notes, bios, comment debris.</summary>
    Footer,
}

/// <summary>The format an article was read from.</summary>
public enum ArticleFormat
{
    /// <summary>Plain text.</summary>
    Text,

    /// <summary>Markdown, possibly with front matter.</summary>
    Markdown,

    /// <summary>An HTML page.</summary>
    Html,

    /// <summary>A Word document (.docx): the text of its paragraphs.</summary>
    Docx,
}

/// <summary>Format names as rule files and hosts write them.</summary>
public static class ArticleFormats
{
    /// <summary>The names: text, markdown, html.</summary>
    public static IReadOnlyList<string> Names => Reading.ArticleReaders.Names;

    /// <summary>The format a name stands for (its name exactly, as files write it), or null.</summary>
    public static ArticleFormat? TryParse(string name) => Reading.ArticleReaders.Named(name) is { } reader && reader.Name == name ? reader.Format : null;
}
