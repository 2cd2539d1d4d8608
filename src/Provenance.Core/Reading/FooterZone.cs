using System.Text.RegularExpressions;

namespace Provenance.Reading;

/// <summary>
/// Finds where an article's trailing footer zone starts: the credits, disclaimers, author bios and
/// comment-form debris that follow the last body paragraph. Rules scope to this zone, so it is
/// recognised by structure (short or labelled lines at the end), not by what any rule looks for.
/// </summary>
internal static partial class FooterZone
{
    private const int ShortLineWords = 12;

    /// <summary>The index of the first footer unit, or <c>units.Count</c> when there is no footer.</summary>
    /// <param name="units">The article's units.</param>
    /// <param name="firstBody">Index of the first unit that can be body text (after the title).</param>
    public static int FindStart(IReadOnlyList<string> units, int firstBody)
    {
        var footerStart = units.Count;
        for (var i = units.Count - 1; i > firstBody; i--)
        {
            var text = units[i];
            if (IsMarker(text))
            {
                footerStart = i;
                continue;
            }

            if (TextUnit.HasAtMostWords(text, ShortLineWords) || FollowsBioHeading(units, i, firstBody))
            {
                continue;
            }

            break;
        }

        return footerStart;
    }

    /// <summary>Whether a line opens a footer section by its wording or its "Label: value" shape.</summary>
    public static bool IsMarker(string text) => MarkerPattern().IsMatch(text) || LabelPattern().IsMatch(text);

    /// <summary>
    /// Whether a line reads as a credit or a note ("Originally published at …", "Reposted with
    /// permission from …", "Featured image via …", "h/t …") rather than a section heading: such a
    /// line is short and unpunctuated like a heading, but says where the text or its pictures
    /// came from, so it is read as body text wherever it stands.
    /// </summary>
    public static bool IsCreditOrNote(string text) => CreditPattern().IsMatch(text);

    /// <summary>Whether a line heads an author bio ("About the Creator").</summary>
    public static bool IsBioHeading(string text) => BioHeadingPattern().IsMatch(text);

    // An author bio is a full paragraph, so it is only footer when a bio heading sits just above it.
    private static bool FollowsBioHeading(IReadOnlyList<string> units, int index, int firstBody)
    {
        for (var j = index - 1; j >= Math.Max(firstBody + 1, index - 2); j--)
        {
            if (IsBioHeading(units[j]))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^about (?:the |this )?(?:authors?|creators?|writers?|contributors?|reporters?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BioHeadingPattern();

    [GeneratedRegex("""
        ^(?:
            about\ (?:the\ |this\ )?(?:authors?|creators?|writers?|contributors?|reporters?)\b
          | \d*\s*comments?\s*$
          | (?:leave|post|add)\ a\ (?:reply|comment)
          | your\ email\ address\ will\ not\ be\ published
          | there\ are\ no\ comments
          | be\ the\ first\ to\ (?:comment|respond|reply)
          | original(?:ly)?\ (?:source|published|appeared|posted|reported)
          | this\ (?:article|story|post|piece|report)\ (?:was\ |is\ |has\ been\ )?(?:originally\ |first\ )?(?:published|appeared|republished|reprinted|produced|written)
          | editor['’]?s\ note
          | disclaimer
          | ai[-\ ]generated
          | (?:image|photo|illustration|video)\ (?:credit|source|courtesy)
          | copyright\b | © | \(c\)\s*\d{4} | all\ rights\ reserved
          | related\ (?:articles|stories|posts|content|coverage)\s*$
          | read\ (?:more|next)\b
          | share\ (?:this|on)\b
          | filed\ under
          | (?:additional\ )?reporting\ by | (?:writing|editing)\ by
          | follow\ (?:us|me)\b
          | subscribe\b | sign\ up\b
          | for\ (?:the\ latest|more)\ (?:news|articles|updates|stories|information|coverage)
          | \#\#\#\s*$
          | media\ (?:contact|inquiries)
        )
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex MarkerPattern();

    // Credits and notes, wherever they stand: the footer markers that say where the text came from
    // or how it changed, and credits that may stand among the body's paragraphs. Not the markers
    // of page furniture ("Comments", "Related articles"), which can be real headings.
    [GeneratedRegex("""
        ^(?:
            original(?:ly)?\ (?:source|published|appeared|posted|reported)
          | this\ (?:article|story|post|piece|report)\ (?:was\ |is\ |has\ been\ )?(?:originally\ |first\ )?(?:published|appeared|republished|reprinted|produced|written)
          | editor['’]?s\ note
          | (?:image|photo|illustration|video)\ (?:credit|source|courtesy)
          | (?:additional\ )?reporting\ by | (?:writing|editing)\ by
          | media\ (?:contact|inquiries)
          | (?:re-?published|reprinted|re-?posted|reproduced|cross-?posted)\ (?:here\ )?(?:with|by|under)\b
          | (?:featured|header|top|lead|cover)\ (?:image|photo|picture|illustration)
          | (?:image|photo|picture|illustration|video)s?\ (?:by|via|from)\b
          | screen\ ?(?:shot|grab|capture)s?\ (?:via|from)\b
          | h/ts?\b | hat\ tips?\b
          | (?:read|see)\ the\ (?:rest|full|whole|original)\b
          | (?:correction|clarification|update|updated)\b\s*(?:\([^)]*\))?\s*:
        )
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex CreditPattern();

    // "Sources (verified): …", "Note: …", "Tags: …": a short label, a colon, then a value.
    [GeneratedRegex(@"^\p{L}[\p{L}\p{N} ()'’&/-]{0,38}:\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();
}
