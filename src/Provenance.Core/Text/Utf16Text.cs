namespace Provenance.Text;

/// <summary>
/// Characters of two UTF-16 units (an emoji, a character past the basic plane) where text is cut
/// or kept: half of one is no character. Cut through, it shows as a replacement mark, and not the
/// same in every output (JSON escapes each half; UTF-8 cannot hold one), so excerpts are cut
/// around such a character and text kept in UTF-8 escapes a half it is given.
/// </summary>
internal static class Utf16Text
{
    /// <summary>Whether <paramref name="text"/> at <paramref name="i"/> is half of a surrogate pair without its other half.</summary>
    public static bool IsLoneSurrogate(ReadOnlySpan<char> text, int i) =>
        char.IsHighSurrogate(text[i]) ? i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])
        : char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));

    /// <summary>A cut at <paramref name="at"/>, moved one place back when it falls between the two halves of a pair.</summary>
    public static int CutBefore(ReadOnlySpan<char> text, int at) =>
        at > 0 && at < text.Length && char.IsHighSurrogate(text[at - 1]) && char.IsLowSurrogate(text[at]) ? at - 1 : at;

    /// <summary>A cut at <paramref name="at"/>, moved one place on when it falls between the two halves of a pair.</summary>
    public static int CutAfter(ReadOnlySpan<char> text, int at) =>
        at > 0 && at < text.Length && char.IsHighSurrogate(text[at - 1]) && char.IsLowSurrogate(text[at]) ? at + 1 : at;
}
