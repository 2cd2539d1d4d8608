using System.IO.Compression;
using System.Text;
using System.Xml;
using Provenance.Articles;

namespace Provenance.Reading;

/// <summary>
/// Reads Word documents (<c>.docx</c>, Office Open XML): the text of their paragraphs, in order, one
/// paragraph to a block of lines with a blank line between, read as plain text is. Findings are
/// placed by line and column in that text, which <c>provenance show</c> prints. Tracked deletions are
/// left out, tracked insertions kept; the document's own properties (its "author" is whoever made
/// the file) are not read as a byline.
/// </summary>
public static class DocxReader
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    // A document's XML far past any article: a zip bomb stops here rather than filling memory.
    private const long MaxDocumentXmlBytes = 64L * 1024 * 1024;

    /// <summary>The text of a Word document's paragraphs, each separated from the next by a blank line.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a Word document; the message says why.</exception>
    public static string Extract(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new InvalidDataException("not a Word document (.docx files are zip archives; this is not one)");
        }

        using (zip)
        {
            var entry = zip.GetEntry("word/document.xml") ?? throw new InvalidDataException("not a Word document (the archive has no word/document.xml)");
            if (entry.Length > MaxDocumentXmlBytes)
            {
                throw new InvalidDataException($"the document's text is {entry.Length / 1048576.0:0} MB unpacked, more than an article holds; it was not read");
            }

            using var stream = entry.Open();
            try
            {
                return Paragraphs(stream);
            }
            catch (XmlException ex)
            {
                throw new InvalidDataException($"not a Word document (word/document.xml is not well-formed: {ex.Message})");
            }
        }
    }

    /// <summary>Reads the text <see cref="Extract"/> gave as an article (as plain text is read, in the Word format).</summary>
    /// <param name="text">The document's text.</param>
    /// <param name="path">How the host names the document.</param>
    /// <param name="uri">Where it is published, when the host knows; never fetched.</param>
    public static Article Read(string text, string path = "-", Uri? uri = null)
    {
        var plain = PlainTextReader.Read(text, path, uri);
        return new Article(plain.Path, ArticleFormat.Docx, plain.Source, plain.Blocks, plain.Metadata, plain.Links, plain.Issues) { Uri = plain.Uri };
    }

    private static string Paragraphs(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, MaxCharactersInDocument = MaxDocumentXmlBytes };
        using var xml = XmlReader.Create(stream, settings);
        var text = new StringBuilder();
        var paragraph = new StringBuilder();
        var deleted = 0;
        var inText = false;
        while (xml.Read())
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
            {
                if (inText && deleted == 0)
                {
                    paragraph.Append(xml.Value.ReplaceLineEndings(" "));
                }

                continue;
            }

            if (xml.NamespaceURI != WordNamespace)
            {
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element && !xml.IsEmptyElement)
            {
                deleted += xml.LocalName == "del" ? 1 : 0;
                inText |= xml.LocalName == "t";
            }
            else if (xml.NodeType == XmlNodeType.Element)
            {
                // Empty elements: a tab or a line break inside a run.
                paragraph.Append(xml.LocalName switch { "tab" => "\t", "br" or "cr" => "\n", _ => string.Empty });
            }
            else if (xml.NodeType == XmlNodeType.EndElement)
            {
                switch (xml.LocalName)
                {
                    case "del":
                        deleted--;
                        break;
                    case "t":
                        inText = false;
                        break;
                    case "p":
                        var line = paragraph.ToString().Trim();
                        paragraph.Clear();
                        if (line.Length > 0)
                        {
                            text.Append(line).Append("\n\n");
                        }

                        break;
                }
            }
        }

        return text.Length == 0 ? string.Empty : text.ToString(0, text.Length - 1);
    }
}
