using Provenance.Text;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Splits a block into sentences: a sentence ends at . ! or ? followed by white space and a capital
/// or an opening quote, never inside a quotation, so a multi-sentence quote stays with its speaker.
/// </summary>
internal static class Sentences
{
    public static List<TextSpan> Split(string text)
    {
        var spans = new List<TextSpan>();
        var start = 0;
        var quoteDepth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '“')
            {
                quoteDepth++;
            }
            else if (c == '”')
            {
                quoteDepth = Math.Max(0, quoteDepth - 1);
            }
            else if (c is '.' or '!' or '?' && quoteDepth == 0 && EndsSentence(text, i))
            {
                spans.Add(TextSpan.FromBounds(start, i + 1));
                start = i + 1;
                while (start < text.Length && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }

                i = start - 1;
            }
        }

        if (start < text.Length)
        {
            spans.Add(TextSpan.FromBounds(start, text.Length));
        }

        return spans;
    }

    private static bool EndsSentence(string text, int index)
    {
        var next = index + 1;
        while (next < text.Length && text[next] is '"' or '’' or ')')
        {
            next++;
        }

        if (next >= text.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[next]))
        {
            return false;
        }

        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        // "U.S. officials" or "Mr. Smith" do not end a sentence: a one- or two-letter word before the
        // full stop is taken for an abbreviation.
        var wordStart = index;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var isAbbreviation = text[index] == '.' && index - wordStart <= 2 && index - wordStart > 0 && char.IsUpper(text[wordStart]);
        return !isAbbreviation && next < text.Length && (char.IsUpper(text[next]) || text[next] is '“' or '"' or '‘' or '(' || char.IsDigit(text[next]));
    }
}
