using System.Text.RegularExpressions;
using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Attribution;

/// <summary>
/// What stands around a quotation: the paragraph before it that introduces its speaker (a colon
/// introduction, a line naming a statement's author, the subject of its last sentence), a paragraph
/// without marks that is still a quotation (a block quotation, an embedded post), and whether
/// anything near a quotation left without a speaker could name one.
/// </summary>
internal sealed partial class QuoteAnalyzer
{
    // Whether the quotation stands first in the sentence, after an opening dash or bracket at most.
    private static bool OpensSentence(TokenizedBlock block, int sentence, AttributedQuote quote)
    {
        if (sentence >= block.Sentences.Count)
        {
            return false;
        }

        var start = block.Sentences[sentence].Start;
        var first = start + 1 < block.Count && block.Tokens[start].IsPunct && !block.Tokens[start].IsQuote ? start + 1 : start;
        return first < block.Count && block.Tokens[first].IsQuote && block.Tokens[first].Start == quote.Span.Start;
    }

    // A paragraph without quotation marks that is still a quotation: an embedded post signed
    // "— Name (@handle) date", or a passage a paragraph ending "He said:" or "From Gateway Pundit:"
    // introduced (a block quotation).
    private AttributedQuote? Unmarked(int index, TokenizedBlock block, Carry? carried)
    {
        var text = block.Text;
        if (text.Contains("(@", StringComparison.Ordinal) && Signature().Match(text) is { Success: true } signature)
        {
            var end = signature.Index;
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            var name = signature.Groups["name"].Value.Trim();
            if (end > 0 && name.Length > 0)
            {
                return new AttributedQuote(index, TextSpan.FromBounds(0, end), QuoteSource.Named, name, "—", CountWords(text, new Quotation(0, end, 0, end, true)), false);
            }
        }

        // A block quotation (a page's <blockquote>, a Markdown "> ") is quoted whoever said it: the
        // speaker the paragraph before introduced, or no one the text names.
        var isBlockQuote = article.Blocks[index].Kind == BlockKind.Quote;

        // The paragraphs of a block quotation no one is named for are one quotation, listed once:
        // at its first paragraph.
        if (isBlockQuote && index > 0 && article.Blocks[index - 1].Kind == BlockKind.Quote && carried is not { Source: QuoteSource.Named or QuoteSource.Unnamed })
        {
            return null;
        }

        // A paragraph that opens by speaking of the speaker is about them, not in their words ("…
        // took to Twitter, writing “You are welcome” after noting that Rahami was in custody:" and
        // then "Zeldin obviously thought the tweet would give him the final say": the tweet was lost).
        if (carried is { } introduced && (introduced.Introduces || isBlockQuote) && block.Count >= 6 && (isBlockQuote || !OpensAboutSpeaker(block, introduced.Speaker)))
        {
            var carry = introduced;
            var end = text.Length;
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            return new AttributedQuote(index, TextSpan.FromBounds(0, end), carry.Source, carry.Speaker, carry.Cue, CountWords(text, new Quotation(0, end, 0, end, true)), false);
        }

        if (isBlockQuote && block.Count >= 6)
        {
            // Whose it is may still be plain to a reader from the paragraph before ("As one
            // commenter put it on Reddit.", "Here is the statement in full."), as for a quotation
            // in quotation marks.
            var end = text.TrimEnd().Length;
            var source = MayAnyoneSpeakBefore(index) ? QuoteSource.Unresolved : QuoteSource.Unattributed;
            return new AttributedQuote(index, TextSpan.FromBounds(0, end), source, string.Empty, string.Empty, CountWords(text, new Quotation(0, end, 0, end, true)), false);
        }

        return null;
    }

    // Whether the paragraph opens by speaking of the introduced speaker rather than in their
    // words: with their surname ("Zeldin obviously thought…"), a third-person pronoun ("He later
    // deleted the post") or the thing introduced ("The tweet drew thousands of replies").
    private bool OpensAboutSpeaker(TokenizedBlock block, string name)
    {
        if (block.Count == 0 || !block.Tokens[0].IsWord)
        {
            return false;
        }

        var first = block.WordSpan(0);
        var surname = name.AsSpan(name.LastIndexOf(' ') + 1);
        if (!surname.IsEmpty && first.StartsWith(surname, StringComparison.Ordinal) && (first.Length == surname.Length || (first.Length <= surname.Length + 2 && SpeakerPhrases.IsPossessive(first))))
        {
            return true;
        }

        return first is "He" or "She" or "His" or "Her" or "They" or "Their"
            || (first is "The" && block.Count > 1 && block.Tokens[1].IsWord && block.Is(1, WordClass.Document, lexicon));
    }

