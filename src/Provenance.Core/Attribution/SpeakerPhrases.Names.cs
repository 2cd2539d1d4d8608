using System.Collections.Frozen;

namespace Provenance.Attribution;

/// <summary>What a capitalised run names, and which words around a name belong to it: a title's or a body's word that is a person's name here, a body's name that goes on through "of", a description a name is set off after.</summary>
internal static partial class SpeakerPhrases
{
    private static bool DeterminerOrArticle(ReadOnlySpan<char> word) => DeterminerLookup.Contains(word) || DefiniteLookup.Contains(word);

    // Whether a title's or a body's word at k is a person's name here: a first name that also ends
    // bodies' names, opening a name ("Bill Nelson"; "the Senate Bill" is a text); a title after a
    // first name, ending it ("Rep. Peter King", "Howard Dean": titles go before names); a title
    // standing alone and not after an article ("King said", "Dean said"; "the Dean said" is a dean).
    private static bool StaysInName(TokenizedBlock block, int first, int start, int k, int last, AttributionLexicon lexicon)
    {
        var word = block.WordSpan(k);
        var title = block.Is(k, WordClass.Title, lexicon);
        if (!title)
        {
            return k == start && k < last && lexicon.IsGivenName(word);
        }

        if (word.EndsWith('.') || word.Length < 3 || k != last)
        {
            return false;
        }

        if (k > start && lexicon.IsGivenName(block.WordSpan(k - 1)))
        {
            return true;
        }

        return k == first && !(first > 0 && block.Tokens[first - 1].IsWord && DeterminerOrArticle(block.WordSpan(first - 1)));
    }

