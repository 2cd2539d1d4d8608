using System.Collections.Frozen;

namespace Provenance.Attribution;

/// <summary>What a token of a block is.</summary>
internal enum TokenKind
{
    /// <summary>A word: letters and digits, with inner apostrophes, hyphens and an abbreviation's full stop.</summary>
    Word,

    /// <summary>One punctuation character.</summary>
    Punct,

    /// <summary>A whole quotation, marks included, read as one opaque unit by the attribution parser.</summary>
    Quote,
}

/// <summary>A token of a block's text.</summary>
internal readonly record struct Token(int Start, int End, TokenKind Kind, int Quote)
{
    public bool IsWord => Kind == TokenKind.Word;

    public bool IsQuote => Kind == TokenKind.Quote;
}

/// <summary>
/// A block cut into tokens, with each quotation one token, and into sentences. A full stop ends a
/// sentence only outside quotations and when a capital, a digit or a quotation follows; after a
/// title, an initial or a known abbreviation ("Sen.", "J.", "U.S.", "Sept.") it is part of the word.
/// </summary>
internal sealed class TokenizedBlock
{
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.Create(
        StringComparer.Ordinal,
        "Jr", "Sr", "St", "Mt", "Inc", "Co", "Corp", "Ltd", "vs", "etc", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
        "Oct", "Nov", "Dec", "Ave", "Blvd", "No", "Dept", "Univ", "Calif", "Fla", "Tenn", "Mass", "Conn", "Ariz", "Ill", "Mich", "Minn",
        "Wash", "Wis", "Va", "Ga", "Pa", "Ky", "La", "Md", "Mo", "Nev", "Ore", "Okla", "Colo", "Ala", "Ark", "Del", "Kan", "Neb",
        "Ind", "Tex", "Wyo", "Vt", "Mont", "approx", "est", "a.m", "p.m", "e.g", "i.e");

    public TokenizedBlock(string text, List<Quotation> quotations, AttributionLexicon lexicon)
    {
        Text = text;
        Quotations = quotations;
        var tokens = new List<Token>((text.Length / 4) + 4);
        var q = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (q < quotations.Count && i >= quotations[q].Start)
            {
                tokens.Add(new Token(quotations[q].Start, quotations[q].End, TokenKind.Quote, q));
                i = Math.Max(i, quotations[q].End);
                q++;
                continue;
            }

            // No token runs into the next quotation's opening mark.
            var limit = q < quotations.Count ? quotations[q].Start : text.Length;
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var end = i + 1;
                while (end < limit && (char.IsLetterOrDigit(text[end])
                    || (text[end] is '\'' or '’' or '-' or '.' or '&' && end + 1 < limit && char.IsLetterOrDigit(text[end + 1]))))
                {
                    end++;
                }

                if (end < limit && text[end] == '.' && IsAbbreviation(text.AsSpan(i, end - i), lexicon))
                {
                    end++;
                }

                tokens.Add(new Token(i, end, TokenKind.Word, -1));
                i = end;
                continue;
            }

