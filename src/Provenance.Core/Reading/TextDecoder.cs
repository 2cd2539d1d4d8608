using System.Text;

namespace Provenance.Reading;

/// <summary>
/// Decodes article bytes: a byte-order mark decides when present; otherwise strict UTF-8, and
/// Latin-1 when the bytes are not valid UTF-8 (older newsroom exports), so no file is refused for
/// its encoding alone. Text with NUL bytes is taken for binary. An HTML page's declared legacy
/// charset (windows-1252, Shift_JIS) is honoured unless its bytes are UTF-8 beyond plain ASCII;
/// legacy charsets need the host to register <c>CodePagesEncodingProvider</c>.
/// </summary>
public static class TextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>, or returns null with the reason when it is not text.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="problem">Why the file is not text, when it is not.</param>
    /// <param name="html">Whether the file is HTML, whose declared charset is honoured when there is no byte-order mark and the bytes are not UTF-8 beyond ASCII.</param>
    public static string? Decode(byte[] bytes, out string? problem, bool html = false)
    {
        problem = null;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return Utf8OrLatin1(bytes.AsSpan(3));
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            problem = "the file is binary (it contains NUL bytes), not text";
            return null;
        }

        // A page saved or converted to UTF-8 often keeps its old declaration (qq.com's gb2312):
        // bytes that are valid UTF-8 and not plain ASCII are almost never a legacy encoding by
        // chance, so they win over the declaration, as in extractors that try UTF-8 first.
        if (html && DeclaredCharset(bytes) is { } declared && declared.CodePage != Encoding.UTF8.CodePage && !IsUtf8BeyondAscii(bytes))
        {
            return declared.GetString(bytes);
        }

        return Utf8OrLatin1(bytes);
    }

    private static bool IsUtf8BeyondAscii(byte[] bytes) =>
        !System.Text.Ascii.IsValid(bytes) && System.Text.Unicode.Utf8.IsValid(bytes);

    // <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…"> in the
    // first 4 KB, as browsers pre-scan; an unknown name is ignored.
    private static Encoding? DeclaredCharset(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var match = System.Text.RegularExpressions.Regex.Match(head, @"<meta[^>]+charset\s*=\s*[""']?\s*(?<name>[\w.:-]+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (!match.Success)
        {
            return null;
        }

        try
        {
            var name = match.Groups["name"].Value;
            return string.Equals(name, "iso-8859-1", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "latin1", StringComparison.OrdinalIgnoreCase)
                ? Encoding.GetEncoding(1252)
                : Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Decodes a file that will be written back, with the encoding to write it in (its own).</summary>
    public static (string Text, Encoding Encoding) DecodeForRewrite(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (Utf8OrLatin1(bytes.AsSpan(3)), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), new UnicodeEncoding(bigEndian: true, byteOrderMark: true));
        }

        try
        {
            return (StrictUtf8.GetString(bytes), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.Latin1.GetString(bytes), Encoding.Latin1);
        }
    }

    private static string Utf8OrLatin1(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
