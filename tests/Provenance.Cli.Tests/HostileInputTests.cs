using System.Text;
using Provenance.Cli;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary>
/// Hostile and odd inputs through the whole check: each run completes, no stack trace, the bad
/// article gets a located diagnostic or reads as what it is, and the rest of the run goes on.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("provenance-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Empty_and_blank_files_are_checked_without_error()
    {
        File.WriteAllText(Path.Combine(_dir, "empty.txt"), string.Empty);
        File.WriteAllText(Path.Combine(_dir, "blank.md"), "  \n\n\t\n");
        File.WriteAllText(Path.Combine(_dir, "blank.html"), string.Empty);
        var (code, output, error) = Check(_dir);
        code.ShouldBe(0, error);
        output.ShouldContain("3 articles checked");
    }

    [Fact]
    public void Utf16_big_endian_and_text_with_nul_bytes()
    {
        var text = "Budget passes\n\nThe council met on Monday.\n\nOriginal Source: www.cnn.com\n";
        File.WriteAllBytes(Path.Combine(_dir, "be.txt"), [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)]);
        File.WriteAllBytes(Path.Combine(_dir, "nul.txt"), [.. Encoding.UTF8.GetBytes(text), 0, .. Encoding.UTF8.GetBytes("more")]);
        var (code, output, _) = Check(_dir);
        code.ShouldBe(1, "a binary file is an error finding");
        output.ShouldContain("be.txt(5,1): info PRV1001");
        output.ShouldContain("nul.txt(1,1): error PRV0001: the file is binary");
    }

    [Fact]
    public void A_symlink_loop_in_a_content_folder_is_not_followed()
    {
        var inner = Directory.CreateDirectory(Path.Combine(_dir, "a")).FullName;
        File.WriteAllText(Path.Combine(inner, "x.txt"), "Title\n\nThe council met on Monday.\n");
        Directory.CreateSymbolicLink(Path.Combine(inner, "loop"), _dir);
        var (code, output, _) = Check(_dir);
        code.ShouldBe(0);
        output.ShouldContain("1 article checked");
    }

    [Fact]
    public void A_one_megabyte_single_line_completes()
    {
        var words = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")).Split(' ');
        var line = new StringBuilder();
        var random = new Random(3);
        while (line.Length < 1_000_000)
        {
            line.Append(words[random.Next(words.Length)]).Append(' ');
        }

        File.WriteAllText(Path.Combine(_dir, "long.txt"), line.ToString());
        var (code, output, _) = Check(_dir);
        code.ShouldBe(0);
        output.ShouldContain("long.txt(1,");
        output.ShouldContain("1 article checked");
    }

    [Fact]
    public void Html_nested_a_hundred_thousand_deep_and_broken_markup_are_read()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>Deep text that the council published on Monday for readers.</p>" + string.Concat(Enumerable.Repeat("</div>", 100_000));
        File.WriteAllText(Path.Combine(_dir, "deep.html"), html);
        File.WriteAllText(Path.Combine(_dir, "broken.html"), "<p>unclosed <b>bold <i>italic &bogus; &#99999999; <div");
        var (code, output, error) = Check(_dir);
        code.ShouldBe(0, error);
        output.ShouldContain("deep.html(1,2561): warning PRV0005: the page nests elements more than 512 deep");
        output.ShouldContain("2 articles checked");
    }

    private (int Code, string Output, string Error) Check(string path)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CheckCommand.Run([path], "text", null, null, 2, RepoPaths.Root, output, error);
        error.ToString().ShouldNotContain("   at ");
        return (code, output.ToString(), error.ToString());
    }
}
