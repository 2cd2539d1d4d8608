using System.Collections.Frozen;

namespace Provenance.Attribution;

/// <summary>Bodies referred back to by their kind: "the association said" after the story named the association.</summary>
internal sealed partial class QuoteAnalyzer
{
    // Kinds of body a story refers back to with "the" once it has named one: "The National Rifle
    // Association opposed the bill. … “This bill is wrong,” the association said." A journalist
    // names the body first; the kind alone then means it. Kinds that name no one body by
    // themselves ("the government", "the company", whose names seldom hold the word) are left out.
    private static readonly FrozenSet<string> BodyKinds = FrozenSet.Create(
        StringComparer.Ordinal,
        "association", "department", "agency", "bureau", "commission", "committee", "council", "court", "foundation", "institute",
        "university", "college", "campaign", "administration", "party", "union", "league", "federation", "alliance", "coalition",
        "ministry", "board", "organization", "organisation", "group", "police", "society", "center", "centre", "caucus", "network");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BodyKindLookup = BodyKinds.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a lower-case word is a kind of body that "the" and the word refer back to ("the association").</summary>
    internal static bool IsBodyKind(ReadOnlySpan<char> word) => BodyKindLookup.Contains(word);

    // The body of a kind ("association") the story named last before this point, within its last
    // three paragraphs: a speaker or paraphrased body whose name holds the word, or a capitalised
    // run naming a body with the word in it ("The National Association of Secretaries of State").
    private string? BodyOfKind(ReadOnlySpan<char> kind, long position)
    {
        for (var i = _recent.Count - 1; i >= 0; i--)
        {
            var mention = _recent[i];
            if (position - mention.Position > 3 * BlockStride)
            {
                break;
            }

            if (mention.Position >= position)
            {
                continue;
            }

            if (mention.Index < 0 && mention.Kind == QuoteSourceKind.Organisation && mention.Name is { Length: > 0 } name)
            {
                if (HasWord(name, kind))
                {
                    return name;
                }

                continue;
            }

            if (mention.Index < 0 || _tokenized[mention.Index] is not { } block)
            {
                continue;
            }

            // "The Clinton campaign released…": the kind's word after the run ends the body's name.
            var last = mention.Last + 1 < block.Count && block.Tokens[mention.Last + 1].IsWord && block.WordSpan(mention.Last + 1).SequenceEqual(kind) ? mention.Last + 1 : mention.Last;
            for (var t = mention.First; t <= last; t++)
            {
                if (!block.WordSpan(t).Equals(kind, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // A person's title is no body ("Secretary of the Department" aside, "Justice
                // Department spokesman Peter Carr" names Carr); "The Department of Justice" is one,
                // though its last word is also a title.
                if (t <= mention.Last && SpeakerPhrases.NameBounds(block, mention.First, mention.Last, lexicon).Kind == SpeakerKind.Person)
                {
                    break;
                }

                // Its article and a stray mis-decoded letter are no part of the name; its adjectives
                // are ("the Democratic Party", "the American Civil Liberties Union").
                var first = mention.First;
                while (first < t && (block.WordSpan(first) is "The" or "the" || block.WordSpan(first).Length == 1))
                {
                    first++;
                }

                return block.Text[block.Tokens[first].Start..block.Tokens[last].End];
            }
        }

        return null;
    }

    private static bool HasWord(string name, ReadOnlySpan<char> word)
    {
        foreach (var range in name.AsSpan().Split(' '))
        {
            if (name.AsSpan(range).Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Whether a cue's phrase is "the" and a kind of body ("the department"): when no such body was
    // named, the quotation is that unknown body's, not the last speaker's to inherit.
    private static bool IsBodyKindPhrase(TokenizedBlock block, SpeakerPhrase phrase) =>
        phrase.Kind == SpeakerKind.Unnamed && phrase.First + 1 == phrase.Last && IsBodyKind(block.WordSpan(phrase.Last));
}
