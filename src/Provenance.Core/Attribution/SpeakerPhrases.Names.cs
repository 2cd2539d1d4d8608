using System.Collections.Frozen;

namespace Provenance.Attribution;

/// <summary>Which words around a name belong to it: a title's or a body's word that is a person's name here, a description a name is set off after.</summary>
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
}
