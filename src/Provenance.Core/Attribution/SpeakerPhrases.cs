using System.Collections.Frozen;

namespace Provenance.Attribution;

/// <summary>What a phrase that attributes words names.</summary>
internal enum SpeakerKind
{
    /// <summary>Nothing that could speak.</summary>
    None,

    /// <summary>A person by name ("Jennifer Palmieri", "Trump", "Mr. Reeves").</summary>
    Person,

    /// <summary>An organisation by name ("the White House", "the Clinton campaign", "CNN").</summary>
    Organisation,

    /// <summary>A pronoun that stands for someone named earlier ("he").</summary>
    Pronoun,

    /// <summary>Someone described but not named ("a senior official", "the cop's daughter").</summary>
    Unnamed,
}

/// <summary>A phrase that names or describes a speaker, as token indices of its block.</summary>
/// <param name="Kind">What it names.</param>
/// <param name="Text">The name as written, titles dropped ("Mitch McConnell"), or the description.</param>
/// <param name="First">Its first token.</param>
/// <param name="Last">Its last token.</param>
internal readonly record struct SpeakerPhrase(SpeakerKind Kind, string Text, int First, int Last)
{
    public static SpeakerPhrase None { get; } = new(SpeakerKind.None, string.Empty, -1, -1);

    public bool Found => Kind != SpeakerKind.None;
}

