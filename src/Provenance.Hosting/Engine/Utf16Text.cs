namespace Provenance.Hosting;

/// <summary>
/// Whether text is well-formed UTF-16: text that is not (half of a surrogate pair, cut from an
/// emoji) cannot go through UTF-8 unchanged, which turns each half into a replacement mark. Text
/// held or cached in UTF-8 keeps such a string another way, so that a report made again from it
/// is the one written at once (JSON writes each half as its own escape).
/// </summary>
internal static class Utf16Text
{
    /// <summary>Whether every surrogate in <paramref name="text"/> is one of a pair; most text has none, found with one vectorised search.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0)
        {
            return true;
        }

        for (; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> at <paramref name="i"/> is half of a surrogate pair without its other half.</summary>
    public static bool IsLoneSurrogate(ReadOnlySpan<char> text, int i) =>
        char.IsHighSurrogate(text[i]) ? i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])
        : char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
}
