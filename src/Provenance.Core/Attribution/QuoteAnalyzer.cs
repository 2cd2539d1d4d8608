using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Attribution;

/// <summary>
/// Attributes each quotation of an article, in document order, the way a reader does:
/// <list type="number">
/// <item>after the quotation, a verb of saying with its subject ("…," Trump said; "…," said Sen. Martin
/// Heinrich; "…," Clinton's communications director Jennifer Palmieri told reporters) or a dash and a
/// name ("…" — Hillary Clinton), even past a sentence's end when the next sentence is only that
/// ("…." Eric Trump said.);</item>
/// <item>else before it, in its sentence, the nearest verb of saying with its subject (Trump said: "…";
/// He called the boats an "…"; Obama wrote he had "…"), a participle's subject (…, saying, "…"),
/// "according to" someone, or a transcript's "CLINTON:";</item>
/// <item>else the speaker of the quotation it continues (one that opens a sentence after an
/// attributed one, or opens a paragraph after a paragraph that ended on one), or the speaker a
/// paragraph ending "He said:" introduces, who also speaks a whole following paragraph without
/// marks (a block quotation); an embedded post signed "— Name (@handle) date" is its author's.</item>
/// </list>
/// Pronouns, and descriptions such as "the Nevada Democrat", take the last person spoken of whom they
/// fit; every name resolves to the fullest form the article gives it.
/// </summary>
internal sealed partial class QuoteAnalyzer(Article article, IReadOnlyList<int> blockIndices, AttributionLexicon lexicon, Func<bool>? isEnglish = null, Func<int, List<Quotation>>? quotationsOf = null)
{
    private const long BlockStride = 1_000_000;
    private const string Continues = "continues the quotation before";

    private readonly PersonModel _people = new(BlockStride);

    // The blocks read, by their index in the article, for the mentions noted unread.
    private readonly TokenizedBlock?[] _tokenized = new TokenizedBlock?[article.Blocks.Length];

    // Capitalised words seen inside a sentence, not at its start: proper nouns, which a one-word
    // name must be unless the article gives it in full or with a title ("Staff", "Nothing" and "Gun"
    // open sentences; "Trump" and "Warren" appear mid-sentence too).
    private readonly HashSet<string> _properWords = new(StringComparer.Ordinal);

    // Public roles the article gives people, each with its holders in order: "nominee" for
    // "Democratic nominee Hillary Clinton", "senator" for "Sen. Ted Cruz" (Described).
    private readonly Dictionary<string, List<(string Name, long Position, string? Party)>> _roles = new(StringComparer.Ordinal);

    // Capitalised runs in the blocks, for sizing the list of mentions once.
    private int _runs;

    /// <summary>What a paragraph leaves for the next one to continue.</summary>
    private readonly record struct Carry(QuoteSource Source, string Speaker, string Cue, bool Introduces);

