namespace Provenance.Attribution;

/// <summary>
/// Tells English prose from text in another language by its commonest words: "the", "and", "of",
/// "to", "that"… make about a sixth of English words and almost none of French, German, Czech or
/// Chinese. The rules that read sourcing (verbs of saying, titles, "according to") know English
/// words only; in another language they can find nothing, and what they do not find says nothing
/// about the article.
/// </summary>
internal static class EnglishText
{
    // Fewer words than this cannot be told apart; such a text is taken as English, the language
    // the word lists read, so that a short English note is judged as before.
    private const int FewestWords = 40;

    /// <summary>
    /// Whether <paramref name="texts"/>, read together outside their quotations (each text's, as
    /// <see cref="Quotations.Find"/> finds them), are English: too few words to tell, or 6 in 100 of
    /// them or more among its commonest.
    /// </summary>
    /// <remarks>
    /// The narrator's words decide, not the quoted ones: a German report quoting English statements
    /// has no English verbs of saying to read, and an English one quoting a French minister has.
    /// Numbers are no language's. Chinese, Japanese and Thai write no spaces between words, so each
    /// of their letters counts as a word (and each Korean syllable alike); a page of them is not
    /// "too short to tell" because its clauses are few.
    /// </remarks>
    public static bool Of(IEnumerable<(string Text, List<Quotation> Quotations)> texts)
    {
        var (words, common) = (0L, 0L);
        foreach (var (text, quotations) in texts)
        {
            var from = 0;
            foreach (var quotation in quotations)
            {
                // An unclosed mark runs to the block's end: the narrator's words after it stay read.
                if (!quotation.Closed)
                {
                    continue;
                }

                if (quotation.Start > from)
                {
                    Count(text.AsSpan(from, quotation.Start - from), ref words, ref common);
                }

                from = Math.Max(from, quotation.End);
            }

            if (from < text.Length)
            {
                Count(text.AsSpan(from), ref words, ref common);
            }
        }

        return words < FewestWords || common * 100 >= words * 6;
    }

    private static void Count(ReadOnlySpan<char> text, ref long words, ref long common)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (IsUnspaced(c) && char.IsLetter(c))
            {
                // A letter of a script without spaces is a word of its own, and ends any other; its
                // punctuation (。、「」) and digits are none.
                End(text, start, i, ref words, ref common);
                start = -1;
                words++;
                continue;
            }

            // ASCII first: nearly every character of an English text, and one comparison each.
            if (char.IsAsciiLetterOrDigit(c) || (c > '\x7f' && char.IsLetterOrDigit(c)))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            // An apostrophe or hyphen between letters stays in the word ("don't", "well-known").
            if (start >= 0 && i + 1 < text.Length && c is '\'' or '’' or '-' && char.IsLetterOrDigit(text[i + 1]))
            {
                continue;
            }

            End(text, start, i, ref words, ref common);
            start = -1;
        }
    }

    private static void End(ReadOnlySpan<char> text, int start, int end, ref long words, ref long common)
    {
        // A number is no language's word.
        if (start < 0 || char.IsAsciiDigit(text[start]))
        {
            return;
        }

        words++;
        if (end - start is >= 2 and <= 4 && IsCommon(text[start..end]))
        {
            common++;
        }
    }

    // Han, kana and Thai, written without spaces between words, and hangul, counted alike.
    private static bool IsUnspaced(char c) =>
        c >= '\u0e00' && (c <= '\u0e7f' || (c >= '\u1100' && c <= '\u11ff') || (c >= '\u2e80' && c <= '\u9fff')
            || (c >= '\uac00' && c <= '\ud7af') || (c >= '\uf900' && c <= '\ufaff') || (c >= '\uff66' && c <= '\uff9f'));

    // "the", "and", "of", "to", "is", "was", "that", "it", "for", "with", in any case ("The",
    // "THE" in copy set in capitals): by length first, as nearly every word of an article is asked.
    private static bool IsCommon(ReadOnlySpan<char> word) => word.Length switch
    {
        2 => word.Equals("of", StringComparison.OrdinalIgnoreCase) || word.Equals("to", StringComparison.OrdinalIgnoreCase)
            || word.Equals("is", StringComparison.OrdinalIgnoreCase) || word.Equals("it", StringComparison.OrdinalIgnoreCase),
        3 => word.Equals("the", StringComparison.OrdinalIgnoreCase) || word.Equals("and", StringComparison.OrdinalIgnoreCase)
            || word.Equals("was", StringComparison.OrdinalIgnoreCase) || word.Equals("for", StringComparison.OrdinalIgnoreCase),
        4 => word.Equals("that", StringComparison.OrdinalIgnoreCase) || word.Equals("with", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
