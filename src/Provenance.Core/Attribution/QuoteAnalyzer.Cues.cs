namespace Provenance.Attribution;

/// <summary>Reading the cue that ties a quotation to its speaker.</summary>
internal sealed partial class QuoteAnalyzer
{
    /// <summary>The phrase that names the speaker, the verb or sign that ties it, whether it stands beside the quotation, and whether it was read from the next sentence.</summary>
    private readonly record struct QuoteCue(SpeakerPhrase Phrase, string Verb, bool Adjacent, bool Spills)
    {
        public static QuoteCue None { get; } = new(SpeakerPhrase.None, string.Empty, false, false);
    }

    // The cue of quotation token q in the sentence [start, end).
    private QuoteCue Cue(TokenizedBlock block, int start, int end, int q)
    {
        var tokens = block.Tokens;
        var postEnd = q + 1;
        while (postEnd < end && !tokens[postEnd].IsQuote)
        {
            postEnd++;
        }

        // A quotation may end its sentence with the speaker still to come: "Why not?" Trump asked;
        // and loosely punctuated copy writes "…the American dream." Eric Trump said.
        var spills = false;
        if (postEnd == q + 1 && q + 1 < tokens.Length && block.IsCapitalised(q + 1))
        {
            var next = block.SentenceOf(q + 1);
            if (EndsWith(block, q, '?', '!') || IsBareAttribution(block, next.Start, next.End))
            {
                postEnd = Math.Min(next.End, q + 12);
                spills = true;
            }
        }

        var after = CueAfter(block, q, postEnd);
        if (after.Phrase.Found)
        {
            return after with { Spills = spills };
        }

        return CueBefore(block, start, q);
    }

