using System.Text;

namespace Provenance.Cli;

/// <summary>
/// Decodes article bytes: a byte-order mark decides when present; otherwise strict UTF-8, and
/// Latin-1 when the bytes are not valid UTF-8 (older newsroom exports), so no file is refused for
/// its encoding alone. Text with NUL bytes is taken for binary.
/// </summary>
internal static class TextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>, or returns null with the reason when it is not text.</summary>
    public static string? Decode(byte[] bytes, out string? problem)
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

        return Utf8OrLatin1(bytes);
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
