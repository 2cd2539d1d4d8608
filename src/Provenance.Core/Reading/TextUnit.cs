using Provenance.Text;

namespace Provenance.Reading;

/// <summary>
/// A candidate block of a plain-text article: one line, or a hard-wrapped paragraph of several,
/// with the span of its trimmed content and whether a blank line precedes it.
/// </summary>
internal sealed record TextUnit(TextSpan Span, string Text, int FirstLine, bool AfterBlank)
{
    // Counted when asked, not for every unit: it only decides short lines (titles, headings, list
    // items, bylines), and is asked only of lines that already look like one.
    public int WordCount => CountWords(Text);

    public char LastChar => Text.Length == 0 ? '\0' : Text[^1];

    public static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
            {
                words++;
            }

            inWord = !isSpace;
        }

        return words;
    }
}
