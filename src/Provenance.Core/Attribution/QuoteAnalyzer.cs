using System.Collections.Immutable;
using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Attribution;

/// <summary>
/// Attributes each quotation of an article, in document order, the way a reader does:
/// <list type="number">
/// <item>after the quotation, a verb of saying with its subject ("…," Trump said; "…," said Sen. Martin
/// Heinrich; "…," Clinton's communications director Jennifer Palmieri told reporters) or a dash and a
/// name ("…" — Hillary Clinton);</item>
/// <item>else before it, in its sentence, the nearest verb of saying with its subject (Trump said: "…";
/// He called the boats an "…"; Obama wrote he had "…"), a participle's sentence subject (…, saying, "…"),
/// "according to" someone, or a transcript's "CLINTON:";</item>
/// <item>else the speaker of the quotation it continues: one that opens a sentence after an attributed
/// one, or opens a paragraph after a paragraph that ended on one.</item>
/// </list>
/// Pronouns take the last named speaker (or the last person named as a sentence's subject, whichever
/// came later), and every name resolves to the fullest form the article gives it.
/// </summary>
internal sealed class QuoteAnalyzer(Article article, IReadOnlyList<int> blockIndices, AttributionLexicon lexicon)
{
    private const long BlockStride = 1_000_000;

    private readonly PersonModel _people = new();

    // Capitalised words seen inside a sentence, not at its start: proper nouns, which a one-word
    // name must be unless the article gives it in full or with a title ("Staff", "Nothing" and "Gun"
    // open sentences; "Trump" and "Warren" appear mid-sentence too).
    private readonly HashSet<string> _properWords = new(StringComparer.Ordinal);

    // Speakers and people named as a sentence's subject, latest last, for pronouns to refer to.
    private readonly List<(string Name, long Position, QuoteSourceKind Kind, bool Strong)> _recent = [];

    private enum QuoteSourceKind
    {
        Person,
        Organisation,
    }

    public QuoteAnalysis Run()
    {
        var blocks = new List<(int Index, TokenizedBlock Tokens)>(blockIndices.Count);
        foreach (var index in blockIndices)
        {
            var text = article.Blocks[index].Text;
            blocks.Add((index, new TokenizedBlock(text, Quotations.Find(text), lexicon)));
        }

        foreach (var (_, tokens) in blocks)
        {
            CollectProperWords(tokens);
        }

        foreach (var (index, tokens) in blocks)
        {
            CollectNames(index, tokens);
        }

        var quotes = ImmutableArray.CreateBuilder<AttributedQuote>();
        var paraphrases = ImmutableArray.CreateBuilder<Paraphrase>();
        AttributedQuote? carried = null;
        var previousIndex = -2;
        foreach (var (index, tokens) in blocks)
        {
            // A paragraph continues the last one's quotation only when it directly follows it.
            if (index != previousIndex + 1)
            {
                carried = null;
            }

            carried = Attribute(index, tokens, carried, quotes, paraphrases);
            previousIndex = index;
        }

        return QuoteAnalysis.Create(quotes.ToImmutable(), paraphrases.ToImmutable());
    }