/// <summary>
/// Reads the phrase that names a speaker next to a verb of saying: the subject before it ("Senate
/// Majority Leader Mitch McConnell said", "Farhan Haq, a deputy spokesman, told") or the one after an
/// inverted verb ("said Justice Department spokesman, Marc Ramondi"). Titles and roles before a name
/// are dropped; a capitalised run that ends in an organisation's word ("White House", "Ivy League")
/// names an organisation, never a person; words that open sentences ("After", "On", "When") never
/// begin a name.
/// </summary>
internal static partial class SpeakerPhrases
{
    private static readonly FrozenSet<string> Determiners = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "a", "an", "one", "another", "some", "two", "three", "four", "several", "many", "other", "most", "few");

    private static readonly FrozenSet<string> Definites = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those");

    // Capitalised words that describe rather than name: a party member, a nationality.
    private static readonly FrozenSet<string> Descriptive = FrozenSet.Create(
        StringComparer.Ordinal, "Democrat", "Republican", "Independent", "Libertarian", "Conservative", "Liberal", "Progressive", "Socialist");

    private static readonly FrozenSet<string> Prepositions = FrozenSet.Create(
        StringComparer.Ordinal, "of", "for", "at", "in", "from", "with", "on", "to", "by", "under", "within");

    private static readonly FrozenSet<string> Skippable = FrozenSet.Create(
        StringComparer.Ordinal,
        "also", "later", "then", "again", "repeatedly", "previously", "recently", "once", "still", "just", "earlier", "further",
        "has", "had", "have", "would", "will", "could", "might", "may", "can", "did", "does", "do", "was", "is", "were", "are", "twice", "officially",
        "even", "only", "never", "ever", "already", "often", "too", "himself", "herself", "themselves", "itself", "first",
        "today", "tonight", "yesterday", "tomorrow", "now", "reportedly", "allegedly", "simply", "eventually", "finally",
        "initially", "originally", "quickly", "immediately", "soon", "last", "this", "week", "month", "year", "morning",
        "afternoon", "evening", "night");

    // The lists looked up by a span of a block's text.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DeterminerLookup = Determiners.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DefiniteLookup = Definites.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DescriptiveLookup = Descriptive.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PrepositionLookup = Prepositions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SkippableLookup = Skippable.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The speaker phrase whose last word is the token before <paramref name="to"/>, reading no further back than <paramref name="from"/>.</summary>
    public static SpeakerPhrase Before(TokenizedBlock block, int from, int to, AttributionLexicon lexicon, int depth = 0)
    {
        var core = Core(block, from, to, lexicon, depth);

        // A name inside a phrase with a preposition belongs to the phrase's head: "the chairman of
        // the Joint Chiefs of Staff" is a chairman, "a spokesman for the Clinton campaign" a
        // spokesman, "the Commission on Presidential Debates" one organisation. "Secretary of State
        // John Kerry" is a title before a name and stays John Kerry.
        while (core.Kind is SpeakerKind.Person or SpeakerKind.Organisation)
        {
            var k = core.First - 1;
            if (k >= from && block.Tokens[k].IsWord && DefiniteLookup.Contains(block.WordSpan(k)))
            {
                k--;
            }

            if (k - 1 < from || !block.Tokens[k].IsWord || !PrepositionLookup.Contains(block.WordSpan(k)))
            {
                break;
            }

            if (block.IsCapitalised(k - 1) && lexicon.TitleLookup.Contains(block.WordSpan(k - 1).TrimEnd('.')))
            {
                break;
            }

            var head = Core(block, from, k, lexicon, depth + 1);
            if (head.Kind == SpeakerKind.Unnamed)
            {
                return new SpeakerPhrase(SpeakerKind.Unnamed, Slice(block, head.First, core.Last), head.First, core.Last);
            }

            // Where someone is, not who: "an assistant professor at the University of Houston", "one
            // Russia specialist in Washington" describe someone unnamed; the place never speaks.
            // Party members where they sit ("Republicans in the Senate") are unnamed too.
            var at = block.WordSpan(k) is "at" or "in";
            var party = at && k - 1 >= from && IsPartyPlural(block.WordSpan(k - 1));
            if (at && (head.Kind == SpeakerKind.None || party))
            {
                return (party ? k - 1 : DescriptionStart(block, from, k)) is { } start
                    ? new SpeakerPhrase(SpeakerKind.Unnamed, Slice(block, start, core.Last), start, core.Last)
                    : SpeakerPhrase.None;
            }

            // A person of a place or body ("Steny Hoyer of Maryland") is that person.
            if (head.Kind == SpeakerKind.Person)
            {
                return head;
            }

            if (head.Kind != SpeakerKind.Organisation || !block.IsCapitalised(k - 1))
            {
                break;
            }

            var first = head.First;
            while (first - 1 >= from && block.IsCapitalised(first - 1) && !lexicon.IsNotName(block.WordSpan(first - 1)))
            {
                first--;
            }

            core = new SpeakerPhrase(SpeakerKind.Organisation, Slice(block, first, core.Last), first, core.Last);
        }

        return core;
    }

    // The phrase whose last word is the token before `to`, before any phrase it may sit in.
    private static SpeakerPhrase Core(TokenizedBlock block, int from, int to, AttributionLexicon lexicon, int depth)
    {
        var j = SkipBack(block, from, to - 1);
        if (j < from)
        {
            return SpeakerPhrase.None;
        }

        // A party and state after a name, "(D-N.M.)", or an age, "(45)".
        if (block.IsPunct(j, ')'))
        {
            var open = j - 1;
            while (open >= from && !block.IsPunct(open, '(') && j - open < 8)
            {
                open--;
            }

            if (open < from || !block.IsPunct(open, '('))
            {
                return SpeakerPhrase.None;
            }

            j = SkipBack(block, from, open - 1);
            if (j < from)
            {
                return SpeakerPhrase.None;
            }
        }

        // "Farhan Haq, a deputy spokesman for the secretary-general, told": the subject stands before
        // the phrase set off by commas.
        if (block.IsPunct(j, ',') && depth == 0)
        {
            for (var k = j - 1; k >= from && j - k <= 16; k--)
            {
                if (block.IsPunct(k, ','))
                {
                    // "the boy, Alex, said", "the conference’s creator, Aleksander Ionov, told": a
                    // name set off after a description is the speaker's.
                    var subject = Before(block, from, k, lexicon, depth + 1);
                    if ((subject.Kind == SpeakerKind.Unnamed || (subject.Kind == SpeakerKind.None && IsDescription(block, from, k))) && j - k >= 2 && Enumerable.Range(k + 1, j - k - 1).All(block.IsCapitalised))
                    {
                        var named = Name(block, k + 1, j - 1, lexicon);
                        if (named.Kind == SpeakerKind.Person)
                        {
                            return named;
                        }
                    }

                    return subject;
                }

                if (!block.Tokens[k].IsWord && !block.IsPunct(k, '-') && !block.IsPunct(k, '\'') && !block.IsPunct(k, '’') && !block.IsPunct(k, '(') && !block.IsPunct(k, ')'))
                {
                    break;
                }
            }

            return SpeakerPhrase.None;
        }

        if (!block.Tokens[j].IsWord)
        {
            return SpeakerPhrase.None;
        }

        var word = block.WordSpan(j);

        // "…the Commission on Presidential Debates, which said": the relative pronoun's antecedent.
        if (word is "who" or "which" && depth == 0 && j - 1 >= from && block.IsPunct(j - 1, ','))
        {
            return Before(block, from, j - 1, lexicon, depth + 1);
        }

        if (lexicon.IsPronounInLowerCase(word) && !word.SequenceEqual("I"))
        {
            return new SpeakerPhrase(SpeakerKind.Pronoun, block.Word(j).ToLowerInvariant(), j, j);
        }

        if (WithoutContraction(word) is var stem && stem.Length < word.Length && lexicon.IsPronounInLowerCase(stem) && !stem.SequenceEqual("I"))
        {
            return new SpeakerPhrase(SpeakerKind.Pronoun, stem.ToString().ToLowerInvariant(), j, j);
        }

        if (block.IsCapitalised(j))
        {
            var k = j;
            while (k - 1 >= from && InRun(block, k - 1, lexicon))
            {
                k--;
            }

            // A name never takes an article: "the Joint Chiefs", "the Baltimore Sun" are bodies.
            var named = Name(block, k, j, lexicon);
            var article = k - 1 >= from && block.Tokens[k - 1].IsWord && block.WordSpan(k - 1) is "the" or "The";

            // "the Nevada Democrat", "the Wisconsin Republican": a description, not a name; so is "a Republican".
            var indefinite = k - 1 >= from && block.Tokens[k - 1].IsWord && DeterminerLookup.Contains(block.WordSpan(k - 1));
            if ((article || indefinite) && DescriptiveLookup.Contains(word.TrimEnd('.')))
            {
                return new SpeakerPhrase(SpeakerKind.Unnamed, Slice(block, k - 1, j), k - 1, j);
            }

            return named.Kind == SpeakerKind.Person && article
                ? named with { Kind = SpeakerKind.Organisation, Text = Slice(block, k, j), First = k }
                : named;
        }

        // "the Clinton campaign said", "the Trump administration said".
        if (lexicon.IsOrganisationNoun(word) && j - 1 >= from && block.IsCapitalised(j - 1))
        {
            var k = j - 1;
            while (k - 1 >= from && InRun(block, k - 1, lexicon))
            {
                k--;
            }

            var owner = Name(block, k, j - 1, lexicon);
            if (owner.Kind is SpeakerKind.Person or SpeakerKind.Organisation)
            {
                return new SpeakerPhrase(SpeakerKind.Organisation, string.Concat(owner.Text, " ", word), owner.First, j);
            }
        }

        // "the association said", "the department added": a body by its kind, which names the body
        // of that kind the story named before it (QuoteAnalyzer.Resolve), or no one.
        // Not inside a longer description: "a member of the committee, who referenced" is the member.
        if (QuoteAnalyzer.IsBodyKind(word) && j - 1 >= from && block.Tokens[j - 1].IsWord && block.WordSpan(j - 1) is "the" or "The"
            && !(j - 2 >= from && block.Tokens[j - 2].IsWord && (PrepositionLookup.Contains(block.WordSpan(j - 2)) || block.WordSpan(j - 2) is "about" or "against")))
        {
            return new SpeakerPhrase(SpeakerKind.Unnamed, Slice(block, j - 1, j), j - 1, j);
        }

        // "the EU statement", "the FBI's report": the document's author speaks; "a statement", "the
        // report" name no one.
        if (block.Is(j, WordClass.Document, lexicon))
        {
            for (var k = j - 1; k >= from && j - k <= 6 && block.Tokens[k].IsWord; k--)
            {
                if (block.IsCapitalised(k))
                {
                    var first = k;
                    while (first - 1 >= from && InRun(block, first - 1, lexicon))
                    {
                        first--;
                    }

                    var author = Name(block, first, k, lexicon);
                    if (author.Kind is SpeakerKind.None && IsPossessive(block.Span(block.Tokens[k])))
                    {
                        var bare = block.Word(k)[..^2];
                        return new SpeakerPhrase(char.IsUpper(bare[^1]) ? SpeakerKind.Organisation : SpeakerKind.Person, bare, k, k);
                    }

                    return author.Kind is SpeakerKind.Person or SpeakerKind.Organisation ? author with { Kind = SpeakerKind.Organisation } : SpeakerPhrase.None;
                }

                if (DeterminerOrArticle(block.WordSpan(k)))
                {
                    break;
                }
            }

            return SpeakerPhrase.None;
        }

        // "the Democratic nominee said", "the Texas senator added": "the" and a public role refer
        // back to the person it describes (QuoteAnalyzer.Resolve names that person or leaves the
        // quotation to check); with "a" it describes someone unnamed only if the role is an
        // anonymous source's ("a senior official").
        if (QuoteAnalyzer.IsPublicRole(word) && !lexicon.IsUnnamedHeadInLowerCase(word))
        {
            for (var k = j - 1; k >= from && j - k <= 4 && block.Tokens[k].IsWord; k--)
            {
                if (block.WordSpan(k) is "the" or "The")
                {
                    return new SpeakerPhrase(SpeakerKind.Unnamed, block.Text[block.Tokens[k].Start..block.Tokens[j].End], k, j);
                }

                if (DeterminerOrArticle(block.WordSpan(k)))
                {
                    break;
                }
            }
        }

        if (lexicon.IsUnnamedHeadInLowerCase(word) || word.EndsWith("-old", StringComparison.Ordinal))
        {
            // Back to the determiner: "a senior Trump campaign official", "the cop's daughter".
            for (var k = j - 1; k >= from && j - k <= 7; k--)
            {
                if (!block.Tokens[k].IsWord)
                {
                    break;
                }

                // An owner's name ends the description as a determiner would: "Trump's campaign
                // manager" is a description, and in "Trump's campaign manager, Kellyanne Conway,
                // told" the name set off after it is the speaker's. After a determiner it does not
                // ("the FBI's director" may be the director just named).
                var w = block.WordSpan(k);
                if (DeterminerOrArticle(w) || IsOwner(block, from, k, j, lexicon))
                {
                    return new SpeakerPhrase(SpeakerKind.Unnamed, block.Text[block.Tokens[k].Start..block.Tokens[j].End], k, j);
                }
            }

            // A bare plural ("officials said", "protesters chanted") is unnamed too.
            if (word.EndsWith('s'))
            {
                return new SpeakerPhrase(SpeakerKind.Unnamed, block.Word(j), j, j);
            }
        }

        return SpeakerPhrase.None;
    }

    private static bool IsPartyPlural(ReadOnlySpan<char> word) => word.Length > 1 && word[^1] == 's' && DescriptiveLookup.Contains(word[..^1]);

    private static int SkipBack(TokenizedBlock block, int from, int j)
    {
        while (j >= from && block.Tokens[j].IsWord && (SkippableLookup.Contains(block.WordSpan(j)) || IsAdverb(block.WordSpan(j))))
        {
            j--;
        }

        return j;
    }

    private static bool IsAdverb(ReadOnlySpan<char> word) => word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(word[0]);

    private static bool IsTimeWord(ReadOnlySpan<char> word) => word is "Monday" or "Tuesday" or "Wednesday" or "Thursday" or "Friday" or "Saturday" or "Sunday" or "Today" or "Tonight";

    private static bool IsParticle(TokenizedBlock block, int index, AttributionLexicon lexicon) => block.Is(index, WordClass.Particle, lexicon);

    // Whether token k is a name's possessive owning the role that ends at j, two small words at
    // most between ("Trump's campaign manager"): not after a determiner ("the FBI's director"), nor
    // a pronoun or sentence word with its "'s" ("That's what officials said").
    private static bool IsOwner(TokenizedBlock block, int from, int k, int j, AttributionLexicon lexicon)
    {
        if (j - k > 3 || !block.IsCapitalised(k) || !IsPossessive(block.WordSpan(k)) || !AllLowerWords(block, k + 1, j))
        {
            return false;
        }

        var owner = block.WordSpan(k)[..^(block.WordSpan(k)[^1] is '\'' or '’' ? 1 : 2)];
        if (owner.IsEmpty || lexicon.IsPronounInLowerCase(owner) || lexicon.IsNotName(owner))
        {
            return false;
        }

        return !(k - 1 >= from && block.Tokens[k - 1].IsWord && DeterminerOrArticle(block.WordSpan(k - 1)));
    }

    // Whether the tokens from first to last are all words in small letters ("campaign manager").
    private static bool AllLowerWords(TokenizedBlock block, int first, int last)
    {
        for (var m = first; m <= last; m++)
        {
            if (!block.Tokens[m].IsLower)
            {
                return false;
            }
        }

        return true;
    }

    // A pronoun with its verb contracted onto it is that pronoun: "He’s even suggested", "she'd
    // said", "they’ve argued". Any other word comes back as it is.
    internal static ReadOnlySpan<char> WithoutContraction(ReadOnlySpan<char> word)
    {
        var apostrophe = word.IndexOfAny('\'', '’');
        return apostrophe > 0 && word[(apostrophe + 1)..] is "s" or "d" or "ll" or "ve" or "re" ? word[..apostrophe] : word;
    }

    internal static bool IsPossessive(ReadOnlySpan<char> word) => word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("’s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("'") || word.EndsWith("’");

    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length < 2)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!(char.IsUpper(c) || c == '.' || c == '&'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Bare(string word) => word.TrimEnd('.');

    private static string Slice(TokenizedBlock block, int first, int last) =>
        block.Text[block.Tokens[first].Start..block.Tokens[last].End];

    /// <summary>The text from token <paramref name="first"/> to token <paramref name="last"/>.</summary>
    internal static ReadOnlySpan<char> SliceSpan(TokenizedBlock block, int first, int last) =>
        block.Text.AsSpan(block.Tokens[first].Start, block.Tokens[last].End - block.Tokens[first].Start);
}
