using System.Buffers;

namespace Provenance.Attribution;

/// <summary>A quotation in a block's text: from its opening mark to its closing mark.</summary>
/// <param name="Start">Where the opening mark starts.</param>
/// <param name="End">Where the closing mark ends; the block's (trimmed) end when the quotation is not closed in the block.</param>
/// <param name="InnerStart">Where the quoted words start.</param>
/// <param name="InnerEnd">Where the quoted words end.</param>
/// <param name="Closed">Whether a closing mark was found in the block.</param>
internal readonly record struct Quotation(int Start, int End, int InnerStart, int InnerEnd, bool Closed)
{
    public int InnerLength => InnerEnd - InnerStart;
}

/// <summary>
/// Finds quotations in a block of text. Marks may be straight (<c>"</c>), curly (“ ”), low („),
/// guillemets (« »), or curly marks mis-decoded as Latin-1 (<c>â\u0080\u009c</c>) or Windows-1252
/// (<c>â€œ</c>), as text copied between systems often carries them. A straight mark, and a curly
/// one typed the wrong way round, opens or closes by what stands beside it: after a space and
/// before a word it opens, after a word and before a space or punctuation it closes.
/// </summary>
internal static class Quotations
{
    private enum Mark
    {
        Open,
        Close,
        Either,
    }

    // The characters MarkAt finds a mark at.
    private static readonly SearchValues<char> MarkStarts = SearchValues.Create("\"“„«”»â");

    /// <summary>The quotations of <paramref name="text"/>, in order; a quotation left open runs to the block's end.</summary>
    public static List<Quotation> Find(string text)
    {
        var found = new List<Quotation>();
        int openAt = -1, openLength = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // Only these characters start a mark: the rest of the text is skipped in one search.
            var next = text.AsSpan(i).IndexOfAny(MarkStarts);
            if (next < 0)
            {
                break;
            }

            i += next;
            var (length, mark) = MarkAt(text, i);
            if (length == 0)
            {
                continue;
            }

            var isOpen = openAt >= 0;
            var opensHere = OpensByPlace(text, i, length);
            var closesHere = ClosesByPlace(text, i, length);
            // German and Czech open with „ and close with “.
            if (isOpen && text[openAt] == '„' && text[i] == '“')
            {
                mark = Mark.Close;
            }

            var action = mark switch
            {
                // An opening mark typed where a closing one belongs ("yes“ and") closes.
                Mark.Open => isOpen && closesHere && !opensHere ? Mark.Close : Mark.Open,
                Mark.Close => isOpen ? Mark.Close : opensHere ? Mark.Open : Mark.Either,
                _ => isOpen
                    ? (opensHere && !closesHere ? Mark.Open : Mark.Close)
                    : (closesHere && !opensHere ? Mark.Either : Mark.Open),
            };

            // A paragraph whose first mark closes a quotation it never opened begins inside one: the
            // quotation runs on from the paragraph before, or its opening mark was lost in copying.
            if (action == Mark.Either && found.Count == 0 && closesHere && !opensHere && mark != Mark.Open && BeginsInside(text, i))
            {
                found.Add(new Quotation(0, i + length, 0, i, true));
                i += length - 1;
                continue;
            }

            // Either, here, is a stray mark (an inch sign, a closing mark with nothing open).
            if (action == Mark.Open)
            {
                if (isOpen && TrimEnd(text, i) > openAt + openLength)
                {
                    // A second opening mark before any closing one: the first quotation ends where
                    // the second begins (an unclosed quote inside a paragraph).
                    found.Add(new Quotation(openAt, TrimEnd(text, i), openAt + openLength, TrimEnd(text, i), false));
                }

                (openAt, openLength) = (i, length);
            }
            else if (action == Mark.Close)
            {
                found.Add(new Quotation(openAt, i + length, openAt + openLength, i, true));
                openAt = -1;
            }

            i += length - 1;
        }

        if (openAt >= 0)
        {
            var end = TrimEnd(text, text.Length);
            if (end > openAt + openLength)
            {
                found.Add(new Quotation(openAt, end, openAt + openLength, end, false));
            }
        }

        return found;
    }

    /// <summary>Whether a mark starts at <paramref name="i"/>, and how long it is.</summary>
    private static (int Length, Mark Mark) MarkAt(string text, int i)
    {
        switch (text[i])
        {
            case '"':
                return (1, Mark.Either);
            case '“' or '„' or '«':
                return (1, Mark.Open);
            case '”' or '»':
                return (1, Mark.Close);
            case 'â' when i + 2 < text.Length:
                // UTF-8 “ and ” read as Latin-1 (â, U+0080, U+009C/9D) or as Windows-1252 (â, €, œ / U+009D).
                if (text[i + 1] is '\u0080' or '€')
                {
                    return text[i + 2] switch
                    {
                        '\u009c' or 'œ' => (3, Mark.Open),
                        '\u009d' => (3, Mark.Close),
                        _ => (0, Mark.Either),
                    };
                }

                // A lone "â" at a word's edge is what is left of a mis-decoded mark whose other
                // bytes were dropped ("âfalse promisesâ").
                return LoneMark(text, i) ? (1, Mark.Either) : (0, Mark.Either);
            case 'â':
                return LoneMark(text, i) ? (1, Mark.Either) : (0, Mark.Either);
            default:
                return (0, Mark.Either);
        }
    }

    private static bool LoneMark(string text, int i)
    {
        var before = i == 0 ? ' ' : text[i - 1];
        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        var opens = char.IsWhiteSpace(before) && char.IsLetterOrDigit(after);
        var closes = !char.IsWhiteSpace(before) && (char.IsWhiteSpace(after) || char.IsPunctuation(after));
        return opens || closes;
    }

    // A mark opens where it follows a space, the text's start or an opening bracket or dash, and a
    // non-space follows it.
    private static bool OpensByPlace(string text, int i, int length)
    {
        var before = i == 0 ? ' ' : text[i - 1];
        var after = i + length < text.Length ? text[i + length] : ' ';
        return (char.IsWhiteSpace(before) || before is '(' or '[' or '{' or '—' or '–' or '-' or '/' or ':' or '“' or '"')
            && !char.IsWhiteSpace(after);
    }

    // A mark closes where a non-space precedes it and a space, the end or punctuation follows it.
    private static bool ClosesByPlace(string text, int i, int length)
    {
        var before = i == 0 ? ' ' : text[i - 1];
        var after = i + length < text.Length ? text[i + length] : ' ';
        return !char.IsWhiteSpace(before) && (char.IsWhiteSpace(after) || char.IsPunctuation(after) || after is '—' or '–');
    }

    // The text before the mark reads as speech: several words and a comma, full stop or other
    // sentence punctuation right before the mark ("…fearless," Lee told).
    private static bool BeginsInside(string text, int mark)
    {
        if (mark < 12 || text[mark - 1] is not (',' or '.' or '?' or '!' or '…'))
        {
            return false;
        }

        var spaces = 0;
        for (var i = 0; i < mark; i++)
        {
            if (text[i] == ' ')
            {
                spaces++;
            }
        }

        return spaces >= 2;
    }

    private static int TrimEnd(string text, int end)
    {
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