    public QuoteAnalysis Run()
    {
        // Every token takes a character, but a quotation's may take none: the store holds as many
        // as the blocks have characters and quotations.
        var quotations = new List<Quotation>[blockIndices.Count];
        var capacity = 0;
        for (var b = 0; b < quotations.Length; b++)
        {
            var text = article.Blocks[blockIndices[b]].Text;
            quotations[b] = quotationsOf?.Invoke(blockIndices[b]) ?? Quotations.Find(text);
            capacity += text.Length + quotations[b].Count;
        }

        using var store = new TokenStore(capacity);
        var blocks = new List<(int Index, TokenizedBlock Tokens)>(blockIndices.Count);
        for (var b = 0; b < quotations.Length; b++)
        {
            var index = blockIndices[b];
            var block = new TokenizedBlock(article.Blocks[index].Text, quotations[b], lexicon, store);
            blocks.Add((index, block));
            _tokenized[index] = block;
        }

        foreach (var (_, tokens) in blocks)
        {
            CollectProperWords(tokens);
        }

        foreach (var (index, tokens) in blocks)
        {
            CollectNames(index, tokens);
        }

        // Every run is noted as a mention at least once; most only once.
        _recent.Capacity = _runs + (_runs / 4) + 16;


        var quotes = ImmutableArray.CreateBuilder<AttributedQuote>();
        var paraphrases = ImmutableArray.CreateBuilder<Paraphrase>();
        Carry? carried = null;
        var previousIndex = -2;
        for (var b = 0; b < blocks.Count; b++)
        {
            var (index, tokens) = blocks[b];

            // A paragraph continues the last one only when it directly follows it.
            if (index != previousIndex + 1)
            {
                carried = null;
            }

            // A post whose signature stands alone in the next paragraph is its author's.
            if (b + 1 < blocks.Count && blocks[b + 1].Index == index + 1 && tokens.Quotations.Count == 0 && SignatureOnly(blocks[b + 1].Tokens.Text) is { } author)
            {
                carried = new Carry(QuoteSource.Named, author, "—", true);
            }

            carried = Attribute(index, tokens, carried, quotes, paraphrases);
            previousIndex = index;
        }

        // The word lists are English: in another language a quotation's speaker cannot be read, so
        // no quotation there is called unattributed (the language is asked only when one is).
        if (Any(quotes, QuoteSource.Unattributed, QuoteSource.Unresolved) && !(isEnglish?.Invoke() ?? IsEnglish(blocks)))
        {
            for (var i = quotes.Count - 1; i >= 0; i--)
            {
                if (quotes[i].Source is QuoteSource.Unattributed or QuoteSource.Unresolved)
                {
                    quotes.RemoveAt(i);
                }
            }
        }

        return QuoteAnalysis.Create(quotes.ToImmutable(), paraphrases.ToImmutable());
    }

    private static bool Any(ImmutableArray<AttributedQuote>.Builder quotes, QuoteSource first, QuoteSource second)
    {
        foreach (var quote in quotes)
        {
            if (quote.Source == first || quote.Source == second)
            {
                return true;
            }
        }

        return false;
    }

    // The word lists are English. The article's layout tells once for the analysis and the
    // language rule alike; read alone, the analysis tells from its own blocks.
    private static bool IsEnglish(List<(int Index, TokenizedBlock Tokens)> blocks) => EnglishText.Of(blocks.Select(b => (b.Tokens.Text, b.Tokens.Quotations)));

