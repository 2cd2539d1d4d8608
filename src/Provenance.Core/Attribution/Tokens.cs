using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;

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
/// <remarks>
/// Twelve bytes, its kind folded into the quotation's index: an article has a token for every five
/// or so characters, and the tokens were the largest allocation of the analysis.
/// </remarks>
internal readonly struct Token
{
    // A word's tag: -1, or -3 when it starts with a capital, -5 with a lower-case letter (odd and
    // negative); -2 punctuation: the parser asks of every token, many times, whether it is a
    // capitalised word, which is then one comparison.
    private const int WordTag = -1;
    private const int PunctTag = -2;
    private const int CapitalisedTag = -3;
    private const int LowerTag = -5;

    // The quotation's index for a quotation, else one of the tags.
    private readonly int _tag;

    private Token(int start, int end, int tag)
    {
        Start = start;
        End = end;
        _tag = tag;
    }

    public int Start { get; }

    public int End { get; }

    public TokenKind Kind => _tag >= 0 ? TokenKind.Quote : IsWord ? TokenKind.Word : TokenKind.Punct;

    /// <summary>The quotation's index among its block's, or -1 for a word or punctuation.</summary>
    public int Quote => _tag >= 0 ? _tag : -1;

    public bool IsWord => _tag < 0 && (_tag & 1) != 0;

    public bool IsQuote => _tag >= 0;

    public bool IsPunct => _tag == PunctTag;

    /// <summary>Whether it is a word whose first character is upper case (<see cref="char.IsUpper(char)"/>).</summary>
    public bool IsCapitalised => _tag == CapitalisedTag;

    /// <summary>Whether it is a word whose first character is lower case (<see cref="char.IsLower(char)"/>).</summary>
    public bool IsLower => _tag == LowerTag;

    public static Token Quotation(int start, int end, int index) => new(start, end, index);

    public static Token Word(int start, int end, char first) =>
        new(start, end, char.IsUpper(first) ? CapitalisedTag : char.IsLower(first) ? LowerTag : WordTag);

    public static Token Punct(int at) => new(at, at + 1, PunctTag);
}

/// <summary>
/// The tokens of one article's blocks, and what has been looked up about each, in arrays rented
/// for one analysis and returned after it: each block's own list and caches were a third of what
/// the analysis allocated (17 of 53 KB per article). Blocks take their tokens in turn; the caches
/// are rented when first asked, once every block is cut.
/// </summary>
internal sealed class TokenStore : IDisposable
{
    private Token[] _tokens;
    private string?[]? _words;
    private WordClass[]? _classes;
    private byte[]? _verbs;

    /// <summary>A store for blocks of <paramref name="capacity"/> tokens in all: the blocks' characters and quotations, of which every token takes one at least.</summary>
    public TokenStore(int capacity) => _tokens = ArrayPool<Token>.Shared.Rent(Math.Max(capacity, 16));

    /// <summary>How many tokens the blocks cut so far hold.</summary>
    public int Count { get; private set; }

    /// <summary>The tokens; the array is not replaced, so blocks may keep it.</summary>
    public Token[] Array => _tokens;

    /// <summary>Adds a token, within the capacity the store was made with.</summary>
    public void Add(Token token) => _tokens[Count++] = token;

    // Rented when first asked, when every block has been cut: zeroed, as a rented array need not be.
    public string?[] Words => _words ??= Rent<string?>(Count);

    public WordClass[] Classes => _classes ??= Rent<WordClass>(Count);

    public byte[] Verbs => _verbs ??= Rent<byte>(Count);

    public void Dispose()
    {
        ArrayPool<Token>.Shared.Return(_tokens);
        if (_words is not null)
        {
            // Cleared: a pooled array must not keep the article's words alive.
            ArrayPool<string?>.Shared.Return(_words, clearArray: true);
        }

        if (_classes is not null)
        {
            ArrayPool<WordClass>.Shared.Return(_classes);
        }

        if (_verbs is not null)
        {
            ArrayPool<byte>.Shared.Return(_verbs);
        }

        _tokens = [];
        (_words, _classes, _verbs) = (null, null, null);
    }

    private static T[] Rent<T>(int count)
    {
        var array = ArrayPool<T>.Shared.Rent(Math.Max(count, 1));
        System.Array.Clear(array, 0, count);
        return array;
    }
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

    private readonly TokenStore _store;
    private readonly Token[] _tokens;
    private readonly int _offset;

