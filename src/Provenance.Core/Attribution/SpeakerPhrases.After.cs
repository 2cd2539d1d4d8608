namespace Provenance.Attribution;

/// <summary>Speaker phrases that follow their verb or "according to": "said Sen. Martin Heinrich", "according to the Trump campaign".</summary>
internal static partial class SpeakerPhrases
{
    /// <summary>The speaker phrase that starts at <paramref name="from"/> (after an inverted verb: "said Sen. Martin Heinrich").</summary>
    public static SpeakerPhrase After(TokenizedBlock block, int from, int to, AttributionLexicon lexicon)
    {
        var i = from;

        // Loose copy sets the inverted speaker off with a comma: "said, Olson, a Birmingham resident".
        if (i + 1 < to && block.IsPunct(i, ',') && block.IsCapitalised(i + 1))
        {
            i++;
        }

        while (i < to && block.Tokens[i].IsWord && (SkippableLookup.Contains(block.WordSpan(i)) || (lexicon.IsNotName(block.WordSpan(i)) && IsTimeWord(block.WordSpan(i)))))
        {
            i++;
        }

        if (i >= to || !block.Tokens[i].IsWord)
        {
            return SpeakerPhrase.None;
        }

        var word = block.WordSpan(i);
        if (lexicon.IsPronoun(word))
        {
            return new SpeakerPhrase(SpeakerKind.Pronoun, block.Word(i), i, i);
        }

        if (WithoutContraction(word) is var stem && stem.Length < word.Length && lexicon.IsPronounInLowerCase(stem) && !stem.SequenceEqual("I"))
        {
            return new SpeakerPhrase(SpeakerKind.Pronoun, stem.ToString().ToLowerInvariant(), i, i);
        }

        var describedFrom = -1;
        if (DeterminerOrArticle(word))
        {
            describedFrom = i;
            i++;
        }

        // Capitalised runs and role words up to a comma: the first run that is a person's name wins;
        // "Justice Department spokesman, Marc Ramondi" names him after the comma.
        SpeakerPhrase organisation = SpeakerPhrase.None;
        var sawRole = false;
        while (i < to)
        {
            if (block.IsCapitalised(i))
            {
                var k = i;
                while (k + 1 < to && InRun(block, k + 1, lexicon))
                {
                    k++;
                }

                var name = Name(block, i, k, lexicon);
                if (name.Kind == SpeakerKind.Person && describedFrom < 0)
                {
                    return RoleHolder(block, k + 1, to, lexicon) is { Kind: SpeakerKind.Person } holder ? holder : name;
                }

                // "according to the Trump campaign", "a statement from the Clinton campaign": a body
                // named by its owner speaks by that name, as before a verb ("the Clinton campaign
                // said", Before); "the Trump campaign spokesman" is a person described, not named.
                if (describedFrom >= 0 && name.Kind is SpeakerKind.Person or SpeakerKind.Organisation && OwnedBody(block, k + 1, to, lexicon) is { } body)
                {
                    return new SpeakerPhrase(SpeakerKind.Organisation, string.Concat(name.Text, " ", block.Word(body)), name.First, body);
                }

                // "said a Republican there", "said a Michigan Democrat": a party member described, not named.
                if (describedFrom >= 0 && DeterminerLookup.Contains(block.WordSpan(describedFrom)) && DescriptiveLookup.Contains(block.WordSpan(k).TrimEnd('.')))
                {
                    sawRole = true;
                    i = k + 1;
                    continue;
                }

                if (name.Kind == SpeakerKind.Organisation && !organisation.Found)
                {
                    organisation = name;
                }

                i = k + 1;
                continue;
            }

            if (block.Tokens[i].IsLower)
            {
                var w = block.WordSpan(i);
                if (lexicon.IsUnnamedHead(w) || lexicon.IsOrganisationNoun(w) || w.EndsWith("-old", StringComparison.Ordinal)
                    || (describedFrom >= 0 && block.WordSpan(describedFrom) is "the" or "The" && QuoteAnalyzer.IsPublicRole(w)))
                {
                    sawRole = true;
                    i++;
                    continue;
                }

                if (describedFrom >= 0 && i - describedFrom <= 5 && !sawRole)
                {
                    i++;
                    continue;
                }

                break;
            }

            if (block.IsPunct(i, ',') && (sawRole || organisation.Found) && i + 1 < to && block.IsCapitalised(i + 1))
            {
                // "…spokesman, Marc Ramondi": the name after the comma.
                var k = i + 1;
                while (k + 1 < to && InRun(block, k + 1, lexicon))
                {
                    k++;
                }

                // Not a list going on with "and": "the Bureau of Alcohol, Tobacco and Firearms".
                var name = Name(block, i + 1, k, lexicon);
                if (name.Kind == SpeakerKind.Person && !(k + 1 < to && block.Tokens[k + 1].IsWord && block.WordSpan(k + 1) is "and" or "&"))
                {
                    return name;
                }
            }

            if (block.IsPunct(i, '\'') || block.IsPunct(i, '’'))
            {
                i++;
                continue;
            }

            break;
        }

        // "according to sources", "said officials": a bare plural describes a group.
        if (describedFrom < 0 && sawRole && !organisation.Found && i - 1 >= from && block.WordSpan(i - 1).EndsWith('s'))
        {
            return new SpeakerPhrase(SpeakerKind.Unnamed, Slice(block, from, i - 1), from, i - 1);
        }

        if (describedFrom >= 0 && sawRole)
        {
            var last = Math.Max(describedFrom, i - 1);
            return new SpeakerPhrase(SpeakerKind.Unnamed, block.Text[block.Tokens[describedFrom].Start..block.Tokens[last].End], describedFrom, last);
        }

        return organisation;
    }