    // The author's name when the paragraph is nothing but a post's signature.
    private static string? SignatureOnly(string text)
    {
        if (!text.Contains("(@", StringComparison.Ordinal) || Signature().Match(text) is not { Success: true } signature)
        {
            return null;
        }

        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return signature.Index == start ? signature.Groups["name"].Value.Trim() : null;
    }

    // The speaker a paragraph's last sentence hands on: "He said:" or "Here's how he answered:"
    // introduce the next paragraph, which may be a block quotation; "Kaine cautioned against a
    // protest vote." makes Kaine the likeliest speaker of a quotation that opens the next one.
    private Carry? Introduction(int index, TokenizedBlock block, (int Start, int End) sentence)
    {
        var (start, end) = sentence;
        var last = end - 1;
        // A colon hands on a block quotation; a comma only the quotation that opens the next paragraph.
        var introduces = last >= start && block.IsPunct(last, ':');
        if ((IsWord(block, start, "from") || IsWord(block, start, "via")) && introduces && last - start <= 7 && block.IsCapitalised(start + 1))
        {
            // "From Gateway Pundit:", "From Louder with Crowder:", "Via the Daily Caller:": the
            // passage that follows is lifted from that source, named as the words before the colon.
            var first = start + 1;
            if (IsWord(block, first, "the") && first + 1 < last)
            {
                first++;
            }

            var source = block.Text[block.Tokens[first].Start..block.Tokens[last - 1].End];
            return new Carry(QuoteSource.Named, source, block.Word(start).ToLowerInvariant(), true);
        }

        // "Statement from Steve Clevenger", "Full statement by the Seattle Mariners:": a label line
        // naming a document and its author hands what follows to the author — a line that ends
        // in a colon, or one that opens with the document ("Smith read a report by the Brennan
        // Center." is a sentence about a report, not a label over it).
        if (last - start <= 9 && (introduces || IsDocumentLabel(block, start)) && DocumentAuthor(block, start, last) is { } author)
        {
            return new Carry(QuoteSource.Named, author, "statement from", true);
        }

        // The speaker a sentence hands on is its main clause's. An opening clause ends at its
        // comma ("When Holt asked why…, Trump said it was because…"), and what a verb of saying or a
        // claim reports after "that" is the reported matter, not who hands on: in "A report
        // confirms Comey's claim that Lazar asserted he had hacked it" what follows is the report's.
        // A colon introduction is handed on by the verb nearest it, whatever clause it stands in
        // ("Coach Mike Tomlin said that Ben Roethlisberger told the team:" introduces Roethlisberger).
        var main = MainClauseStart(block, start, last);
        var clauseEnd = last;
        for (var t = main + 1; t < last && !introduces; t++)
        {
            if (IsWord(block, t, "that") && (block.VerbAt(t - 1, lexicon) is VerbUse.Speech or VerbUse.Participle || block.WordSpan(t - 1) is "claim" or "claims" or "assertion" or "allegation" or "allegations" or "statement" or "report" or "reports"))
            {
                clauseEnd = t;
                break;
            }
        }

        for (var v = clauseEnd; v >= main; v--)
        {
            if (block.VerbAt(v, lexicon) is not { } use || use == VerbUse.Characterise)
            {
                continue;
            }

            var phrase = use == VerbUse.Participle ? ParticipleSubject(block, main, v) : SubjectOf(block, main, v);
            if (phrase.Found && Resolve(index, block, phrase, block.Word(v)) is { } attribution && attribution.Source is QuoteSource.Named or QuoteSource.Unnamed)
            {
                return new Carry(attribution.Source, attribution.Speaker, attribution.Cue, introduces);
            }

            // As for a quotation's cue: a present form with no subject may be a noun ("the
            // campaign chair in question", "in response"), so the sentence is read on.
            if (phrase.Found || use == VerbUse.Participle || lexicon.IsPastForm(block.WordSpan(v)))
            {
                return null;
            }
        }

        // "Samantha basically abases herself at his feet:", "He even suggested murdering their
        // families:": a sentence that ends in a colon hands what follows to its subject, whatever its verb.
        if (introduces && ColonSubject(block, start, last) is { Found: true } subject
            && Resolve(index, block, subject, ":") is { Source: QuoteSource.Named } named)
        {
            // Only a quotation or a block quotation takes it; a plain paragraph after "Bob does this:"
            // is the writer's text or a listing, not Bob's words.
            return new Carry(named.Source, named.Speaker, named.Cue, false);
        }

        return null;
    }

