using System.Text;
using Provenance.Reading;

namespace Provenance.Core.Tests.Reading;

/// <summary>What the byte decoder makes of each kind of file a content folder may hold.</summary>
public sealed class TextDecoderTests
{
    private const string Text = "Caf\u00e9 \u201cnews\u201d\n";

    public static TheoryData<string, byte[]> Binaries => new()
    {
        { "zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00] },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52] },
        { "text with a NUL", [.. Encoding.UTF8.GetBytes("Title\n\nBody"), 0x00, .. Encoding.UTF8.GetBytes("more")] },
    };

    [Theory]
    [MemberData(nameof(Binaries))]
    public void Binary_files_are_refused_with_the_reason(string kind, byte[] bytes)
    {
        TextDecoder.Decode(bytes, out var problem).ShouldBeNull(kind);
        problem.ShouldBe("the file is binary (it contains NUL bytes), not text");
    }

    [Fact]
    public void Byte_order_marks_decide_the_encoding()
    {
        TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)], out _).ShouldBe(Text);
        TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Text)], out _).ShouldBe(Text);
        TextDecoder.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Text)], out _).ShouldBe(Text);
    }

    [Fact]
    public void Invalid_utf8_is_read_as_latin1_not_refused()
    {
        // 0xE9 alone is not UTF-8; as Latin-1 it is é. A UTF-8 sequence cut short is the same case.
        TextDecoder.Decode([.. "Caf"u8, 0xE9, .. " news"u8], out var problem).ShouldBe("Caf\u00e9 news");
        problem.ShouldBeNull();
        TextDecoder.Decode([.. "cut "u8, 0xE2, 0x80], out _).ShouldBe("cut \u00e2\u0080");
    }

    [Fact]
    public void Empty_and_blank_files_are_text()
    {
        TextDecoder.Decode([], out var problem).ShouldBe(string.Empty);
        problem.ShouldBeNull();
        TextDecoder.Decode("  \n\t\n"u8.ToArray(), out _).ShouldBe("  \n\t\n");
    }
}