    public TokenizedBlock(string text, List<Quotation> quotations, AttributionLexicon lexicon, TokenStore store)
    {
        Text = text;
        Quotations = quotations;
        _store = store;
        _tokens = store.Array;
        _offset = store.Count;
        var tokens = store;
        var q = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (q < quotations.Count && i >= quotations[q].Start)
            {
                tokens.Add(Token.Quotation(quotations[q].Start, quotations[q].End, q));
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

                tokens.Add(Token.Word(i, end, c));
                i = end;
                continue;
            }

            tokens.Add(Token.Punct(i));
            i++;
        }

        Count = store.Count - _offset;
        Sentences = Split(text, Tokens, quotations);
    }

    public string Text { get; }

    public List<Quotation> Quotations { get; }

    /// <summary>The block's tokens.</summary>
    /// <remarks>
    /// Marked for inlining: the parser asks for a token hundreds of times per block, and
    /// in the composite ReadyToRun image the getter stayed a call (0.7% of a real-text run).
    /// </remarks>
    public ReadOnlySpan<Token> Tokens
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(_tokens, _offset, Count);
    }

    /// <summary>How many tokens the block has.</summary>
    public int Count { get; }

    /// <summary>Each sentence as a range of token indices [Start, End).</summary>
    public List<(int Start, int End)> Sentences { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Span(Token token) => Text.AsSpan(token.Start, token.End - token.Start);

    /// <summary>Token <paramref name="index"/>'s text, without making a string.</summary>
    public ReadOnlySpan<char> WordSpan(int index) => Span(Tokens[index]);

    // Each word's string, made when first asked: the parser asks about the same few words often.
    public string Word(int index)
    {
        ref var word = ref _store.Words[_offset + index];
        if (word is null)
        {
            var token = Tokens[index];
            word = Text.Substring(token.Start, token.End - token.Start);
        }

        return word;
    }

    // Each word's class in the lexicon's lists, looked up when first asked.

    /// <summary>What the lexicon's lists say word <paramref name="index"/> is.</summary>
    public WordClass ClassOf(int index, AttributionLexicon lexicon)
    {
        ref var found = ref _store.Classes[_offset + index];
        if (found == WordClass.None)
        {
            var token = Tokens[index];
            found = token.IsWord ? lexicon.Classify(Text.AsSpan(token.Start, token.End - token.Start)) : WordClass.Looked;
        }

        return found;
    }

    /// <summary>Whether word <paramref name="index"/> is of class <paramref name="wanted"/>.</summary>
    public bool Is(int index, WordClass wanted, AttributionLexicon lexicon) => (ClassOf(index, lexicon) & wanted) != 0;

    /// <summary>The token's use as a verb of saying, or null; only lower-case words are verbs here.</summary>
    public VerbUse? VerbAt(int index, AttributionLexicon lexicon)
    {
        // 0 not yet looked up, 1 none, 2 + the use.
        ref var verb = ref _store.Verbs[_offset + index];
        if (verb == 0)
        {
            var token = Tokens[index];
            verb = token.IsLower && lexicon.TryGetVerb(Text.AsSpan(token.Start, token.End - token.Start), out var use)
                ? (byte)(2 + (int)use)
                : (byte)1;
        }

        return verb == 1 ? null : (VerbUse)(verb - 2);
    }

    public bool IsPunct(int index, char c) => Tokens[index] is { IsPunct: true } token && Text[token.Start] == c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsCapitalised(int index) => Tokens[index].IsCapitalised;

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

        return Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || (lexicon.TitleLookup.Contains(word) && word.Length <= 5);
    }

    private static List<(int Start, int End)> Split(string text, ReadOnlySpan<Token> tokens, List<Quotation> quotations)
    {
        var sentences = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var ends = false;
            if (token.Kind == TokenKind.Punct && text[token.Start] is '.' or '!' or '?' or '…')
            {
                ends = i + 1 >= tokens.Length || tokens[i + 1].IsQuote || (tokens[i + 1].IsWord && (char.IsUpper(text[tokens[i + 1].Start]) || char.IsDigit(text[tokens[i + 1].Start])));
            }
            else if (token.IsQuote && i + 1 < tokens.Length && (tokens[i + 1].IsQuote || (tokens[i + 1].IsWord && char.IsUpper(text[tokens[i + 1].Start]))))
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

        if (start < tokens.Length)
        {
            sentences.Add((start, tokens.Length));
        }

        return sentences;
    }
}