    // Where a sentence's main clause starts: after the comma that closes an opening clause ("When
    // Holt asked why…,", "In arguing that…,", "While she was talking about…,"), else at its start.
    private static int MainClauseStart(TokenizedBlock block, int start, int last)
    {
        if (!block.Tokens[start].IsWord || block.WordSpan(start) is not ("When" or "While" or "As" or "After" or "Before" or "Although" or "Though" or "If" or "Because" or "Since" or "Once" or "Until" or "In" or "Asked" or "Pointing" or "Speaking"))
        {
            return start;
        }

        for (var t = start + 1; t < last; t++)
        {
            if (block.IsPunct(t, ','))
            {
                return t + 1;
            }
        }

        return start;
    }

    // Whether the line opens with a document's word, at most one word before it ("Statement
    // from…", "Full statement by…").
    private bool IsDocumentLabel(TokenizedBlock block, int start) =>
        block.Is(start, WordClass.Document, lexicon) || (start + 1 < block.Count && block.Is(start + 1, WordClass.Document, lexicon));

    // The author a short line names for a document: the name after "statement from", "letter by".
    private string? DocumentAuthor(TokenizedBlock block, int start, int last)
    {
        for (var t = start; t + 2 <= last && t - start <= 5; t++)
        {
            if (!block.Tokens[t].IsWord || !block.Is(t, WordClass.Document, lexicon) || !(IsWord(block, t + 1, "from") || IsWord(block, t + 1, "by")))
            {
                continue;
            }

            var first = IsWord(block, t + 2, "the") ? t + 3 : t + 2;
            var k = first;
            while (k <= last && block.IsCapitalised(k))
            {
                k++;
            }

            // The name runs to the line's end (a colon or full stop aside).
            if (k == first || (k <= last && !(k == last && block.Tokens[k].IsPunct)))
            {
                return null;
            }

            var name = SpeakerPhrases.Name(block, first, k - 1, lexicon);
            return name.Kind is SpeakerKind.Person or SpeakerKind.Organisation ? name.Text : null;
        }

        return null;
    }

    // Whether a determiner stands within three words before the head ("an official", "the
    // campaign's spokesman"), not a bare plural ("sent to several hundred people").
    private static bool Described(TokenizedBlock block, int start, int head)
    {
        for (var k = head - 1; k >= start && head - k <= 3; k--)
        {
            if (IsWord(block, k, "a") || IsWord(block, k, "an") || IsWord(block, k, "the") || IsWord(block, k, "one"))
            {
                return true;
            }
        }

        return false;
    }

    // Whether any sentence of the paragraph may say who speaks (MaySayWho), or names someone by a pronoun.
    private bool MayAnyoneSpeak(TokenizedBlock block)
    {
        for (var s = 0; s < block.Sentences.Count; s++)
        {
            if (MaySayWho(block, s))
            {
                return true;
            }
        }

        for (var i = 0; i < block.Count; i++)
        {
            if (block.Tokens[i].IsWord && block.WordSpan(i) is "he" or "He" or "she" or "She" or "they" or "They" or "his" or "His" or "her" or "Her")
            {
                return true;
            }
        }

        return false;
    }

    // Whether the paragraph directly before may say who speaks, or holds a quotation the next may
    // continue. A block the analysis does not read — a heading, a list item, a label such as
    // "Trump’s answer?", "Statement from Steve Clevenger", "May 27, 2014, at the National Press
    // Club" — stands over the quotation as its label, and a reader takes it as saying whose it is.
    private bool MayAnyoneSpeakBefore(int index)
    {
        if (index <= 0)
        {
            return false;
        }

        return _tokenized[index - 1] is { } previous
            ? previous.Quotations.Count > 0 || MayAnyoneSpeak(previous)
            : article.Blocks[index - 1].Text.AsSpan().Trim().Length > 0;
    }