    private void CollectProperWords(TokenizedBlock block)
    {
        var tokens = block.Tokens;
        foreach (var (start, end) in block.Sentences)
        {
            // The first word of a sentence, unless a quotation opens it ("“…,” Kerry said").
            var first = start;
            while (first < end && tokens[first].Kind == TokenKind.Punct)
            {
                first++;
            }

            for (var i = first + 1; i < end; i++)
            {
                if (block.IsCapitalised(i))
                {
                    _properWords.Add(block.Word(i));
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
        var firsts = new HashSet<int>(block.Sentences.Select(s => s.Start));

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!block.IsCapitalised(i))
            {
                continue;
            }

            var k = i;
            while (k + 1 < tokens.Count && SpeakerPhrases.InRun(block, k + 1, lexicon))
            {
                k++;
            }

            var from = firsts.Contains(i) && k > i && !_properWords.Contains(block.Word(i)) ? i + 1 : i;
            var name = SpeakerPhrases.Name(block, from, k, lexicon);
            if (name.Kind == SpeakerKind.Person && name.Text.Contains(' ', StringComparison.Ordinal))
            {
                _people.Add(name.Text, Position(index, name.First));
            }

            i = k;
        }
    }

    // Attributes the block's quotations and finds its paraphrases; returns the quotation a next
    // paragraph that opens with a quotation would continue, or null.
    private AttributedQuote? Attribute(int index, TokenizedBlock block, AttributedQuote? carried, ImmutableArray<AttributedQuote>.Builder quotes, ImmutableArray<Paraphrase>.Builder paraphrases)
    {
        var tokens = block.Tokens;
        var found = new List<AttributedQuote>();
        var foundSentence = new List<int>();
        var foundCue = new List<bool>();
        AttributedQuote? lastInBlock = null;
        var lastSentenceHadQuote = false;
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
                var (phrase, cue, adjacent) = Cue(block, start, end, q);
                AttributedQuote? result = null;
                if (phrase.Found && !(titleLike && !adjacent))
                {
                    result = Resolve(index, block, quotation, phrase, cue, words, titleLike);
                }

                if (result is null or { Source: QuoteSource.Unattributed })
                {
                    // A quotation that opens its sentence continues the one before it: in this
                    // paragraph, or, at the paragraph's start, the last paragraph's closing one.
                    var opensSentence = q == start || (q == start + 1 && tokens[start].Kind == TokenKind.Punct);
                    var previous = found.Count > 0 && foundSentence[^1] >= s - 1 ? found[^1] : (q == 0 ? carried : null);
                    if (opensSentence && previous is { Source: not QuoteSource.Unattributed })
                    {
                        result = new AttributedQuote(index, Span(quotation), previous.Source, previous.Speaker, "continues the quotation before", words, titleLike);
                    }
                }

                result ??= new AttributedQuote(index, Span(quotation), QuoteSource.Unattributed, string.Empty, string.Empty, words, titleLike);
                found.Add(result);
                foundSentence.Add(s);
                foundCue.Add(phrase.Found);
            }

            if (!hasQuote)
            {
                FindParaphrases(index, block, start, end, paraphrases);
            }

            lastSentenceHadQuote = hasQuote;
        }

        // A quotation with no cue that opens a sentence whose next sentence opens with a quotation
        // attributed after it ("“…” “…,” Trump said.") is that speaker's too.
        for (var i = found.Count - 2; i >= 0; i--)
        {
            if (found[i].Source == QuoteSource.Unattributed && !foundCue[i] && foundSentence[i + 1] == foundSentence[i] + 1 && found[i + 1].Source != QuoteSource.Unattributed && found[i + 1].Cue != "continues the quotation before")
            {
                found[i] = found[i] with { Source = found[i + 1].Source, Speaker = found[i + 1].Speaker, Cue = "continued by the quotation after" };
            }
        }

        quotes.AddRange(found);
        if (found.Count > 0)
        {
            lastInBlock = found[^1];
        }

        // The next paragraph continues this one's last quotation when this one ended on it: an
        // unclosed quotation, or a last sentence that held it.
        if (lastInBlock is null || !lastSentenceHadQuote)
        {
            return null;
        }

