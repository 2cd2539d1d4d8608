namespace Provenance.Text;

/// <summary>
/// Tells English prose from text in another language by its commonest words: "the", "and", "of",
/// "to", "that"… make about a sixth of English words and almost none of French, German, Czech or
/// Chinese. The rules that read sourcing (verbs of saying, titles, "according to") know English
/// words only; in another language they can find nothing, and what they do not find says nothing
/// about the article.
/// </summary>
internal struct EnglishText
{
    // Fewer words than this cannot be told apart; such a text is taken as English, the language
    // the word lists read, so that a short English note is judged as before.
    private const int FewestWords = 40;

    private int _words;
    private int _common;

    /// <summary>Counts the words of <paramref name="text"/>: runs of letters and digits, with inner apostrophes and hyphens.</summary>
    public void Add(ReadOnlySpan<char> text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            // ASCII first: nearly every character of an English text, and one comparison each.
            var letter = i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || (text[i] > '\x7f' && char.IsLetterOrDigit(text[i])));
            if (letter)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            // An apostrophe or hyphen between letters stays in the word ("don't", "well-known").
            if (start >= 0 && i + 1 < text.Length && text[i] is '\'' or '’' or '-' && char.IsLetterOrDigit(text[i + 1]))
            {
                continue;
            }

            if (start >= 0)
            {
                _words++;
                if (i - start is >= 2 and <= 4 && IsCommon(text[start..i]))
                {
                    _common++;
                }

                start = -1;
            }
        }
    }

    /// <summary>Whether the words counted read as English: too few to tell, or 6 in 100 of them or more among its commonest.</summary>
    public readonly bool IsEnglish => _words < FewestWords || _common * 100 >= _words * 6;

    /// <summary>Whether <paramref name="texts"/>, read together, are English.</summary>
    public static bool Of(IEnumerable<string> texts)
    {
        var counter = default(EnglishText);
        foreach (var text in texts)
        {
            counter.Add(text);
        }

        return counter.IsEnglish;
    }

    // "the", "and", "of", "to", "is", "was", "that", "The", "it", "for", "with": by length first, as
    // nearly every word of an article is asked.
    private static bool IsCommon(ReadOnlySpan<char> word) => word.Length switch
    {
        2 => word is "of" or "to" or "is" or "it",
        3 => word is "the" or "and" or "was" or "The" or "for",
        4 => word is "that" or "with",
        _ => false,
    };
}