    private void CollectProperWords(TokenizedBlock block)
    {
        var tokens = block.Tokens;
        var known = _properWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (start, end) in block.Sentences)
        {
            // The first word of a sentence, unless a quotation opens it ("“…,” Kerry said").
            var first = start;
            while (first < end && tokens[first].IsPunct)
            {
                first++;
            }

            // Only a capitalised word standing alone counts: inside a longer name ("Brady Center to
            // Prevent Gun Violence") a common noun is capitalised too.
            for (var i = first + 1; i < end; i++)
            {
                if (block.IsCapitalised(i) && !block.IsCapitalised(i - 1) && (i + 1 >= end || !block.IsCapitalised(i + 1)))
                {
                    var word = block.Span(tokens[i]);
                    if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal))
                    {
                        word = word[..^2];
                    }

                    if (!known.Contains(word))
                    {
                        _properWords.Add(word.ToString());
                    }
                }
            }
        }
    }

    // Every person's name of two or more words, outside quotations, known by its surname. A
    // sentence's first word joins a name only when the article capitalises it elsewhere too
    // ("Should Trump…" and "Enter Carter Page" do not name "Should Trump" or "Enter Carter Page").
    private void CollectNames(int index, TokenizedBlock block)
    {
        var tokens = block.Tokens;
        var sentences = block.Sentences;
        var sentence = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!block.IsCapitalised(i))
            {
                continue;
            }

            // Whether token i opens a sentence: the sentences are in order, as i is.
            while (sentence < sentences.Count && sentences[sentence].Start < i)
            {
                sentence++;
            }

            var opensSentence = sentence < sentences.Count && sentences[sentence].Start == i;
            _runs++;

            var k = i;
            while (k + 1 < tokens.Length && SpeakerPhrases.InRun(block, k + 1, lexicon))
            {
                k++;
            }

            // A name of one word is never kept (a token holds no space), so a run of one is not read:
            // most capitalised runs are one word ("The", "He", "Trump").
            var from = opensSentence && k > i && !_properWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(block.WordSpan(i)) ? i + 1 : i;
            if (from < k)
            {
                var (kind, first) = SpeakerPhrases.NameBounds(block, from, k, lexicon);
                if (kind == SpeakerKind.Person && SpeakerPhrases.SliceSpan(block, first, k) is var name && name.Contains(' '))
                {
                    var full = name.ToString();
                    _people.Add(full, Position(index, first));
                    NoteRoles(block, i, first, k, full, Position(index, first));
                }
            }

            i = k;
        }
    }

    // The public roles given with a name: its titles ("Sen.", "President"), the words in small
    // letters just before it ("Democratic presidential nominee"), and an appositive after it
    // (", the Republican nominee,").
    private void NoteRoles(TokenizedBlock block, int run, int first, int last, string name, long position)
    {
        string? party = null;
        for (var t = run; t < first; t++)
        {
            if (block.Tokens[t].IsWord && TitleRole(block.WordSpan(t).TrimEnd('.')) is { } title)
            {
                AddRole(title, name, position, null);
            }

            party ??= block.Tokens[t].IsWord ? PartyOf(block.WordSpan(t)) : null;
        }

        // The role word right before the name ("nominee Hillary Clinton"), not one further back,
        // which may be the subject of a verb with the name as its object ("A federal judge
        // sentenced Mark Ellison").
        var before = run - 1;
        if (before >= 0 && block.Tokens[before].IsLower && IsPublicRole(block.WordSpan(before)))
        {
            // "Democratic presidential nominee Hillary Clinton": the party a word or two before the role.
            for (var p = before - 1; p >= 0 && before - p <= 2 && block.Tokens[p].IsWord && party is null; p--)
            {
                party = PartyOf(block.WordSpan(p));
            }

            AddRole(block.Word(before), name, position, party);
        }

        // ", the Republican nominee," set off after the name by two commas.
        if (last + 2 < block.Count && block.IsPunct(last + 1, ',') && IsWord(block, last + 2, "the"))
        {
            string? after = null;
            for (var t = last + 3; t < block.Count && t - last <= 7 && block.Tokens[t].IsWord; t++)
            {
                after ??= PartyOf(block.WordSpan(t));
                if (block.Tokens[t].IsLower && IsPublicRole(block.WordSpan(t)) && t + 1 < block.Count && block.IsPunct(t + 1, ','))
                {
                    AddRole(block.Word(t), name, position, after);
                    break;
                }
            }
        }
    }

    private void AddRole(string role, string name, long position, string? party)
    {
        if (!_roles.TryGetValue(role, out var holders))
        {
            _roles[role] = holders = [];
        }

        holders.Add((name, position, party));
    }

    // The role a title before a name gives: "Sen." a senator, "Gov." a governor.
    private static string? TitleRole(ReadOnlySpan<char> title) => title switch
    {
        "Sen" or "Senator" => "senator",
        "Gov" or "Governor" => "governor",
        "Rep" or "Representative" or "Congressman" or "Congresswoman" => "congressman",
        "President" => "president",
        "Mayor" => "mayor",
        "Judge" => "judge",
        "Secretary" => "secretary",
        "Sheriff" => "sheriff",
        "Ambassador" or "Amb" => "ambassador",
        "Commissioner" => "commissioner",
        _ => null,
    };

    // Attributes the block's quotations and finds its paraphrases; returns what the next paragraph
    // may continue: its last quotation's speaker, or the speaker its last sentence introduces.
    private Carry? Attribute(int index, TokenizedBlock block, Carry? carried, ImmutableArray<AttributedQuote>.Builder quotes, ImmutableArray<Paraphrase>.Builder paraphrases)
    {
        if (block.Quotations.Count == 0 && Unmarked(index, block, carried) is { } unmarked)
        {
            quotes.Add(unmarked);
            return new Carry(unmarked.Source, unmarked.Speaker, Continues, false);
        }

        var tokens = block.Tokens;
        var found = new List<(AttributedQuote Quote, int Sentence, bool Cued)>();
        for (var s = 0; s < block.Sentences.Count; s++)
        {
            var (start, end) = block.Sentences[s];
            NoteSubject(index, block, start, end);
            var hasQuote = false;
            for (var q = start; q < end; q++)
            {
                if (!tokens[q].IsQuote)
                {
                    continue;
                }

                var quotation = block.Quotations[tokens[q].Quote];
                var words = CountWords(block.Text, quotation);
                var titleLike = IsTitleLike(block.Text, quotation, words);

                // A sentence that only names a title in quotation marks may still paraphrase.
                hasQuote |= !titleLike;
                var cue = Cue(block, start, end, q);
                Attribution? attribution = null;
                // A title is no one's words, even after a colon ("two programs: “Fox News Sunday” and …").
                if (cue.Phrase.Found && !(titleLike && (!cue.Adjacent || cue.Verb == ":")))
                {
                    attribution = Resolve(index, block, cue.Phrase, cue.Verb);

                    // A word or two quoted in a sentence about unnamed people ("voters called him
                    // "somewhat concerned"") is their term, not testimony.
                    if (attribution is { Source: QuoteSource.Unnamed } && words < 3 && !cue.Adjacent)
                    {
                        attribution = null;
                    }
                }

                if (attribution is null)
                {
                    // A quotation that opens its sentence continues the one before it: in this
                    // paragraph, or, at the paragraph's start, what the last paragraph left. A
                    // title between is no one's words ("…,” Roberts told CNN on “OutFront.” “…”).
                    var opensSentence = q == start || (q == start + 1 && tokens[start].IsPunct);
                    var spoken = found.FindLastIndex(f => IsSpoken(f.Quote));
                    var previous = spoken >= 0 && found[spoken].Sentence >= s - 1 && found[spoken].Quote.Source is QuoteSource.Named or QuoteSource.Unnamed
                        ? new Attribution(found[spoken].Quote.Source, found[spoken].Quote.Speaker, Continues)
                        : q == 0 && carried is { } carry ? new Attribution(carry.Source, carry.Speaker, carry.Cue) : (Attribution?)null;
                    if (opensSentence && previous is { } inherited && !IsBodyKindPhrase(block, cue.Phrase))
                    {
                        attribution = inherited;
                    }
                    else if (opensSentence && previous is null && s > 0 && !titleLike && !cue.Phrase.Found
                        && Introduction(index, block, block.Sentences[s - 1]) is { Source: QuoteSource.Named or QuoteSource.Unnamed } handedOn)
                    {
                        // As a paragraph hands on its speaker to a quotation that opens the next,
                        // a sentence does to one that opens the next sentence ("Kaine said the
                        // nominee was not prepared. “He didn’t offer specifics.”"), unless the quotation
                        // has a cue of its own that named no one ("“…,” the nominee said").
                        attribution = new Attribution(handedOn.Source, handedOn.Speaker, handedOn.Cue);
                    }
                    else if (!opensSentence && !titleLike && !cue.Phrase.Found && SplitBy(block, start, q) && found.Count > 0
                        && found[^1] is { Cued: true, Quote.Source: QuoteSource.Named or QuoteSource.Unnamed } split && split.Sentence == s)
                    {
                        // A quotation its attribution interrupts goes on after it: "“He comes
                        // across,” wrote Marcus Eliason for The Associated Press in 1980, “as a
                        // technocrat…”".
                        attribution = new Attribution(split.Quote.Source, split.Quote.Speaker, Continues);
                    }
                }

                var result = attribution is { } a
                    ? new AttributedQuote(index, Span(quotation), a.Source, a.Speaker, a.Cue, words, titleLike)
                    : new AttributedQuote(index, Span(quotation), QuoteSource.Unattributed, string.Empty, string.Empty, words, titleLike);
                found.Add((result, cue.Spills ? s + 1 : s, cue.Phrase.Found));
            }

            if (!hasQuote)
            {
                FindParaphrases(index, block, start, end, paraphrases);
            }
        }

        // A quotation with no cue that opens a sentence whose next sentence opens with a quotation
        // attributed after it ("“…” “…,” Trump said.") is that speaker's too.
        for (var i = found.Count - 2; i >= 0; i--)
        {
            var (quote, sentence, cued) = found[i];
            var next = found[i + 1];
            if (quote.Source == QuoteSource.Unattributed && !cued && !quote.TitleLike && next.Sentence == sentence + 1 && next.Cued && next.Quote.Source is QuoteSource.Named or QuoteSource.Unnamed
                && OpensSentence(block, sentence, quote) && OpensSentence(block, next.Sentence, next.Quote))
            {
                found[i] = (quote with { Source = next.Quote.Source, Speaker = next.Quote.Speaker, Cue = "continued by the quotation after" }, sentence, false);
            }
        }

        // A quotation left without a speaker is an orphan only when nothing near it could name one:
        // a verb of saying, a name or a pronoun anywhere in its paragraph, or in the paragraph
        // before (or a quotation there it may continue), means a reader probably knows who speaks
        // even where the analysis could not tell ("Trump's answer? “…”", "“…” August 7, 2015, on
        // CNN.", a paragraph of quotations a lead-in two paragraphs up introduced). Read on real
        // articles, nearly every quotation the narrower test (its sentence and the one before)
        // called an orphan had its speaker plain in one of those places.
        bool? near = null;
        for (var i = 0; i < found.Count; i++)
        {
            var (quote, sentence, cued) = found[i];
            if (quote.Source == QuoteSource.Unattributed && (cued || (near ??= MayAnyoneSpeak(block) || MayAnyoneSpeakBefore(index))))
            {
                found[i] = (quote with { Source = QuoteSource.Unresolved }, sentence, cued);
            }
        }

        foreach (var (quote, _, _) in found)
        {
            quotes.Add(quote);
        }

        // The next paragraph continues this one's last quotation when this one ended on it: an
        // unclosed quotation, or a last sentence that held it. A title is no one's words: after
        // "…,” Pence said on ABC's “Good Morning America.”" the sentence itself hands on Pence.
        var lastSentence = block.Sentences.Count - 1;

        // A paragraph that ends in a colon introduces what follows, whatever it quoted before
        // ("She also said there wasn’t “any racism until Obama got elected” and skirted problems
        // under the table:", "…his opponent's “typical” positions, Reagan stepped in with four words:").
        if (lastSentence >= 0 && block.IsPunct(block.Count - 1, ':') && Introduction(index, block, block.Sentences[lastSentence]) is { } introduced)
        {
            return introduced;
        }

        var lastSpoken = found.FindLastIndex(f => !f.Quote.TitleLike);
        if (lastSpoken >= 0 && found[lastSpoken].Sentence >= lastSentence)
        {
            var last = found[lastSpoken].Quote;
            return last.Source is QuoteSource.Named or QuoteSource.Unnamed
                ? new Carry(last.Source, last.Speaker, Continues, false)
                : null;
        }

        if (lastSentence < 0)
        {
            return null;
        }

        // "Adding:", "Continuing:" alone between two quotations: the speaker goes on, so the
        // paragraph hands on the one the paragraph before it had.
        return Introduction(index, block, block.Sentences[lastSentence])
            ?? (carried is { Source: QuoteSource.Named or QuoteSource.Unnamed } going && IsBareSpeechLead(block)
                ? going with { Cue = Continues, Introduces = true }
                : null);
    }

    // Whether a quotation is someone's words for the next in its paragraph to continue: one that
    // reads like a title ("OutFront.", "Fox and Friends") is, when a cue gave it a speaker
    // ("“Absolutely,” he said" is short and capitalised). Across paragraphs the last sentence
    // hands on its speaker itself (Introduction).
    private static bool IsSpoken(AttributedQuote quote) => !quote.TitleLike || quote.Source is QuoteSource.Named or QuoteSource.Unnamed;

    // Whether the paragraph is only a verb of saying and a colon ("Adding:", "He continued:" aside).
    private bool IsBareSpeechLead(TokenizedBlock block) =>
        block.Count == 2 && block.Tokens[0].IsWord && block.IsPunct(1, ':')
        && VerbInSmallLetters(block, 0, out var use, out _) && use is VerbUse.Speech or VerbUse.Participle;

    // An embedded post's signature at a paragraph's end: "— Chantie Huffines (@LadyChantie) September 23, 2016".
    [GeneratedRegex(@"[—–-]\s*(?<name>[^\s()@—–][^()@\n—–]{0,60}?)\s*\(@\w{1,30}\)(?:\s+\p{L}+\.?\s+\d{1,2},\s+\d{4})?\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Signature();

    private static TextSpan Span(Quotation quotation) => TextSpan.FromBounds(quotation.Start, quotation.End);

    private static long Position(int block, int token) => (block * BlockStride) + token;
}
