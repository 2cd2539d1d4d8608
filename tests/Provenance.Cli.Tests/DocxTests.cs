using System.IO.Compression;
using System.Security;
using System.Text;
using Provenance.Hosting;
using Provenance.Reading;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary>
/// Word documents, the reader added through the registry: a sample article saved as .docx (its
/// paragraphs in Word's markup, split into runs, with a tracked deletion) is checked as its text is.
/// </summary>
public sealed class DocxTests : IDisposable
{
    private const string Word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private readonly string _dir = Directory.CreateTempSubdirectory("provenance-docx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_word_document_is_checked_as_its_text_with_the_same_findings_in_the_same_places()
    {
        var paragraphs = Paragraphs(File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")));
        File.WriteAllBytes(Path.Combine(_dir, "story.docx"), Docx(paragraphs, deletedInSecond: "words struck out in review "));
        var text = string.Join("\n\n", paragraphs) + "\n";
        File.WriteAllText(Path.Combine(_dir, "story.txt"), text);

        DocxReader.Extract(File.ReadAllBytes(Path.Combine(_dir, "story.docx"))).ShouldBe(text);

        var engine = new ProvenanceEngine(new EngineOptions { BaseDirectory = _dir, Jobs = 1 });
        var items = engine.Prepare(["."]).Collect().Items;
        items.Select(i => i.Path).ShouldBe(["story.docx", "story.txt"]);
        var docx = items[0].Report.ShouldNotBeNull();
        var txt = items[1].Report.ShouldNotBeNull();
        docx.Article.Format.ShouldBe(Articles.ArticleFormat.Docx);
        docx.Analysis.Findings.ShouldNotBeEmpty();
        docx.Analysis.Findings.Select(f => $"{f.RuleId}@{f.Location.Start.Line}:{f.Location.Start.Column}")
            .ShouldBe(txt.Analysis.Findings.Select(f => $"{f.RuleId}@{f.Location.Start.Line}:{f.Location.Start.Column}"));
        docx.Scorecard.Score.ShouldBe(txt.Scorecard.Score);
        docx.Facts.OriginalSource.ShouldBe(txt.Facts.OriginalSource);
    }

    [Fact]
    public void A_file_that_is_not_a_word_document_is_reported_and_fix_never_rewrites_one()
    {
        File.WriteAllText(Path.Combine(_dir, "renamed.docx"), "Officials said so.\n");
        using (var zip = ZipFile.Open(Path.Combine(_dir, "other.docx"), ZipArchiveMode.Create))
        {
            zip.CreateEntry("readme.txt");
        }

        var items = new ProvenanceEngine(new EngineOptions { BaseDirectory = _dir }).Prepare(["."]).Collect().Items;
        items.Select(i => (i.Path, i.Error)).ShouldBe([
            ("other.docx", "not a Word document (the archive has no word/document.xml)"),
            ("renamed.docx", "not a Word document (.docx files are zip archives; this is not one)"),
        ]);

        // Debris fix would remove from text ("Leave a Reply") stays in a Word document: fix writes text.
        var bytes = Docx(["Council delays vote", "The council said on Monday it would wait, officials told Reuters.", "Leave a Reply"], deletedInSecond: null);
        File.WriteAllBytes(Path.Combine(_dir, "debris.docx"), bytes);
        var output = new StringWriter();
        FixCommand.Run(["debris.docx"], dryRun: false, config: null, _dir, output, new StringWriter()).ShouldBe(0);
        File.ReadAllBytes(Path.Combine(_dir, "debris.docx")).ShouldBe(bytes);
        output.ToString().ShouldContain("fixed 0 places in 0 files");
    }

    [Fact]
    public void Moves_deletions_fallbacks_and_text_boxes_give_each_text_once_and_strict_documents_are_read()
    {
        // A moved sentence's old place, a deletion's tab, and a text box given twice (its
        // alternative content and the fallback for older readers) inside the paragraph that anchors it.
        const string Body = """
            <w:p><w:r><w:t>Council delays vote</w:t></w:r></w:p>
            <w:p><w:moveFrom w:id="1"><w:r><w:t>Moved away. </w:t></w:r></w:moveFrom><w:r><w:t xml:space="preserve">The council said </w:t></w:r><w:del w:id="2"><w:r><w:tab/><w:delText>never</w:delText></w:r></w:del><w:r><w:t>it would wait.</w:t></w:r>
              <w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Box text.</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
              <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Box text.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>
              <w:moveTo w:id="3"><w:r><w:t xml:space="preserve"> Moved here.</w:t></w:r></w:moveTo></w:p>
            """;
        const string Expected = "Council delays vote\n\nBox text.\n\nThe council said it would wait. Moved here.\n";
        foreach (var ns in new[] { Word, "http://purl.oclc.org/ooxml/wordprocessingml/main" })
        {
            var xml = $"<w:document xmlns:w=\"{ns}\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>{Body}</w:body></w:document>";
            DocxReader.Extract(Zip(("word/document.xml", xml))).ShouldBe(Expected);
        }
    }

    [Fact]
    public void Word_lock_files_are_not_articles()
    {
        File.WriteAllBytes(Path.Combine(_dir, "story.docx"), Docx(["Council delays vote", "The council said on Monday it would wait."], deletedInSecond: null));
        File.WriteAllBytes(Path.Combine(_dir, "~$story.docx"), [0x0a, 0x4a, 0x61, 0x6e, 0x65]);
        new ProvenanceEngine(new EngineOptions { BaseDirectory = _dir }).Prepare(["."]).Collect().Items.Select(i => i.Path).ShouldBe(["story.docx"]);
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                Add(zip, name, content);
            }
        }

        return buffer.ToArray();
    }

    private static List<string> Paragraphs(string text) =>
        [.. text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.Replace('\n', ' '))];

    // Word's markup as Word writes it: paragraph and run properties, text split into runs,
    // whitespace kept with xml:space, proofing marks, and optionally a tracked deletion.
    private static byte[] Docx(IReadOnlyList<string> paragraphs, string? deletedInSecond)
    {
        var body = new StringBuilder();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var text = paragraphs[i];
            var cut = text.IndexOf(' ', text.Length / 2) is var space and > 0 ? space + 1 : text.Length;
            body.Append("<w:p><w:pPr><w:spacing w:after=\"200\"/>").Append(i == 0 ? "<w:pStyle w:val=\"Title\"/>" : string.Empty).Append("</w:pPr>");
            body.Append("<w:r><w:rPr><w:rFonts w:ascii=\"Calibri\"/></w:rPr><w:t xml:space=\"preserve\">").Append(SecurityElement.Escape(text[..cut])).Append("</w:t></w:r>");
            if (i == 1 && deletedInSecond is not null)
            {
                body.Append("<w:del w:id=\"1\" w:author=\"Editor\"><w:r><w:delText xml:space=\"preserve\">").Append(deletedInSecond).Append("</w:delText></w:r></w:del>");
            }

            body.Append("<w:proofErr w:type=\"spellStart\"/><w:r><w:t>").Append(SecurityElement.Escape(text[cut..])).Append("</w:t></w:r><w:proofErr w:type=\"spellEnd\"/></w:p>");
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
            Add(zip, "word/document.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{Word}\"><w:body>{body}<w:sectPr/></w:body></w:document>");
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
