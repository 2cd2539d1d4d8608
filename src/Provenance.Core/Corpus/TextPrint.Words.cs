using System.Text;

namespace Provenance.Corpus;

/// <summary>A print's words: which characters make them, and each one's hash.</summary>
public sealed partial class TextPrint
{
    // FNV-1a's constants, for a word's hash.
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    // The ASCII characters that make words: 0 for none, else 0x20 for a capital letter (the bit
    // that lowers it) and 1 for a small letter or digit. Letters and digits are the only ASCII
    // characters IsWordChar keeps (ASCII has no marks or format characters).
    private static ReadOnlySpan<byte> AsciiWord =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
        0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    // A character past ASCII that goes on a word begun at start: as IsWordChar, or an apostrophe
    // inside the word before a letter.
    private static bool IsWordOrApostrophe(string text, int i, int start) =>
        IsWordChar(text, i) || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start);

    // Letters and digits, marks that belong to them (a combining accent), invisible format
    // characters (a soft hyphen, a joiner) and letters beyond the basic plane all stay in a word.
    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (c < 128)
        {
            return AsciiWord[c] != 0;
        }

        if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
        {
            return true;
        }

        return char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.Format
            && i > 0 && !char.IsWhiteSpace(text[i - 1]);
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    // Case, apostrophe style, composed or decomposed accents and invisible format characters do
    // not make a copy different.
    private static ulong HashWord(ReadOnlySpan<char> word)
    {
        var plain = Ascii.IsValid(word) ? word : Fold(word);
        var hash = OffsetBasis;
        foreach (var c in plain)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * Prime;
        }

        return hash;
    }

    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> word)
    {
        var composed = word.ToString().Normalize(System.Text.NormalizationForm.FormC);
        var kept = new System.Text.StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }

            kept.Append(IsApostrophe(c) ? '\'' : c);
        }

        return kept.ToString();
    }
}