    // Nouns of places: a name set off after one ("the provincial capital, Lashkar Gah") is the place's.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceNounLookup = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "capital", "city", "town", "village", "province", "state", "county", "district", "region", "country", "island", "suburb",
        "neighborhood", "neighbourhood", "borough", "municipality", "township", "area", "port", "hometown").GetAlternateLookup<ReadOnlySpan<char>>();

    // Where the description that ends before `to` starts: its determiner or article, a few words
    // back, with no preposition between ("an assistant professor", "one Russia specialist"); null
    // when the words before `to` are no such description.
    private static int? DescriptionStart(TokenizedBlock block, int from, int to)
    {
        for (var k = to - 1; k >= from && to - k <= 5 && block.Tokens[k].IsWord; k--)
        {
            var word = block.WordSpan(k);
            if (DeterminerOrArticle(word))
            {
                return k < to - 1 ? k : null;
            }

            if (PrepositionLookup.Contains(word) || (IsPossessive(word) && k == to - 1))
            {
                return null;
            }
        }

        return null;
    }

    // Whether the words before the comma describe a person with a common noun: a few words back to
    // a determiner or an owner ("the creator", "the conference’s creator", "his longtime friend"),
    // with no preposition between — in "a spokeswoman for the retailer, Target" and "the brother of
    // the gunman, Omar Mateen" the name is the retailer's or the gunman's — and not a place
    // ("the provincial capital, Lashkar Gah").
    private static bool IsDescription(TokenizedBlock block, int from, int comma)
    {
        var last = comma - 1;
        if (last < from || !block.Tokens[last].IsWord || block.IsCapitalised(last) || PlaceNounLookup.Contains(block.WordSpan(last)))
        {
            return false;
        }

        for (var k = last; k >= from && last - k <= 5 && block.Tokens[k].IsWord; k--)
        {
            var word = block.WordSpan(k);
            if (DeterminerOrArticle(word) || (k < last && IsPossessive(word)))
            {
                return true;
            }

            if (PrepositionLookup.Contains(word))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// What the capitalised run from token <paramref name="first"/> to <paramref name="last"/> names:
    /// the words after its last title, role or sentence word make a person's name ("Senate Majority
    /// Leader Mitch McConnell" → "Mitch McConnell"); a run ending in an organisation's word, or an
    /// acronym, is an organisation.
    /// </summary>
    public static SpeakerPhrase Name(TokenizedBlock block, int first, int last, AttributionLexicon lexicon)
    {
        var (kind, start) = NameBounds(block, first, last, lexicon);
        return kind == SpeakerKind.None ? SpeakerPhrase.None : new SpeakerPhrase(kind, Slice(block, start, last), start, last);
    }

    /// <summary>What <see cref="Name"/> finds, and its first token, without making its text: most capitalised runs are read only for whether they name someone.</summary>
    public static (SpeakerKind Kind, int First) NameBounds(TokenizedBlock block, int first, int last, AttributionLexicon lexicon)
    {
        var start = first;
        var afterTitle = false;
        for (var k = first; k <= last; k++)
        {
            var word = block.Span(block.Tokens[k]);
            var stray = word.Length == 1 && !(k + 1 <= last && word[^1] == '.');
            if (stray || block.Is(k, WordClass.Title | WordClass.NotName | WordClass.OrganisationHead, lexicon) || IsPossessive(word))
            {
                if (!stray && !IsPossessive(word) && !block.Is(k, WordClass.NotName, lexicon) && StaysInName(block, first, start, k, last, lexicon))
                {
                    continue;
                }

                start = k + 1;
                afterTitle = IsPossessive(word) || block.Is(k, WordClass.Title, lexicon);
            }
        }

        // Sentence words at the start ("But", "The") are never part of an organisation's name either.
        var orgStart = first;
        // Nor is a stray letter ("Â", a mis-encoded space, before "The New York State Board of Education").
        while (orgStart <= last && ((block.ClassOf(orgStart, lexicon) & (WordClass.NotName | WordClass.OrganisationHead)) == WordClass.NotName
            || (orgStart < last && block.Span(block.Tokens[orgStart]).Length == 1)))
        {
            orgStart++;
        }

        while (start <= last && IsParticle(block, start, lexicon))
        {
            start++;
        }

        // "Commission on Presidential Debates", "Department of Justice", "Peterson Institute for
        // International Economics": what follows a body's word and "of", "on" or "for" is the rest
        // of the body's name, not a person's.
        // A title or an owner before the last words makes them a person's name ("Bank of America
        // CEO Brian Moynihan").
        if (orgStart <= last && !afterTitle && ConnectsBody(block, orgStart, Math.Min(start, last), lexicon))
        {
            return (SpeakerKind.Organisation, orgStart);
        }

        if (start > last)
        {
            if (orgStart <= last && (block.Is(last, WordClass.OrganisationHead, lexicon) || IsAcronym(block.Span(block.Tokens[last]).TrimEnd('.'))) && !block.Is(last, WordClass.NotName, lexicon))
            {
                return (SpeakerKind.Organisation, orgStart);
            }

            return (SpeakerKind.None, -1);
        }

        for (var k = start; k <= last; k++)
        {
            var word = block.Span(block.Tokens[k]);
            if (word.ContainsAnyInRange('0', '9') || !(char.IsUpper(word[0]) || IsParticle(block, k, lexicon)) || block.Is(k, WordClass.UnnamedHead | WordClass.OrganisationNoun, lexicon))
            {
                return (SpeakerKind.None, -1);
            }
        }

        // A counting word is nobody's name: "One", "Another" ("All For One probed").
        if (start == last && DeterminerLookup.Contains(block.WordSpan(start)))
        {
            return (SpeakerKind.None, -1);
        }

        var text = SliceSpan(block, start, last);

        // A place speaks as its government ("Russia said"), never as a person; so does a lone
        // acronym ("CNN said", "the FBI said").
        if (lexicon.PlaceLookup.Contains(text) || (start == last && text.Length <= 6 && IsAcronym(text.TrimEnd('.'))))
        {
            return (SpeakerKind.Organisation, start);
        }

        return (SpeakerKind.Person, start);
    }

    // A token that may continue a capitalised run: another capitalised word, an initial, a name
    // particle between capitals ("Charles de Gaulle"), a hyphenated or apostrophised name.
    internal static bool InRun(TokenizedBlock block, int index, AttributionLexicon lexicon)
    {
        if (!block.Tokens[index].IsWord)
        {
            return false;
        }

        if (block.IsCapitalised(index))
        {
            return true;
        }

        if (index + 1 >= block.Count || !block.IsCapitalised(index + 1) || index == 0 || !block.IsCapitalised(index - 1))
        {
            return false;
        }

        // "Charles de Gaulle"; "Secretary of State", "Minister of Defence": "of" after a title or an
        // organisation's word joins the title to what follows; so does "of" anywhere in a body's
        // name ("the National Association of Secretaries of State", whose last "of" follows no
        // body's word: without it the body was cut to "State").
        // "on" and "for" join a body's word to the rest of its name ("Commission on Presidential
        // Debates", "Center for American Progress"), but not to a day ("the Senate on Tuesday").
        var word = block.Span(block.Tokens[index]);
        return IsParticle(block, index, lexicon)
            || (word.SequenceEqual("of") && (block.Is(index - 1, WordClass.Title | WordClass.OrganisationHead, lexicon) || InBodyName(block, index - 1, lexicon)))
            || (word is "on" or "for" && block.Is(index - 1, WordClass.OrganisationHead, lexicon) && !IsDateWord(block.Span(block.Tokens[index + 1])));
    }

    private static bool IsDateWord(ReadOnlySpan<char> word) => IsTimeWord(word) || word.TrimEnd('.') is "January" or "February" or "March" or "April" or "May"
        or "June" or "July" or "August" or "September" or "October" or "November" or "December" or "Jan" or "Feb" or "Mar" or "Apr"
        or "Jun" or "Jul" or "Aug" or "Sep" or "Sept" or "Oct" or "Nov" or "Dec";

    private static bool IsConnector(TokenizedBlock block, int index) => block.Span(block.Tokens[index]) is "of" or "on" or "for";

    // Whether a connector between `from` and `to` follows a body's word ("Department of").
    private static bool ConnectsBody(TokenizedBlock block, int from, int to, AttributionLexicon lexicon)
    {
        for (var k = from + 1; k <= to; k++)
        {
            if (IsConnector(block, k) && block.Is(k - 1, WordClass.OrganisationHead, lexicon))
            {
                return true;
            }
        }

        return false;
    }

    // Whether the word at `last` ends a chain of "of"s that a body's word opens: "Secretaries" in
    // "Association of Secretaries" (then "of State" joins), not "Clinton" in "Secretary of State
    // Hillary Clinton of New York", whose last "of" starts a place.
    private static bool InBodyName(TokenizedBlock block, int last, AttributionLexicon lexicon)
    {
        for (var k = last; k - 2 >= 0 && last - k <= 4 && block.IsCapitalised(k) && block.Tokens[k - 1].IsWord && block.Span(block.Tokens[k - 1]).SequenceEqual("of") && block.IsCapitalised(k - 2); k -= 2)
        {
            if (block.Is(k - 2, WordClass.OrganisationHead, lexicon))
            {
                return true;
            }
        }

        return false;
    }
}