        var lastQuotation = block.Quotations[^1];
        return lastInBlock.Source != QuoteSource.Unattributed || !lastQuotation.Closed ? lastInBlock : null;
    }

    // The phrase that attributes quotation token q of the sentence [start, end), the cue, and
    // whether the cue stands right beside the quotation (a title is quoted speech only then).
    private (SpeakerPhrase Phrase, string Cue, bool Adjacent) Cue(TokenizedBlock block, int start, int end, int q)
    {
        var tokens = block.Tokens;
        var postEnd = q + 1;
        while (postEnd < end && !tokens[postEnd].IsQuote)
        {
            postEnd++;
        }

        // A question or an exclamation may end its sentence with the speaker still to come: "Why
        // not?" Trump asked.
        if (postEnd == q + 1 && q + 1 < tokens.Count && block.IsCapitalised(q + 1) && EndsWith(block, q, '?', '!'))
        {
            postEnd = Math.Min(block.SentenceOf(q + 1).End, q + 5);
        }

        // After: "…," Trump said / said Trump / — Hillary Clinton / according to…
        var p = q + 1;
        var dash = false;
        while (p < postEnd && tokens[p].Kind == TokenKind.Punct && block.Text[tokens[p].Start] is ',' or ';' or ':' or '—' or '–' or '-' or '…' or '!' or '?' or '.')
        {
            dash |= block.Text[tokens[p].Start] is '—' or '–' or '-';
            p++;
        }

        if (p < postEnd && !(p > q + 1 && block.IsPunct(p - 1, '.') && !dash))
        {
            if (dash && block.IsCapitalised(p))
            {
                var k = p;
                while (k + 1 < postEnd && block.IsCapitalised(k + 1))
                {
                    k++;
                }

                var name = SpeakerPhrases.Name(block, p, k, lexicon);
                if (name.Found)
                {
                    return (name, "—", true);
                }
            }

            if (IsVerb(block, p, VerbUse.Speech))
            {
                var after = SpeakerPhrases.After(block, p + 1, postEnd, lexicon);
                if (after.Found)
                {
                    return (after, block.Word(p), true);
                }
            }

            for (var v = p; v < postEnd && v - p <= 12; v++)
            {
                if (tokens[v].Kind == TokenKind.Punct && block.Text[tokens[v].Start] is not (',' or '(' or ')' or '-' or '\'' or '’' or '.'))
                {
                    break;
                }

                if (IsWord(block, v, "according") && v + 1 < postEnd && IsWord(block, v + 1, "to"))
                {
                    var source = SpeakerPhrases.After(block, v + 2, postEnd, lexicon);
                    if (source.Found)
                    {
                        return (source, "according to", true);
                    }

                    break;
                }

                if (IsVerb(block, v, VerbUse.Speech))
                {
                    var subject = SpeakerPhrases.Before(block, p, v, lexicon);
                    if (subject.Found)
                    {
                        return (subject, block.Word(v), true);
                    }

                    break;
                }
            }
        }

        // Before, in the sentence: a transcript's speaker ("CLINTON: “…”").
        if (q >= start + 2 && q - 2 - start <= 3 && block.IsPunct(q - 1, ':') && Enumerable.Range(start, q - 1 - start).All(block.IsCapitalised))
        {
            var name = SpeakerPhrases.Name(block, start, q - 2, lexicon);
            if (name.Found)
            {
                return (name with { Kind = name.Kind == SpeakerKind.Organisation && IsUpper(name.Text) ? SpeakerKind.Person : name.Kind }, ":", true);
            }
        }

        // Before: the nearest verb of saying, its subject or the sentence's.
        for (var v = q - 1; v >= start && q - v <= 40; v--)
        {
            if (IsWord(block, v, "according") && v + 1 < q && IsWord(block, v + 1, "to"))
            {
                var source = SpeakerPhrases.After(block, v + 2, q, lexicon);
                if (source.Found)
                {
                    return (source, "according to", true);
                }
            }

            if (!tokens[v].IsWord || !lexicon.Verbs.TryGetValue(block.Word(v).ToLowerInvariant(), out var use) || char.IsUpper(block.Text[tokens[v].Start]) && v != start)
            {
                continue;
            }

            // A participle that opens the sentence ("Speaking to reporters, …") names no subject of its own.
            if (use == VerbUse.Participle && v == start)
            {
                break;
            }

            var adjacent = Adjacent(block, v, q);
            var phrase = use == VerbUse.Participle ? SentenceSubject(block, start, v) : SpeakerPhrases.Before(block, start, v, lexicon);
            if (phrase.Found)
            {
                return (phrase, block.Word(v), adjacent);
            }

            // "…, adding: “…”" whose subject was not found, or a verb without one: look no further.
            break;
        }

        return (SpeakerPhrase.None, string.Empty, false);
    }

    // A verb stands beside a quotation when only a comma, a colon or "that" lies between them.
    private static bool Adjacent(TokenizedBlock block, int verb, int quote)
    {
        for (var i = verb + 1; i < quote; i++)
        {
            if (!(block.IsPunct(i, ',') || block.IsPunct(i, ':') || IsWord(block, i, "that")))
            {
                return false;
            }
        }

        return true;
    }

    // The subject of the sentence a participle hangs from ("Trump admitted …, saying, “…”"): its
    // first name or pronoun, after any opening phrase set off by a comma ("In a 1996 interview, Howard Stern …").
    private SpeakerPhrase SentenceSubject(TokenizedBlock block, int start, int verb)
    {
        var from = start;
        if (block.Tokens[start].IsWord && lexicon.NotNames.Contains(block.Word(start)) && !lexicon.Pronouns.Contains(block.Word(start).ToLowerInvariant()))
        {
            for (var i = start + 1; i < verb; i++)
            {
                if (block.IsPunct(i, ','))
                {
                    from = i + 1;
                    break;
                }
            }
        }

        return from < verb ? SpeakerPhrases.After(block, from, verb, lexicon) : SpeakerPhrase.None;
    }

    private AttributedQuote? Resolve(int index, TokenizedBlock block, Quotation quotation, SpeakerPhrase phrase, string cue, int words, bool titleLike)
    {
        var position = Position(index, phrase.First);
        switch (phrase.Kind)
        {
            case SpeakerKind.Person:
                if (!IsNameLike(block, phrase))
                {
                    return null;
                }

                var person = _people.Resolve(phrase.Text, position);
                Note(person, position, QuoteSourceKind.Person);
                return new AttributedQuote(index, Span(quotation), QuoteSource.Named, person, cue, words, titleLike);
            case SpeakerKind.Organisation:
                var organisation = StripThe(phrase.Text);
                Note(organisation, position, QuoteSourceKind.Organisation);
                return new AttributedQuote(index, Span(quotation), QuoteSource.Named, organisation, cue, words, titleLike);
            case SpeakerKind.Unnamed:
                return new AttributedQuote(index, Span(quotation), QuoteSource.Unnamed, phrase.Text, cue, words, titleLike);
            case SpeakerKind.Pronoun:
                var antecedent = Antecedent(phrase.Text, position);
                if (antecedent is { } found)
                {
                    Note(found.Name, position, found.Kind);
                }

                return antecedent is null
                    ? null
                    : new AttributedQuote(index, Span(quotation), QuoteSource.Named, antecedent.Value.Name, $"{phrase.Text} {cue}".Trim(), words, titleLike);
            default:
                return null;
        }
    }

    // A one-word name is a name when the article gives it in full elsewhere, puts a title before it
    // ("Sen. Warren") or capitalises it inside a sentence; a capitalised word that only ever opens
    // sentences is an ordinary word.
    private bool IsNameLike(TokenizedBlock block, SpeakerPhrase phrase)
    {
        if (phrase.Text.Contains(' ', StringComparison.Ordinal))
        {
            return true;
        }

        // A capitalised word straight before a verb of saying is a speaker ("Pelosi said"): a
        // singular noun there would take an article ("The official said"), and a plural one
        // ("Participants noted", "Analysts say") is a group, not a name.
        var titled = phrase.First > 0 && block.Tokens[phrase.First - 1].IsWord && lexicon.Titles.Contains(block.Word(phrase.First - 1).TrimEnd('.'));
        var speaks = phrase.Last + 1 < block.Tokens.Count && block.Tokens[phrase.Last + 1].IsWord
            && char.IsLower(block.Text[block.Tokens[phrase.Last + 1].Start]) && lexicon.Verbs.ContainsKey(block.Word(phrase.Last + 1)) && !phrase.Text.EndsWith('s');
        return titled || speaks || _people.Knows(phrase.Text) || _properWords.Contains(phrase.Text);
    }

    // "he" and "she" stand for the latest person spoken of (as a speaker or a sentence's subject)
    // whose first name does not say otherwise, within the last few paragraphs; "they" and "we" for
    // the latest organisation that spoke.
    private (string Name, QuoteSourceKind Kind)? Antecedent(string pronoun, long position)
    {
        // A speaker or a sentence's subject first; else anyone named, as "she" after "Donald Trump
        // spoke and Hillary Clinton answered" is Hillary Clinton.
        (string, QuoteSourceKind)? weak = null;
        for (var i = _recent.Count - 1; i >= 0; i--)
        {
            var (name, at, kind, strong) = _recent[i];
            if (position - at > 6 * BlockStride)
            {
                break;
            }

            var fits = pronoun is "they" or "we" ? kind == QuoteSourceKind.Organisation : kind == QuoteSourceKind.Person && Fits(pronoun, name);
            if (!fits)
            {
                continue;
            }

            if (strong)
            {
                return (name, kind);
            }

            weak ??= (name, kind);
        }

        return weak;
    }

    private bool Fits(string pronoun, string name)
    {
        var first = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.TrimEnd('.').Length > 1) ?? string.Empty;
        return pronoun switch
        {
            "he" => !lexicon.Female.Contains(first),
            "she" => !lexicon.Male.Contains(first),
            _ => true,
        };
    }

    private void Note(string name, long position, QuoteSourceKind kind, bool strong = true)
    {
        _recent.Add((name, position, kind, strong));
        if (_recent.Count > 64)
        {
            _recent.RemoveRange(0, 32);
        }
    }

    // A person named at a sentence's start is the one a later "he" or "she" most likely means.
    private void NoteSubject(int index, TokenizedBlock block, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!block.IsCapitalised(i))
            {
                continue;
            }

            var k = i;
            while (k + 1 < end && SpeakerPhrases.InRun(block, k + 1, lexicon))
            {
                k++;
            }

            var name = SpeakerPhrases.Name(block, i, k, lexicon);
            if (name.Kind == SpeakerKind.Person && (name.Text.Contains(' ', StringComparison.Ordinal) || _people.Knows(name.Text)))
            {
                Note(_people.Resolve(name.Text, Position(index, name.First)), Position(index, name.First), QuoteSourceKind.Person, strong: false);
            }

            i = k;
        }

        var subject = SentenceSubject(block, start, Math.Min(end, start + 12));
        if (subject.Kind == SpeakerKind.Person && IsNameLike(block, subject))
        {
            Note(_people.Resolve(subject.Text, Position(index, subject.First)), Position(index, subject.First), QuoteSourceKind.Person);
        }
    }

    // "Pelosi said Thursday that…", "Trump told reporters the plan…", "according to Kirby, …":
    // named speakers of statements in a sentence that quotes nobody.
    private void FindParaphrases(int index, TokenizedBlock block, int start, int end, ImmutableArray<Paraphrase>.Builder paraphrases)
    {
        for (var v = start + 1; v < end - 1; v++)
        {
            SpeakerPhrase phrase;
            int last;
            if (IsWord(block, v, "according") && IsWord(block, v + 1, "to"))
            {
                phrase = SpeakerPhrases.After(block, v + 2, end, lexicon);
                last = phrase.Last;
                if (phrase.Kind is SpeakerKind.Person or SpeakerKind.Organisation)
                {
                    Add(phrase, block.Tokens[v].Start, block.Tokens[last].End);
                    v = last;
                }

                continue;
            }

            if (!IsVerb(block, v, VerbUse.Speech) || !IsParaphraseVerb(block.Word(v)))
            {
                continue;
            }

            phrase = SpeakerPhrases.Before(block, start, v, lexicon);
            if (phrase.Kind == SpeakerKind.Person && phrase.First >= start && !block.IsPunct(v + 1, '.') && IsNameLike(block, phrase))
            {
                // The span takes in the titles before the name ("President Biden referenced").
                var first = phrase.First;
                while (first - 1 >= start && block.IsCapitalised(first - 1) && !lexicon.NotNames.Contains(block.Word(first - 1)))
                {
                    first--;
                }

                Add(phrase, block.Tokens[first].Start, block.Tokens[v].End);
                Note(_people.Resolve(phrase.Text, Position(index, phrase.First)), Position(index, phrase.First), QuoteSourceKind.Person);
            }
        }

        void Add(SpeakerPhrase phrase, int from, int to)
        {
            var speaker = _people.Resolve(phrase.Text, Position(index, phrase.First));
            paraphrases.Add(new Paraphrase(index, TextSpan.FromBounds(from, to), phrase.Kind == SpeakerKind.Organisation ? StripThe(speaker) : speaker));
        }
    }

    private static bool IsParaphraseVerb(string word) => word is "said" or "says" or "told" or "tells" or "argued" or "argues" or "claimed" or "claims"
        or "insisted" or "insists" or "warned" or "warns" or "noted" or "notes" or "explained" or "explains" or "suggested" or "suggests"
        or "acknowledged" or "acknowledges" or "admitted" or "admits" or "stated" or "states" or "added" or "adds" or "announced"
        or "announces" or "confirmed" or "confirms" or "denied" or "denies" or "wrote" or "writes" or "predicted" or "predicts"
        or "promised" or "promises" or "vowed" or "vows" or "asserted" or "asserts" or "maintained" or "maintains" or "contended"
        or "contends" or "alleged" or "alleges" or "stressed" or "stresses" or "emphasized" or "emphasised" or "reiterated"
        or "conceded" or "concedes" or "tweeted" or "tweets" or "testified" or "testifies" or "referenced" or "references";

    private bool IsVerb(TokenizedBlock block, int index, VerbUse use) =>
        block.Tokens[index].IsWord && char.IsLower(block.Text[block.Tokens[index].Start])
        && lexicon.Verbs.TryGetValue(block.Word(index), out var found) && found == use;

    private static bool EndsWith(TokenizedBlock block, int quote, char first, char second)
    {
        var quotation = block.Quotations[block.Tokens[quote].Quote];
        for (var i = quotation.InnerEnd - 1; i >= quotation.InnerStart; i--)
        {
            if (!char.IsWhiteSpace(block.Text[i]))
            {
                return block.Text[i] == first || block.Text[i] == second;
            }
        }

        return false;
    }

    private static bool IsWord(TokenizedBlock block, int index, string word) =>
        index < block.Tokens.Count && block.Tokens[index].IsWord && block.Span(block.Tokens[index]).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static int CountWords(string text, Quotation quotation)
    {
        var words = 0;
        var inWord = false;
        for (var i = quotation.InnerStart; i < quotation.InnerEnd; i++)
        {
            var letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter || (inWord && text[i] is '\'' or '’' or '-');
        }

        return words;
    }

    // A title or a name in quotation marks ("State of the Union", "Make America Great Again"): a few
    // words, mostly capitalised, with no sentence punctuation inside.
    private static bool IsTitleLike(string text, Quotation quotation, int words)
    {
        if (words == 0 || words > 10)
        {
            return false;
        }

        // American style puts a sentence's full stop or comma inside the marks: "…on NBC's “Today.”"
        var inner = text.AsSpan(quotation.InnerStart, quotation.InnerLength).Trim().TrimEnd(".,").Trim();
        if (inner.IsEmpty || inner.IndexOfAny(",;:!?.") >= 0)
        {
            return false;
        }

        var (capitalised, long_) = (0, 0);
        foreach (var part in inner.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length >= 4 || part.Length >= 1 && char.IsUpper(part[0]))
            {
                long_++;
                if (char.IsUpper(part[0]) || char.IsDigit(part[0]))
                {
                    capitalised++;
                }
            }
        }

        return long_ > 0 && char.IsUpper(inner[0]) && capitalised * 3 >= long_ * 2;
    }

    private static bool IsUpper(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    private static string StripThe(string text) => text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;

    private static TextSpan Span(Quotation quotation) => TextSpan.FromBounds(quotation.Start, quotation.End);

    private static long Position(int block, int token) => (block * BlockStride) + token;
}
