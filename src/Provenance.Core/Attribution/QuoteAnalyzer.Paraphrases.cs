using System.Collections.Frozen;
using System.Collections.Immutable;
using Provenance.Text;

namespace Provenance.Attribution;

/// <summary>Statements attributed by name without quoting: "Pelosi said Thursday that…", "according to the Pentagon".</summary>
internal sealed partial class QuoteAnalyzer
{
    // "Pelosi said Thursday that…", "Trump told reporters the plan…", "according to Kirby, …":
    // named speakers of statements in a sentence that quotes nobody.
    private void FindParaphrases(int index, TokenizedBlock block, int start, int end, ImmutableArray<Paraphrase>.Builder paraphrases)
    {
        for (var v = start + 1; v < end - 1; v++)
        {
            if (IsWord(block, v, "according") && IsWord(block, v + 1, "to"))
            {
                var source = SpeakerPhrases.After(block, v + 2, end, lexicon);
                if (source.Kind is SpeakerKind.Person or SpeakerKind.Organisation)
                {
                    Add(source, block.Tokens[v].Start, block.Tokens[source.Last].End);
                    v = source.Last;
                }

                continue;
            }

            // The short list first: it is a comparison by length and letters, where the lexicon's
            // look-up (the verb's use) was over half of this pass, asked of nearly every word.
            if (!IsParaphraseVerb(block.WordSpan(v)) || !IsVerb(block, v, VerbUse.Speech))
            {
                continue;
            }

            // "Christie was told" and "Menendez is accused" receive a statement; "Peterson writes:"
            // introduces a quotation.
            if (v + 1 < end && (block.IsPunct(v + 1, ':') || block.IsPunct(v + 1, '.')) || IsPassive(block, v))
            {
                continue;
            }

            var phrase = SpeakerPhrases.Before(block, start, v, lexicon);
            if (!IsStatementUse(block, v, end, phrase.Kind))
            {
                continue;
            }

            if (phrase.Kind == SpeakerKind.Person && phrase.First >= start && IsNameLike(block, phrase))
            {
                // The span takes in the titles before the name ("President Biden referenced").
                var first = phrase.First;
                while (first - 1 >= start && block.IsCapitalised(first - 1) && !lexicon.IsNotName(block.WordSpan(first - 1)))
                {
                    first--;
                }

                Add(phrase, block.Tokens[first].Start, block.Tokens[v].End);
                NotePerson(phrase.Text, Position(index, phrase.First));
            }
            else if (phrase.Kind == SpeakerKind.Organisation && phrase.First >= start && IsBodyName(block, phrase))
            {
                // A body speaks by its name as a person does: "The Charlotte-Mecklenburg Police
                // Department said in a statement that…", "the Pentagon said" name a source a
                // reader can check, as "according to the Pentagon" does.
                Add(phrase, block.Tokens[phrase.First].Start, block.Tokens[v].End);
                Note(StripThe(phrase.Text), Position(index, phrase.First), QuoteSourceKind.Organisation);
            }
            else if (phrase.First >= start && IsBodyKindPhrase(block, phrase) && BodyOfKind(block.WordSpan(phrase.Last), Position(index, phrase.First)) is { } body)
            {
                // "The department said Monday that…" after the story named the department.
                paraphrases.Add(new Paraphrase(index, TextSpan.FromBounds(block.Tokens[phrase.First].Start, block.Tokens[v].End), body));
                Note(body, Position(index, phrase.First), QuoteSourceKind.Organisation);
            }
        }

        void Add(SpeakerPhrase phrase, int from, int to)
        {
            // A body's name is not a person's to be completed ("ISIS" is not "ISIS Hillary").
            var speaker = phrase.Kind == SpeakerKind.Organisation ? StripThe(phrase.Text) : _people.Resolve(phrase.Text, Position(index, phrase.First));
            paraphrases.Add(new Paraphrase(index, TextSpan.FromBounds(from, to), speaker));
        }
    }