    // Whether the sentence, outside its quotations, holds a verb of saying or a capitalised word
    // that may be a name.
    private bool MaySayWho(TokenizedBlock block, int sentence)
    {
        var (start, end) = block.Sentences[sentence];
        for (var i = start; i < end; i++)
        {
            // "The campaign declined to comment" says that no one spoke.
            if (block.VerbAt(i, lexicon) is VerbUse.Speech or VerbUse.Participle && !(i - 2 >= start && IsWord(block, i - 1, "to") && block.WordSpan(i - 2) is "declined" or "declines" or "refused" or "refuses"))
            {
                return true;
            }

            if (block.IsCapitalised(i) && !block.Is(i, WordClass.NotName | WordClass.Title, lexicon) && (i == start || !block.IsCapitalised(i - 1)))
            {
                return true;
            }

            // A speaker described ("the Republican nominee", "an official") or characterising ("calling for unity").
            if (block.Tokens[i].IsLower && (IsCoreferentRole(block.WordSpan(i)) || block.VerbAt(i, lexicon) == VerbUse.Characterise || (block.Is(i, WordClass.UnnamedHead, lexicon) && Described(block, start, i))))
            {
                return true;
            }
        }

        return false;
    }

    // Whether [from, to) is only a name with its titles and role: capitalised words, role nouns in
    // small letters ("commentator Marc Lamont Hill"), and the small words of a name or a role ("Sen.
    // Ron Johnson of Wisconsin", "as Aaron David Miller"); not "and", which joins two speakers.
    private bool IsNameWithRole(TokenizedBlock block, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!block.IsCapitalised(i) && !(block.Tokens[i].IsWord && (block.WordSpan(i) is "of" or "as" or "de" or "van" or "von" or "del" or "la" or "le" || lexicon.IsUnnamedHeadInLowerCase(block.WordSpan(i)))))
            {
                return false;
            }
        }

        return true;
    }

    // The closing comma of an appositive that opens at the comma given ("…, the campaign chair in
    // question, …"): a description led by a determiner, in words only, fourteen at most (real
    // ones run to a dozen: "the top Democrat on the committee with jurisdiction over the issue"),
    // before the limit; or -1.
    private static int AppositiveEnd(TokenizedBlock block, int comma, int limit)
    {
        if (comma + 1 >= limit || !block.Tokens[comma + 1].IsWord || block.WordSpan(comma + 1) is not ("the" or "a" or "an" or "his" or "her" or "their" or "its"))
        {
            return -1;
        }

        for (var i = comma + 2; i < limit && i - comma <= 15; i++)
        {
            if (block.IsPunct(i, ','))
            {
                return i + 1 < limit ? i : -1;
            }

            if (!block.Tokens[i].IsWord)
            {
                return -1;
            }
        }

        return -1;
    }

    // Whether the quotation at q comes straight after a comma that follows an earlier quotation of
    // its sentence, with only that quotation's cue between: the second half of “…,” Name said,
    // “…”. Not when the words between go on to someone else: "said Trump, and Clinton's
    // response, “…”", "said Trump, while the crowd chanted, “…”" — though "and added, “…”" is
    // the same speaker's verb.
    private bool SplitBy(TokenizedBlock block, int start, int q)
    {
        var tokens = block.Tokens;
        if (q - 1 <= start || !block.IsPunct(q - 1, ','))
        {
            return false;
        }

        var first = q - 2;
        while (first >= start && !tokens[first].IsQuote)
        {
            first--;
        }

        if (first < start || first == q - 2)
        {
            return false;
        }

        for (var t = first + 1; t < q - 1; t++)
        {
            if (!tokens[t].IsWord)
            {
                continue;
            }

            var word = block.WordSpan(t);
            if (word is "but" or "while" or "who" or "whose" or "which" or "when" or "as" or "then" || SpeakerPhrases.IsPossessive(word)
                || (word is "and" && !(t + 1 < q - 1 && block.VerbAt(t + 1, lexicon) == VerbUse.Speech)))
            {
                return false;
            }
        }

        return true;
    }
}
