using System.Collections.Frozen;
using Provenance.Text;

namespace Provenance.Attribution;

/// <summary>Who a speaker phrase refers to: names at their fullest, pronouns and descriptions to the person last spoken of.</summary>
internal sealed partial class QuoteAnalyzer
{
    // Role nouns a definite description uses for someone already named ("the Nevada Democrat said",
    // "the nation's top diplomat said"); "the official" or "a spokesman" stay unnamed.
    private static readonly FrozenSet<string> CoreferentRoles = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "democrat", "republican", "independent", "libertarian", "senator", "congressman", "congresswoman", "governor", "mayor",
        "president", "nominee", "candidate", "secretary", "diplomat", "billionaire", "mogul", "businessman", "businesswoman",
        "activist", "lawmaker", "chairman", "chairwoman", "speaker", "politician", "host", "anchor", "star", "actor", "actress",
        "singer", "rapper", "comedian", "author", "writer", "columnist", "journalist", "judge", "justice", "commissioner",
        "sheriff", "founder", "ceo", "economist", "professor", "strategist", "pollster", "minister", "ambassador", "general",
        "head", "chief", "leader", "veteran", "congressmember", "representative", "president-elect", "frontrunner", "challenger",
        "incumbent", "nominee's", "developer", "tycoon", "entrepreneur", "investor", "philanthropist", "scholar", "historian",
        "director", "chairwoman", "commander", "prosecutor", "attorney", "lawyer", "mogul", "magnate", "cleric", "pastor", "preacher");

    // Speakers, sentences' subjects and everyone else named, latest last, for pronouns to refer to.
    // A mere mention is read as a name only when a pronoun looks back at it: most never are.
    private readonly List<Mention> _recent = [];

    /// <summary>Someone spoken of: by name, or by the run of tokens naming them in block <see cref="Index"/> (read when first asked, and kept for a body referred back to by its kind).</summary>
    /// <remarks>32 bytes, the block found by its index: a sentence notes every capitalised run in it.</remarks>
    // Bare: the name was written as one word ("Trump"), so another person with that surname may be meant.
    private readonly record struct Mention(string? Name, long Position, QuoteSourceKind Kind, bool Strong, int Index = -1, int First = 0, int Last = 0, bool Bare = false);

    private enum QuoteSourceKind : byte
    {
        Person,
        Organisation,
    }

    /// <summary>Who a phrase names, and how it was found.</summary>
    private readonly record struct Attribution(QuoteSource Source, string Speaker, string Cue);

    private Attribution? Resolve(int index, TokenizedBlock block, SpeakerPhrase phrase, string cue)
    {
        var position = Position(index, phrase.First);
        switch (phrase.Kind)
        {
            case SpeakerKind.Person:
                if (!IsNameLike(block, phrase))
                {
                    return null;
                }

                var person = NotePerson(phrase.Text, position);
                return new Attribution(QuoteSource.Named, person, cue);
            case SpeakerKind.Organisation:
                var organisation = StripThe(phrase.Text);
                Note(organisation, position, QuoteSourceKind.Organisation);
                return new Attribution(QuoteSource.Named, organisation, cue);
            case SpeakerKind.Unnamed:
                if (IsBodyKindPhrase(block, phrase))
                {
                    // "the association said": the body of that kind named last; with none, a
                    // quotation to check, unless the word also describes people ("the group
                    // chanted" of protesters).
                    if (BodyOfKind(block.WordSpan(phrase.Last), position) is { } body)
                    {
                        Note(body, position, QuoteSourceKind.Organisation);
                        return new Attribution(QuoteSource.Named, body, $"{phrase.Text} {cue}");
                    }

                    if (!lexicon.IsUnnamedHeadInLowerCase(block.WordSpan(phrase.Last)))
                    {
                        return null;
                    }
                }

                if (Described(phrase.Text, position) is { } described)
                {
                    Note(described, position, QuoteSourceKind.Person);
                    return new Attribution(QuoteSource.Named, described, $"{phrase.Text} {cue}");
                }

                // "the nominee" with no one before it to be: a person the reader knows, not an
                // anonymous source, so the quotation is left to check. "A professor at Harvard" is
                // someone unnamed.
                var role = DescriptionHead(phrase.Text);
                return IsPublicRole(role) && !lexicon.IsUnnamedHeadInLowerCase(role) && phrase.Text.StartsWith("the ", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : new Attribution(QuoteSource.Unnamed, phrase.Text, cue);
            case SpeakerKind.Pronoun:
                if (Antecedent(phrase.Text, position) is not { } antecedent)
                {
                    return null;
                }

                Note(antecedent.Name, position, antecedent.Kind);
                return new Attribution(QuoteSource.Named, antecedent.Name, $"{phrase.Text} {cue}".Trim());
            default:
                return null;
        }
    }

    // The head word of a description: its last word before a preposition ("head" of "the head of the PAC").
    private static string DescriptionHead(string description) =>
        description.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => w is not ("of" or "for" or "at" or "in" or "from" or "with" or "on")).LastOrDefault() ?? string.Empty;

    // Whether the word is a public role a description may refer back with ("nominee", "senator").
    private static bool IsCoreferentRole(ReadOnlySpan<char> word) => CoreferentRoleLookup.Contains(word);

    /// <summary>
    /// Whether the word is a public role that, after "the", describes one known person rather than an
    /// anonymous source ("the Democratic nominee", "the senator"): the roles a description may
    /// refer back with, less those whose holder a story may leave unnamed ("official", "aide").
    /// </summary>
    internal static bool IsPublicRole(ReadOnlySpan<char> word) => PublicRoleLookup.Contains(word);

    private static readonly FrozenSet<string> PublicRoles = FrozenSet.Create(
        StringComparer.Ordinal,
        "nominee", "candidate", "senator", "congressman", "congresswoman", "governor", "mayor", "president", "president-elect",
        "secretary", "judge", "sheriff", "comedian", "actor", "actress", "singer", "rapper", "billionaire", "mogul", "businessman",
        "businesswoman", "tycoon", "frontrunner", "ambassador", "commissioner", "columnist", "economist", "professor", "pollster");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PublicRoleLookup = PublicRoles.GetAlternateLookup<ReadOnlySpan<char>>();

    // The party a description or a name's role gives ("the GOP nominee", "Democratic nominee
    // Hillary Clinton"), in one spelling, or null.
    private static string? PartyOf(ReadOnlySpan<char> word) => word switch
    {
        "Democratic" or "Democrat" => "D",
        "Republican" or "GOP" => "R",
        _ => null,
    };

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CoreferentRoleLookup = CoreferentRoles.GetAlternateLookup<ReadOnlySpan<char>>();

    // Who holds a role, of the given party if one is given: of the people the article gave it before
    // this point, the one spoken of last ("the judge said" after "Contreras turned down…" is
    // Contreras, though another judge was introduced after him), else the one given it last.
    private string? RoleHolder(string role, string? party, long position)
    {
        if (!_roles.TryGetValue(role, out var all))
        {
            return null;
        }

        // The latest holders before this point, eight at most: the list is in document order, and
        // a description refers to someone recent, so a long article's roles cost no more.
        var holders = new HashSet<string>(StringComparer.Ordinal);
        string? latest = null;
        for (var h = all.Count - 1; h >= 0 && holders.Count < 8; h--)
        {
            if (all[h].Position < position && (party is null || all[h].Party == party))
            {
                latest ??= all[h].Name;
                holders.Add(all[h].Name);
            }
        }

        if (holders.Count <= 1)
        {
            return latest;
        }

        for (var i = _recent.Count - 1; i >= 0 && position - _recent[i].Position <= 6 * BlockStride; i--)
        {
            if (_recent[i].Kind == QuoteSourceKind.Person && Read(i, lone: true) is { } name && holders.Contains(name))
            {
                return name;
            }
        }

        return latest;
    }

    // A definite description of a public role ("the Nevada Democrat", "the nation's top diplomat",
    // "the head of the commission") refers to the person spoken of last, when one was in the last two
    // paragraphs; other descriptions ("the cop's daughter", "the official") stay unnamed.
    private string? Described(string description, long position)
    {
        var words = description.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var head = DescriptionHead(description);
        if (head.Length == 0 || !CoreferentRoles.Contains(head))
        {
            return null;
        }

        // The person spoken of last, within the last two paragraphs: who a description usually means.
        string? recent = null;
        for (var i = _recent.Count - 1; i >= 0; i--)
        {
            var (name, at, kind, strong, _, _, _, _) = _recent[i];
            if (position - at > 2 * BlockStride)
            {
                break;
            }

            if (strong && kind == QuoteSourceKind.Person && name is not null)
            {
                recent = name;
                break;
            }
        }

        if (!IsPublicRole(head))
        {
            return recent;
        }

        // A public role is the person the article gave it ("Democratic nominee Hillary Clinton",
        // "Sen. Ted Cruz"). The person spoken of last is meant when they hold it, or when the
        // description names no party, the role is one an anonymous source may also hold, and the
        // article gave them no other role ("Rubio said yes. … the senator said") or the role is
        // a former one ("the former Massachusetts senator" after Secretary of State John Kerry);
        // else the holder the article spoke of last, so that "Trump met el-Sisi … the Democratic
        // nominee said" is not Trump. With none, no one.
        var party = words.Select(w => PartyOf(w)).FirstOrDefault(p => p is not null);
        if (recent is not null && (HoldsRole(recent, head, party)
            || (party is null && lexicon.IsUnnamedHeadInLowerCase(head) && (!HasRole(recent) || words.Contains("former", StringComparer.OrdinalIgnoreCase)))))
        {
            return recent;
        }

        return RoleHolder(head, party, position);
    }

    // Whether the article gave the person any public role ("Republican nominee Donald Trump" is
    // not "the senator" just because he was spoken of last).
    private bool HasRole(string name)
    {
        foreach (var holders in _roles.Values)
        {
            if (holders.Exists(h => h.Name == name))
            {
                return true;
            }
        }

        return false;
    }

    // Whether the article gave the person the role (of the party, if one is asked).
    private bool HoldsRole(string name, string role, string? party) =>
        _roles.TryGetValue(role, out var holders) && holders.Exists(h => h.Name == name && (party is null || h.Party == party));

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
        var titled = phrase.First > 0 && block.Tokens[phrase.First - 1].IsWord && lexicon.TitleLookup.Contains(block.WordSpan(phrase.First - 1).TrimEnd('.'));
        var speaks = phrase.Last + 1 < block.Count && block.Tokens[phrase.Last + 1].IsWord
            && block.VerbAt(phrase.Last + 1, lexicon) is not null && !phrase.Text.EndsWith('s');
        return titled || speaks || _people.Knows(phrase.Text) || _properWords.Contains(phrase.Text);
    }

    // "he" and "she" stand for the latest person spoken of whose first name does not say otherwise:
    // a speaker or a sentence's subject in this paragraph or the last, else anyone named in the last
    // few (as "she" after "Donald Trump spoke and Hillary Clinton answered" is Hillary Clinton).
    // "they" and "we" stand for the latest organisation that spoke.
    private (string Name, QuoteSourceKind Kind)? Antecedent(string pronoun, long position)
    {
        if (pronoun is "they" or "we")
        {
            for (var i = _recent.Count - 1; i >= 0 && position - _recent[i].Position <= 6 * BlockStride; i--)
            {
                if (_recent[i].Kind == QuoteSourceKind.Organisation && _recent[i].Name is { } organisation)
                {
                    return (organisation, QuoteSourceKind.Organisation);
                }
            }

            return null;
        }

        // Three passes: speakers and subjects nearby; then anyone named in full or by a known
        // surname; then a lone proper name ("Crist"), the weakest evidence of a person.
        for (var pass = 0; pass < 3; pass++)
        {
            var reach = pass == 0 ? 2 * BlockStride : 6 * BlockStride;
            for (var i = _recent.Count - 1; i >= 0 && position - _recent[i].Position <= reach; i--)
            {
                var (_, _, kind, strong, _, _, _, bare) = _recent[i];
                if (kind != QuoteSourceKind.Person || (pass == 0 && !strong) || Read(i, lone: pass == 2) is not { } name)
                {
                    continue;
                }

                // "Trump said…. He noted…" where the bare "Trump" was read as Ivana Trump: the
                // pronoun may be the Trump the story names most. A name written in full ("Hillary
                // Clinton said…. He replied") means that person, whom the pronoun passes over.
                var fitting = Fits(pronoun, name) ? name
                    : bare && _people.Principal(name, position) is { } principal && !string.Equals(principal, name, StringComparison.Ordinal) && Fits(pronoun, principal) && Gendered(principal) ? principal
                    : null;
                if (fitting is not null)
                {
                    return (fitting, kind);
                }
            }
        }

        return null;
    }

    private bool Fits(string pronoun, string name) => pronoun switch
    {
        "he" => !lexicon.Female.Contains(FirstName(name)),
        "she" => !lexicon.Male.Contains(FirstName(name)),
        _ => true,
    };

    private bool Gendered(string name) => lexicon.Female.Contains(FirstName(name)) || lexicon.Male.Contains(FirstName(name));

    private static string FirstName(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.TrimEnd('.').Length > 1) ?? string.Empty;

    private void Note(string name, long position, QuoteSourceKind kind, bool strong = true, bool bare = false)
    {
        _recent.Add(new Mention(name, position, kind, strong, Bare: bare));
    }

    // A person as the text writes them: resolved to the fullest name the article gives, noted, and
    // marked bare when written as one word (another person with that surname may be meant).
    private string NotePerson(string written, long position)
    {
        var person = _people.Resolve(written, position);
        Note(person, position, QuoteSourceKind.Person, bare: !written.Contains(' ', StringComparison.Ordinal));
        return person;
    }

    // The name of mention i, read now if it was noted unread; null when it names no person.
    private string? Read(int i, bool lone)
    {
        if (_recent[i].Name is { } known)
        {
            return known.Length > 0 ? known : null;
        }

        if (_recent[i] is not { Index: >= 0 and var index, First: var first, Last: var last } || _tokenized[index] is not { } block)
        {
            return null;
        }

        var name = SpeakerPhrases.Name(block, first, last, lexicon);
        string? text = null;
        if (name.Kind == SpeakerKind.Person)
        {
            text = name.Text;
        }
        else if (name.Kind == SpeakerKind.None && Possessive(block.Word(last)) is { } owner && (last == first || SpeakerPhrases.Name(block, first, last - 1, lexicon).Kind == SpeakerKind.Person))
        {
            // "Scalia's opinion", "Donald Trump's campaign": the owner is someone spoken of.
            text = last == first ? owner : SpeakerPhrases.Name(block, first, last - 1, lexicon).Text + " " + owner;
        }

        if (text is null)
        {
            // The run stays where it is: a body it names may be referred back to ("the association").
            _recent[i] = _recent[i] with { Name = string.Empty };
            return null;
        }

        if (text.Contains(' ', StringComparison.Ordinal) || _people.Knows(text))
        {
            var resolved = _people.Resolve(text, Position(index, first));
            _recent[i] = _recent[i] with { Name = resolved };
            return resolved;
        }

        // A lone proper name is read only in the last pass, and stays unread for the earlier ones.
        // "the Clintons", "the Obamas" are families, not a person.
        var family = text.EndsWith('s') && _people.Knows(text[..^1]);
        return lone && !family && _properWords.Contains(text) ? text : null;
    }

    // Everyone the sentence names is someone a later pronoun may mean; its subject most likely.
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

            _recent.Add(new Mention(null, Position(index, i), QuoteSourceKind.Person, false, index, i, k));
            i = k;
        }

        var to = Math.Min(end, start + 12);
        if (!MayNameSomeone(block, start, to))
        {
            return;
        }

        var subject = SentenceSubject(block, start, to);
        if (subject.Kind == SpeakerKind.Person && IsNameLike(block, subject))
        {
            NotePerson(subject.Text, Position(index, subject.First));
        }
    }

    // A person's name keeps at least one capitalised word that is no title, sentence word or
    // organisation's word (SpeakerPhrases.NameBounds drops those): a sentence opening without one
    // ("The police said…", "It was…") has no person for its subject, and is not parsed for one.
    // Most sentences are of that kind, and the parse was two thirds of this pass.
    private bool MayNameSomeone(TokenizedBlock block, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (block.IsCapitalised(i) && !block.Is(i, WordClass.Title | WordClass.NotName | WordClass.OrganisationHead, lexicon))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Possessive(string word) =>
        word.Length > 3 && (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)) ? word[..^2] : null;

    private static string StripThe(string text) => text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
}
