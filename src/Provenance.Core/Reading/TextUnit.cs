using Provenance.Text;

namespace Provenance.Reading;

/// <summary>
/// A candidate block of a plain-text article: one line, or a hard-wrapped paragraph of several,
/// with the span of its trimmed content and whether a blank line precedes it.
/// </summary>
internal sealed record TextUnit(TextSpan Span, string Text, int FirstLine, bool AfterBlank)
{
    // Counted when asked, not for every unit, and only as far as the limit: it decides short lines
    // (titles, headings, list items, bylines) and is asked of lines that already look like one.
    public bool HasAtMostWords(int max) => HasAtMostWords(Text, max);

    public char LastChar => Text.Length == 0 ? '\0' : Text[^1];

    /// <summary>Whether <paramref name="text"/> has no more than <paramref name="max"/> words; stops counting past it.</summary>
    public static bool HasAtMostWords(string text, int max)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord && ++words > max)
            {
                return false;
            }

            inWord = !isSpace;
        }

        return true;
    }
}
