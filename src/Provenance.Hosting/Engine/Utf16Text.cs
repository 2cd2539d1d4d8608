namespace Provenance.Hosting;

/// <summary>
/// Half of a surrogate pair (cut from an emoji) cannot go through UTF-8 unchanged: it becomes a
/// replacement mark. Text cached in UTF-8 escapes each such half, so that a report made again from
/// it is the one written at once (JSON writes each half as its own escape).
/// </summary>
internal static class Utf16Text
{
    /// <summary>Whether <paramref name="text"/> at <paramref name="i"/> is half of a surrogate pair without its other half.</summary>
    public static bool IsLoneSurrogate(ReadOnlySpan<char> text, int i) =>
        char.IsHighSurrogate(text[i]) ? i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])
        : char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
}