    // Whether an organisation's phrase plainly names a body, not a news outlet: an acronym ("FBI",
    // "CMPD") or a run ending in a body's word ("Justice Department", "the Trump campaign"). A
    // run the parser cut short ("Former Miss Universe" before her name) or a place ("Russia") is
    // not taken, and an outlet's report is the outlet rules' citation, not a paraphrase.
    private bool IsBodyName(TokenizedBlock block, SpeakerPhrase phrase)
    {
        // Part of a longer name ("the Association of Secretaries of State"), a place after a
        // town ("in Linden, NJ told"), or a person's title ("Former Miss Universe") is no body.
        var before = phrase.First - 1;
        if (before >= 0 && ((block.Tokens[before].IsWord && block.WordSpan(before) is "of" or "for" or "in" or "at" or "from" or "on")
            || (block.IsPunct(before, ',') && before > 0 && block.IsCapitalised(before - 1))))
        {
            return false;
        }

        for (var t = phrase.First; t <= phrase.Last; t++)
        {
            if (block.Is(t, WordClass.Title, lexicon))
            {
                return false;
            }
        }

        // A country "has announced" through someone the article does not name: a vague attribution.
        var text = StripThe(phrase.Text);
        if (text is "United States" or "United Kingdom" or "U.S." or "U.K." or "US" or "UK" or "USA" || lexicon.PlaceLookup.Contains(text))
        {
            return false;
        }

        var last = block.WordSpan(phrase.Last);
        if (phrase.First == phrase.Last && last.Length is >= 2 and <= 6 && !last.ContainsAnyExceptInRange('A', 'Z'))
        {
            // Broadcasters' and outlets' letters ("CNN", "TMZ", a station's call sign "KSNW") are outlets.
            return !(last is "CNN" or "NBC" or "ABC" or "CBS" or "NPR" or "BBC" or "AP" or "MSNBC" or "PBS" or "AFP" or "UPI" or "NYT" or "WSJ" or "CNBC" or "RT" or "TMZ" or "ESPN" or "HBO" or "VOA" or "CBC" or "ITV" or "AOL" or "MSN"
                || (last.Length == 4 && last[0] is 'K' or 'W'));
        }

        if (last is "News" or "Times" or "Post" or "Journal" or "Tribune" or "Herald" or "Gazette" or "Magazine" or "Review" or "Press" or "Radio" or "TV" or "Television" or "Channel" or "Network" or "network" or "website" or "site" or "station" or "newspaper")
        {
            return false;
        }

        // A document speaks through whoever wrote it ("The Constitution says").
        if (block.Is(phrase.Last, WordClass.Document, lexicon) || last is "Constitution" or "Bible" or "Koran" or "Quran")
        {
            return false;
        }

        return block.Tokens[phrase.Last].IsLower ? lexicon.IsOrganisationNoun(last) : block.Is(phrase.Last, WordClass.OrganisationHead, lexicon);
    }

    private static bool IsParaphraseVerb(ReadOnlySpan<char> word) => word is "said" or "says" or "told" or "tells" or "argued" or "argues" or "claimed" or "claims"
        or "insisted" or "insists" or "warned" or "warns" or "noted" or "notes" or "explained" or "explains" or "suggested" or "suggests"
        or "acknowledged" or "acknowledges" or "admitted" or "admits" or "stated" or "states" or "added" or "adds" or "announced"
        or "announces" or "confirmed" or "confirms" or "denied" or "denies" or "wrote" or "writes" or "predicted" or "predicts"
        or "promised" or "promises" or "vowed" or "vows" or "asserted" or "asserts" or "maintained" or "maintains" or "contended"
        or "contends" or "alleged" or "alleges" or "stressed" or "stresses" or "emphasized" or "emphasised" or "reiterated"
        or "conceded" or "concedes" or "tweeted" or "tweets" or "testified" or "testifies" or "referenced" or "references"
        or "urged" or "urges" or "posted" or "posts" or "replied" or "replies" or "demanded" or "demands" or "accused" or "accuses"
        or "mentioned" or "mentions" or "complained" or "complains" or "recalled" or "recalls";

    private static bool IsPassive(TokenizedBlock block, int verb) =>
        verb > 0 && block.Tokens[verb - 1].IsWord && block.WordSpan(verb - 1) is "was" or "were" or "being" or "is" or "are" or "be" or "been" or "get" or "gets" or "got";

    private static bool IsAuxiliary(TokenizedBlock block, int token) =>
        token < block.Count && block.Tokens[token].IsWord && block.WordSpan(token) is "was" or "were" or "is" or "are" or "have" or "has" or "had";

    // Two of the verbs name acts as often as statements. A body recalls its products and its
    // ambassador, a person their memories ("Kerry also recalled the exhilaration…"); a player
    // posts a score and a company a loss, but a post is a statement only where it says where, what
    // or what about ("posted it Sunday to Twitter", "posted photos", "posted about his plans").
    private static bool IsStatementUse(TokenizedBlock block, int verb, int end, SpeakerKind speaker)
    {
        // "The group's posts were removed", "Kremlin demands have grown": a noun, not a verb.
        var word = block.WordSpan(verb);
        if (word is "posts" or "demands" or "mentions" or "recalls" or "replies" or "urges" && IsAuxiliary(block, verb + 1))
        {
            return false;
        }

        if (word is "recalled" or "recalls")
        {
            return speaker == SpeakerKind.Person;
        }

        if (word is not ("posted" or "posts"))
        {
            return true;
        }

        for (var t = verb + 1; t < end && t <= verb + 8; t++)
        {
            if (block.Tokens[t].IsWord && PostedWhereOrWhat.Contains(block.WordSpan(t)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PostedWhereOrWhat = FrozenSet.Create(
        StringComparer.Ordinal,
        "Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "Snapchat", "Reddit", "online", "website", "blog", "page", "account",
        "photo", "photos", "video", "videos", "picture", "pictures", "image", "images", "message", "messages", "statement",
        "tweet", "tweets", "list", "link", "letter", "note", "comment", "comments", "meme", "clip", "questions", "social", "about").GetAlternateLookup<ReadOnlySpan<char>>();
}