            tokens.Add(new Token(i, i + 1, TokenKind.Punct, -1));
            i++;
        }

        Tokens = tokens;
        Sentences = Split(text, tokens, quotations);
    }

    public string Text { get; }

    public List<Quotation> Quotations { get; }

    public List<Token> Tokens { get; }

    /// <summary>Each sentence as a range of token indices [Start, End).</summary>
    public List<(int Start, int End)> Sentences { get; }

    public ReadOnlySpan<char> Span(Token token) => Text.AsSpan(token.Start, token.End - token.Start);

    // Each word's string, made when first asked: the parser asks about the same few words often.
    private string?[]? _words;

    // Each token's use as a verb of saying: 0 not yet looked up, 1 none, 2 + the use.
    private byte[]? _verbs;

    public string Word(int index) =>
        (_words ??= new string?[Tokens.Count])[index] ??= Text.Substring(Tokens[index].Start, Tokens[index].End - Tokens[index].Start);

    // Each word's class in the lexicon's lists, looked up when first asked.
    private WordClass[]? _classes;

    /// <summary>What the lexicon's lists say word <paramref name="index"/> is.</summary>
    public WordClass ClassOf(int index, AttributionLexicon lexicon)
    {
        var classes = _classes ??= new WordClass[Tokens.Count];
        if (classes[index] == WordClass.None)
        {
            var token = Tokens[index];
            classes[index] = token.IsWord ? lexicon.Classify(Text.AsSpan(token.Start, token.End - token.Start)) : WordClass.Looked;
        }

        return classes[index];
    }

    /// <summary>Whether word <paramref name="index"/> is of class <paramref name="wanted"/>.</summary>
    public bool Is(int index, WordClass wanted, AttributionLexicon lexicon) => (ClassOf(index, lexicon) & wanted) != 0;

    /// <summary>The token's use as a verb of saying, or null; only lower-case words are verbs here.</summary>
    public VerbUse? VerbAt(int index, AttributionLexicon lexicon)
    {
        var verbs = _verbs ??= new byte[Tokens.Count];
        if (verbs[index] == 0)
        {
            var token = Tokens[index];
            verbs[index] = token.IsWord && char.IsLower(Text[token.Start]) && lexicon.VerbLookup.TryGetValue(Text.AsSpan(token.Start, token.End - token.Start), out var use)
                ? (byte)(2 + (int)use)
                : (byte)1;
        }

        return verbs[index] == 1 ? null : (VerbUse)(verbs[index] - 2);
    }

    public bool IsPunct(int index, char c) => Tokens[index].Kind == TokenKind.Punct && Text[Tokens[index].Start] == c;

    public bool IsCapitalised(int index) => Tokens[index].IsWord && char.IsUpper(Text[Tokens[index].Start]);

    /// <summary>The sentence holding token <paramref name="index"/>.</summary>
    public (int Start, int End) SentenceOf(int index)
    {
        foreach (var sentence in Sentences)
        {
            if (index >= sentence.Start && index < sentence.End)
            {
                return sentence;
            }
        }

        return (index, index + 1);
    }

    // The quotation's last character that is not a space or a closing bracket.
    private static char LastLetterOrStop(string text, Quotation quotation)
    {
        for (var i = quotation.InnerEnd - 1; i >= quotation.InnerStart; i--)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] is not (')' or ']'))
            {
                return text[i];
            }
        }

        return ' ';
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> word, AttributionLexicon lexicon)
    {
        if (word.Length == 1)
        {
            return char.IsUpper(word[0]);
        }

        if (word.Contains('.'))
        {
            return true;
        }

        var text = word.ToString();
        return Abbreviations.Contains(text) || lexicon.Titles.Contains(text) && word.Length <= 5;
    }

    private static List<(int Start, int End)> Split(string text, List<Token> tokens, List<Quotation> quotations)
    {
        var sentences = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var ends = false;
            if (token.Kind == TokenKind.Punct && text[token.Start] is '.' or '!' or '?' or '…')
            {
                ends = i + 1 >= tokens.Count || tokens[i + 1].IsQuote || (tokens[i + 1].IsWord && (char.IsUpper(text[tokens[i + 1].Start]) || char.IsDigit(text[tokens[i + 1].Start])));
            }
            else if (token.IsQuote && i + 1 < tokens.Count && (tokens[i + 1].IsQuote || (tokens[i + 1].IsWord && char.IsUpper(text[tokens[i + 1].Start]))))
            {
                // A quotation whose words end a sentence ends its own when another quotation or a
                // capitalised word follows ("…a pushy person." Pak countered). After a question or
                // an exclamation the speaker may still follow ("Why not?" Trump asked), which the
                // attribution reads across the break.
                var inner = quotations[token.Quote];
                var last = LastLetterOrStop(text, inner);
                ends = last is '.' or '!' or '?' or '…';
            }

            if (ends)
            {
                sentences.Add((start, i + 1));
                start = i + 1;
            }
        }

        if (start < tokens.Count)
        {
            sentences.Add((start, tokens.Count));
        }

        return sentences;
    }
}
