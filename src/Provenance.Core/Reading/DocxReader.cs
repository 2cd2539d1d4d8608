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
    // Transitional (what Word writes) and Strict Office Open XML name the same elements.
    private static readonly string[] WordNamespaces = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"];
    private const string CompatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    // A document's XML far past any article: a zip bomb stops here rather than filling memory.
    private const long MaxDocumentXmlBytes = 64L * 1024 * 1024;

    // Text far past any article (the engine's default file limit, as characters).
    private const int MaxTextCharacters = 10 * 1024 * 1024;

    /// <summary>The text of a Word document's paragraphs, each separated from the next by a blank line.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a Word document, or hold more text than an article; the message says why.</exception>
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

            try
            {
                using var stream = entry.Open();
                return Paragraphs(stream);
            }
            catch (XmlException ex)
            {
                throw new InvalidDataException($"not a Word document (word/document.xml is not well-formed: {ex.Message})");
            }
            catch (IOException ex)
            {
                throw new InvalidDataException($"not a Word document (word/document.xml could not be unpacked: {ex.Message})");
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

        // Paragraphs nest (a text box's paragraphs sit inside the paragraph that anchors it): each
        // is finished on its own, the text box's before the rest of its anchor.
        var open = new Stack<StringBuilder>();
        var skipped = 0;
        var inText = false;
        while (xml.Read())
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
            {
                if (inText && skipped == 0 && open.TryPeek(out var current))
                {
                    current.Append(xml.Value.ReplaceLineEndings(" "));
                }

                continue;
            }

            if (xml.NodeType is not (XmlNodeType.Element or XmlNodeType.EndElement))
            {
                continue;
            }

            // Tracked deletions and the old place of a tracked move are not the document's text,
            // and a fallback repeats what its alternative content already said.
            var skips = (IsWord(xml.NamespaceURI) && xml.LocalName is "del" or "moveFrom") || (xml.NamespaceURI == CompatibilityNamespace && xml.LocalName == "Fallback");
            if (xml.NodeType == XmlNodeType.Element && !xml.IsEmptyElement)
            {
                skipped += skips ? 1 : 0;
                if (IsWord(xml.NamespaceURI))
                {
                    inText |= xml.LocalName == "t";
                    if (xml.LocalName == "p")
                    {
                        open.Push(new StringBuilder());
                    }
                }
            }
            else if (xml.NodeType == XmlNodeType.Element)
            {
                // Empty elements: a tab or a line break inside a run.
                if (skipped == 0 && IsWord(xml.NamespaceURI) && open.TryPeek(out var current))
                {
                    current.Append(xml.LocalName switch { "tab" => "\t", "br" or "cr" => "\n", _ => string.Empty });
                }
            }
            else
            {
                skipped -= skips ? 1 : 0;
                if (IsWord(xml.NamespaceURI) && xml.LocalName == "t")
                {
                    inText = false;
                }
                else if (IsWord(xml.NamespaceURI) && xml.LocalName == "p" && open.TryPop(out var paragraph))
                {
                    var line = paragraph.ToString().Trim();
                    if (line.Length > 0)
                    {
                        text.Append(line).Append("\n\n");
                    }

                    if (text.Length > MaxTextCharacters)
                    {
                        throw new InvalidDataException("the document holds more text than an article; it was not read");
                    }
                }
            }
        }

        return text.Length == 0 ? string.Empty : text.ToString(0, text.Length - 1);
    }

    private static bool IsWord(string ns) => ns == WordNamespaces[0] || ns == WordNamespaces[1];
}