    // The token of an organisation's noun that ends a phrase at `at` ("campaign" in "the Trump
    // campaign,"), or null: followed by a role or another body's noun within three small words,
    // it describes someone.
    private static int? OwnedBody(TokenizedBlock block, int at, int to, AttributionLexicon lexicon)
    {
        if (at >= to || !block.Tokens[at].IsLower || !lexicon.IsOrganisationNoun(block.WordSpan(at)))
        {
            return null;
        }

        // "the Trump campaign press secretary", "a Clinton campaign senior official": a role a
        // few words on describes someone; a phrase after a preposition, article or conjunction
        // ("the Trump campaign in a statement") is not part of it.
        for (var n = at + 1; n < to && n <= at + 3 && block.Tokens[n].IsLower; n++)
        {
            var word = block.WordSpan(n);
            if (PrepositionLookup.Contains(word) || DeterminerOrArticle(word) || word is "and" or "or" or "who" or "which" or "that")
            {
                break;
            }

            if (lexicon.IsUnnamedHead(word) || lexicon.IsOrganisationNoun(word))
            {
                return null;
            }
        }

        return at;
    }

    // "complained Trump senior advisor Boris Epshteyn": a name followed by a role in small letters
    // and another name is the second person's employer, not the speaker.
    private static SpeakerPhrase RoleHolder(TokenizedBlock block, int from, int to, AttributionLexicon lexicon)
    {
        var m = from;
        var role = false;
        while (m < to && m - from < 3 && block.Tokens[m].IsWord && char.IsLower(block.Text[block.Tokens[m].Start]))
        {
            role |= block.Is(m, WordClass.UnnamedHead | WordClass.OrganisationNoun, lexicon);
            m++;
        }

        if (!role || m >= to || !block.IsCapitalised(m))
        {
            return SpeakerPhrase.None;
        }

        var last = m;
        while (last + 1 < to && InRun(block, last + 1, lexicon))
        {
            last++;
        }

        return Name(block, m, last, lexicon);
    }
}