    // After: "…," Trump said / said Trump / — Hillary Clinton / according to…
    private QuoteCue CueAfter(TokenizedBlock block, int q, int postEnd)
    {
        var tokens = block.Tokens;
        var p = q + 1;
        var dash = false;
        while (p < postEnd && tokens[p].IsPunct && block.Text[tokens[p].Start] is ',' or ';' or ':' or '—' or '–' or '-' or '…' or '!' or '?' or '.')
        {
            dash |= block.Text[tokens[p].Start] is '—' or '–' or '-';
            p++;
        }

        if (p >= postEnd || (p > q + 1 && block.IsPunct(p - 1, '.') && !dash))
        {
            return QuoteCue.None;
        }

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
                return new QuoteCue(name, "—", true, false);
            }
        }

        if (IsVerb(block, p, VerbUse.Speech))
        {
            var inverted = SpeakerPhrases.After(block, p + 1, postEnd, lexicon);
            if (inverted.Found)
            {
                return new QuoteCue(inverted, block.Word(p), true, false);
            }
        }

        var reach = 12;
        for (var v = p; v < postEnd && v - p <= reach; v++)
        {
            if (tokens[v].IsPunct && block.Text[tokens[v].Start] is not (',' or '(' or ')' or '-' or '\'' or '’' or '.'))
            {
                break;
            }

            // A long appositive after the name that follows the quotation does not put its verb out
            // of reach ("…,” Florida Sen. Bill Nelson, the top Democrat on the committee with
            // jurisdiction over the issue, said Monday).
            if (v > p && block.IsPunct(v, ',') && block.IsCapitalised(v - 1) && IsNameWithRole(block, p, v) && AppositiveEnd(block, v, postEnd) is var close and > 0)
            {
                // "…, and Sen. John Thune, its chairman, said in a joint statement": two speakers.
                if (close + 1 < postEnd && IsWord(block, close + 1, "and"))
                {
                    break;
                }

                reach += close - v + 1;
                v = close;
                continue;
            }

            if (IsWord(block, v, "according") && v + 1 < postEnd && IsWord(block, v + 1, "to"))
            {
                var source = SpeakerPhrases.After(block, v + 2, postEnd, lexicon);
                return source.Found ? new QuoteCue(source, "according to", true, false) : QuoteCue.None;
            }

            if (IsVerb(block, v, VerbUse.Speech))
            {
                var subject = SpeakerPhrases.Before(block, p, v, lexicon);
                return subject.Found ? new QuoteCue(subject, block.Word(v), true, false) : QuoteCue.None;
            }
        }

        return QuoteCue.None;
    }

    // Before, in the sentence: a transcript's speaker, "according to", or the nearest verb of saying.
    private QuoteCue CueBefore(TokenizedBlock block, int start, int q)
    {
        var tokens = block.Tokens;

        // "CLINTON: “…”".
        if (q >= start + 2 && q - 2 - start <= 3 && block.IsPunct(q - 1, ':') && Enumerable.Range(start, q - 1 - start).All(block.IsCapitalised))
        {
            var name = SpeakerPhrases.Name(block, start, q - 2, lexicon);
            if (name.Found)
            {
                return new QuoteCue(name with { Kind = name.Kind == SpeakerKind.Organisation && IsUpper(name.Text) ? SpeakerKind.Person : name.Kind }, ":", true, false);
            }
        }

        // A sentence that opens with a verb of saying in the past inverts it: "Added a former
        // administration official: “…”", "Said Trump: “…”".
        if (q - start >= 2 && q - start <= 16 && block.IsCapitalised(start) && OpensWithPastSpeechVerb(block, start))
        {
            var inverted = SpeakerPhrases.After(block, start + 1, q, lexicon);
            if (inverted.Found)
            {
                return new QuoteCue(inverted, block.Word(start).ToLowerInvariant(), Adjacent(block, start, q) || block.IsPunct(q - 1, ':'), false);
            }
        }

        for (var v = q - 1; v >= start && q - v <= 40; v--)
        {
            if (IsWord(block, v, "according") && v + 1 < q && IsWord(block, v + 1, "to"))
            {
                var source = SpeakerPhrases.After(block, v + 2, q, lexicon);
                if (source.Found)
                {
                    return new QuoteCue(source, "according to", true, false);
                }
            }

            if (block.VerbAt(v, lexicon) is not { } use)
            {
                continue;
            }

            var phrase = use == VerbUse.Participle ? ParticipleSubject(block, start, v) : SubjectOf(block, start, v);
            if (phrase.Found)
            {
                return new QuoteCue(phrase, block.Word(v), Adjacent(block, v, q), false);
            }

            // A verb in the past whose subject could not be read ends the search; a present form
            // may be a noun ("the state of", "news reports", "in mock sessions").
            if (use == VerbUse.Participle || lexicon.IsPastForm(block.WordSpan(v)))
            {
                break;
            }
        }

        // "Murphy goes on to connect the dots: “…”": a clause that hands a quotation on with a colon
        // hands it from its subject, whatever its verb.
        if (q - 1 > start && block.IsPunct(q - 1, ':') && ColonSubject(block, start, q - 1) is { Found: true } subject)
        {
            return new QuoteCue(subject, ":", true, false);
        }

        return QuoteCue.None;
    }

    // Whether the capitalised word at the sentence's start is a verb of saying in the past ("Added").
    private bool OpensWithPastSpeechVerb(TokenizedBlock block, int index) =>
        VerbInSmallLetters(block, index, out var use, out var past) && use == VerbUse.Speech && past;

    // A word's use as a verb, looked up in small letters without making a string ("Added",
    // "Adding"): the verb table is keyed in small letters.
    private bool VerbInSmallLetters(TokenizedBlock block, int index, out VerbUse use, out bool past)
    {
        (use, past) = (default, false);
        var word = block.WordSpan(index);
        if (word.Length > 24)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        if (!lexicon.TryGetVerb(lower, out use))
        {
            return false;
        }

        past = lexicon.IsPastForm(lower);
        return true;
    }

    // The subject of a clause that ends in a colon, when the clause is a sentence about a person:
    // the sentence opens with the name or pronoun and a verb in small letters follows it
    // ("Murphy goes on to connect the dots:"), never a label in capitals ("UNGA BUNGLE:").
    private SpeakerPhrase ColonSubject(TokenizedBlock block, int start, int colon)
    {
        var subject = SentenceSubject(block, start, colon);
        if (subject.Kind is not (SpeakerKind.Person or SpeakerKind.Pronoun) || subject.Last + 1 >= colon)
        {
            return SpeakerPhrase.None;
        }

        // An appositive may stand between the name and its verb: "Kathy Miller, the campaign chair
        // in question, made the following statement:".
        var after = subject.Last + 1;
        if (subject.Kind == SpeakerKind.Person && block.IsPunct(after, ',') && AppositiveEnd(block, after, colon) is var close and > 0)
        {
            after = close + 1;
        }

        var next = block.Tokens[after];
        // Only the subject's titles may stand before it ("Senator Ted Cruz has released a statement:").
        var opens = (subject.First > start && block.IsPunct(subject.First - 1, ',')) || Enumerable.Range(start, subject.First - start).All(block.IsCapitalised);
        return opens && next.IsWord && char.IsLower(block.Text[next.Start]) && (subject.Kind == SpeakerKind.Pronoun || subject.Text.Any(char.IsLower))
            ? subject
            : SpeakerPhrase.None;
    }

    // The next sentence is only an attribution of what came before: a speaker and a verb of saying,
    // or the verb and a speaker, with no clause after them ("Eric Trump said.", "said Trump on
    // Tuesday."), not a new statement ("Pak countered that she …").
    private bool IsBareAttribution(TokenizedBlock block, int start, int end)
    {
        for (var v = start; v < end && v - start <= 5; v++)
        {
            if (!IsVerb(block, v, VerbUse.Speech))
            {
                continue;
            }

            if (end - v > 8)
            {
                return false;
            }

            for (var i = v + 1; i < end; i++)
            {
                if (block.Tokens[i].IsQuote || IsWord(block, i, "that"))
                {
                    return false;
                }
            }

            return v == start ? SpeakerPhrases.After(block, v + 1, end, lexicon).Found : SpeakerPhrases.Before(block, start, v, lexicon).Found;
        }

        return false;
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

    // The subject of a verb of saying; after "and" or "but" ("…had heard about it and said"), the
    // sentence's subject.
    private SpeakerPhrase SubjectOf(TokenizedBlock block, int start, int verb)
    {
        var subject = SpeakerPhrases.Before(block, start, verb, lexicon);
        if (subject.Found)
        {
            return subject;
        }

        // "She went on to say:", "he continued to insist": the verb of saying after "to" is said
        // by the subject of the verb that leads to it.
        if (LeadingVerb(block, start, verb) is var leading && leading > start)
        {
            return SubjectOf(block, start, leading);
        }

        var j = verb - 1;
        while (j >= start && block.Tokens[j].IsLower && block.WordSpan(j).EndsWith("ly", StringComparison.Ordinal))
        {
            j--;
        }

        return j > start && (IsWord(block, j, "and") || IsWord(block, j, "but")) ? SentenceSubject(block, start, j) : SpeakerPhrase.None;
    }

    // The verb that carries a verb of saying as its "to" complement — going on, continuing,
    // proceeding to say: the first word of "went on to", "continued to" before the verb, or -1.
    // Verbs that deny the saying ("declined to say", "refused to comment") are not among them, and
    // only plain verbs of saying follow ("continue to put them in danger" is no statement).
    private static int LeadingVerb(TokenizedBlock block, int start, int verb)
    {
        if (verb - 2 < start || !IsWord(block, verb - 1, "to")
            || block.WordSpan(verb) is not ("say" or "add" or "tell" or "explain" or "write" or "note" or "insist" or "argue" or "ask" or "warn" or "state" or "describe" or "call"))
        {
            return -1;
        }

        var k = verb - 2;
        if (IsWord(block, k, "on") && k - 1 >= start && block.WordSpan(k - 1) is "went" or "go" or "goes" or "going" or "gone")
        {
            return k - 1;
        }

        return block.Tokens[k].IsWord && block.WordSpan(k) is "continued" or "continues" or "continue" or "proceeded" or "proceeds" or "hastened" ? k : -1;
    }

    // A participle hangs from the verb of saying before it ("Mizrahi said, noting that …") or else
    // from the sentence's subject ("Trump admitted …, saying, “…”"); one that opens the sentence
    // ("Speaking to reporters, …") names no subject of its own.
    private SpeakerPhrase ParticipleSubject(TokenizedBlock block, int start, int participle)
    {
        if (participle == start)
        {
            return SpeakerPhrase.None;
        }

        // A participle right after a name describes that person ("a clip of Clinton last week
        // accusing Trump of “…”").
        var j = participle - 1;
        while (j > start && block.Tokens[j].IsLower && block.WordSpan(j) is "last" or "this" or "next" or "week" or "month" or "year" or "night" or "also" or "then" or "again")
        {
            j--;
        }

        if (j >= start && block.IsCapitalised(j))
        {
            var named = SpeakerPhrases.Before(block, start, j + 1, lexicon);
            if (named.Kind == SpeakerKind.Person)
            {
                return named;
            }
        }

        for (var v = participle - 1; v > start; v--)
        {
            if (block.Tokens[v].IsQuote)
            {
                continue;
            }

            if (IsVerb(block, v, VerbUse.Speech))
            {
                var subject = SubjectOf(block, start, v);
                if (subject.Found)
                {
                    return subject;
                }

                break;
            }
        }

        return SentenceSubject(block, start, participle);
    }

    // The subject of a sentence: its first name or pronoun, after any opening phrase set off by a
    // comma ("In a 1996 interview, Howard Stern …").
    private SpeakerPhrase SentenceSubject(TokenizedBlock block, int start, int verb)
    {
        var from = start;
        if (block.Tokens[start].IsWord && lexicon.IsNotName(block.WordSpan(start)) && !lexicon.IsPronounInLowerCase(block.WordSpan(start)))
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

    private bool IsVerb(TokenizedBlock block, int index, VerbUse use) =>
        index < block.Count && block.VerbAt(index, lexicon) == use;

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
        index >= 0 && index < block.Count && block.Tokens[index].IsWord && block.Span(block.Tokens[index]).Equals(word, StringComparison.OrdinalIgnoreCase);

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

        var (capitalised, counted) = (0, 0);
        foreach (var range in inner.Split(' '))
        {
            var part = inner[range];
            if (part.IsEmpty)
            {
                continue;
            }

            if (part.Length >= 4 || char.IsUpper(part[0]))
            {
                counted++;
                if (char.IsUpper(part[0]) || char.IsDigit(part[0]))
                {
                    capitalised++;
                }
            }
        }

        return counted > 0 && char.IsUpper(inner[0]) && capitalised * 3 >= counted * 2;
    }

    private static bool IsUpper(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);
}
