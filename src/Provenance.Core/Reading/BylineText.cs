using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Provenance.Text;

namespace Provenance.Reading;

/// <summary>
/// Reads the names out of a byline as pages write it: "By Jane Doe and John Roe, Reuters",
/// "by Lucas Nolan 22 Dec 2016", "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
/// "Brenda Goodman, MA", "Ahiza Garcia @ahiza_garcia". A byline names people or an organisation
/// in capitalised words; what follows the names (a date, a time, a handle, a job title, an
/// affiliation, a reviewer) is not a name, and a line that goes on as a sentence ("By holding a
/// mock-debate.") is no byline.
/// </summary>
internal static partial class BylineText
{
    // Particles inside names ("Michiel de Jong", "Ludwig van Beethoven") are the only lower-case words a name has.
    private static readonly FrozenSet<string> Particles = FrozenSet.ToFrozenSet(
        ["de", "del", "della", "der", "den", "van", "von", "da", "das", "dos", "du", "di", "la", "le", "al", "bin", "ibn", "ben", "ter", "ten", "st."],
        StringComparer.Ordinal);

    // The first words of a byline line, "di" aside: Italian writes it in small letters only.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PrefixWords = FrozenSet.ToFrozenSet(
        ["by", "par", "von", "por", "written", "posted", "reported", "words", "story", "text"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> Conjunctions = FrozenSet.ToFrozenSet(["and", "And", "AND", "&", "et", "und", "y", "e"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> With = FrozenSet.ToFrozenSet(["with", "avec", "con", "mit"], StringComparer.OrdinalIgnoreCase);

    // Words that make a capitalised phrase a job title, a degree or an employer rather than a name.
    private static readonly FrozenSet<string> Roles = FrozenSet.ToFrozenSet(
        [
            "reporter", "writer", "editor", "correspondent", "columnist", "contributor", "producer", "analyst", "technologist",
            "photographer", "director", "president", "professor", "fellow", "chief", "manager", "officer", "intern", "associate",
            "senior", "contributing", "staffer", "critic", "researcher", "scientist", "journalist", "blogger", "founder", "ceo",
            "ma", "md", "phd", "mph", "rn", "msc", "bsc", "mba", "jd", "dds", "facp",
        ],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Employers = FrozenSet.ToFrozenSet(
        [
            "news", "press", "times", "post", "journal", "herald", "tribune", "magazine", "daily", "gazette", "chronicle",
            "telegraph", "guardian", "observer", "review", "reuters", "bloomberg", "agency", "radio", "tv", "network", "media",
            "university", "institute", "inc", "ltd",
        ],
        StringComparer.OrdinalIgnoreCase);

    // A byline's last words before its date may be the weekday or a joining word ("Joe Wee Monday, February 29").
    private static readonly FrozenSet<string> Trailing = FrozenSet.ToFrozenSet(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "on", "at", "the", "a", "an", "in", "of", "for", "from", "and"],
        StringComparer.OrdinalIgnoreCase);

    // Capitalised words of the furniture around a byline, never part of a name: "About the author",
    // "Last Updated", "Patrick Allan Profile Follow", "More by", "View all posts".
    private static readonly FrozenSet<string> NotNames = FrozenSet.ToFrozenSet(
        ["about", "last", "more", "profile", "view", "share", "related", "comments", "comment", "contact", "email", "subscribe", "read", "see", "latest", "recent", "popular", "home", "menu", "search", "advertisement", "sponsored", "promoted", "note", "posted", "written", "filed", "tags", "author", "authors", "by", "follow", "unfollow", "like", "tweet", "bio", "photo", "image", "video", "watch", "listen", "print", "close", "edit", "delete", "reply"],
        StringComparer.OrdinalIgnoreCase);

    // Roles that credit a picture, not the words ("Adrian Malloch (photography)").
    private static readonly FrozenSet<string> PictureRoles = FrozenSet.ToFrozenSet(
        ["photography", "photographs", "photos", "photo", "video", "videos", "illustration", "illustrations", "graphics", "images"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The names in <paramref name="text"/>, as spans of it, in order; none when it is no byline.
    /// </summary>
    /// <param name="text">The byline's text.</param>
    /// <param name="requirePrefix">Whether it must open with "By" (or "By:", "Written by", "Par"…), as a line of running text must.</param>
    public static IReadOnlyList<TextSpan> Names(string text, bool requirePrefix)
    {
        var prefix = Prefix().Match(text);
        if (requirePrefix && !prefix.Success)
        {
            return [];
        }

        var start = prefix.Success ? prefix.Length : 0;
        if (prefix.Success && OnlyHandle(text, start) is { } handle)
        {
            return [handle];
        }

        var end = End(text, start);
        var parts = Parts(text, start, end);
        return Accept(parts, requirePrefix);
    }

    /// <summary>
    /// Whether <paramref name="text"/> opens as a byline line does ("By ", "BY:", "Written by "…): a
    /// look at its first word, asked of every line before <see cref="Names"/>.
    /// </summary>
    public static bool HasPrefix(string text)
    {
        var end = 0;
        while (end < text.Length && end <= 8 && !char.IsWhiteSpace(text[end]) && text[end] != ':')
        {
            end++;
        }

        if (end is < 2 or > 8 || end == text.Length)
        {
            return false;
        }

        var word = text.AsSpan(0, end);
        return (PrefixWords.Contains(word) || word.SequenceEqual("di")) && Prefix().IsMatch(text);
    }

    /// <summary>
    /// Whether the byline opens with "By" itself rather than "Posted by", "Written by"…: below the
    /// first paragraph, "Posted by Todd Zimmer on Wednesday" captions an embedded post, while "By
    /// Chris Spillane" still heads a live blog's entry.
    /// </summary>
    public static bool OpensWithBy(string text) =>
        text.Length > 2 && (text[0] | 0x20) == 'b' && (text[1] | 0x20) == 'y' && !char.IsLetter(text[2]);

    // "by @lazharichir": a byline that credits a handle and nothing else names the author by it,
    // without its "@"; what follows it may be the date, never more words.
    private static TextSpan? OnlyHandle(string text, int start)
    {
        var handle = Handle().Match(text, start);
        if (!handle.Success)
        {
            return null;
        }

        var after = handle.Index + handle.Length;
        var rest = text.AsSpan(after, End(text, after) - after);
        foreach (var word in Word().EnumerateMatches(rest))
        {
            var token = rest.Slice(word.Index, word.Length).Trim(",;:.");
            if (token.Length > 0 && !Trailing.Contains(token.ToString()))
            {
                return null;
            }
        }

        return new TextSpan(handle.Index + 1, handle.Length - 1);
    }

    // The names end where the date, a time, a handle, a link, a separator or another credit begins.
    private static int End(string text, int start)
    {
        var end = text.Length;
        if (DateText.Find(text[start..]) is { } date)
        {
            end = start + date.Index;
        }

        var digit = text.AsSpan(start, end - start).IndexOfAnyInRange('0', '9');
        if (digit >= 0)
        {
            end = start + digit;
        }

        var cut = Cut().Match(text, start, end - start);
        return cut.Success ? cut.Index : end;
    }

    private static List<Part> Parts(string text, int start, int end)
    {
        var parts = new List<Part>();
        var current = new Part();
        var paren = Paren.None;
        foreach (var word in Word().EnumerateMatches(text.AsSpan(start, end - start)))
        {
            var from = start + word.Index;
            var to = from + word.Length;
            var opens = text[from] == '(';
            var closes = text[to - 1] == ')' || (to - 2 >= from && text[to - 2] == ')');
            var (s, e) = Trim(text, from, to);
            var token = s < e ? text[s..e] : string.Empty;
            if (opens)
            {
                paren = With.Contains(token) || Conjunctions.Contains(token) ? Paren.Names
                    : token.Length > 0 && (char.IsUpper(token[0]) || IsCaseless(token[0])) ? Paren.Kept
                    : Paren.Dropped;
                if (paren == Paren.Names)
                {
                    Close(parts, ref current);
                    token = string.Empty;
                }
                else if (paren == Paren.Dropped && PictureRoles.Contains(token))
                {
                    current.Pictures = true;
                }
            }

            // A label before the names ("Author: Jane Doe", "作者：") is not one of them.
            if (paren == Paren.Dropped || (parts.Count == 0 && current.Tokens.Count == 0 && text[to - 1] is ':' or '：'))
            {
                token = string.Empty;
            }

            if (token.Length > 0 && paren != Paren.Kept && Conjunctions.Contains(token))
            {
                Close(parts, ref current);
            }
            else if (token.Length > 0)
            {
                current.Tokens.Add((paren == Paren.Kept && opens ? s - 1 : s, paren == Paren.Kept && closes ? Math.Min(e + 1, to) : e, token));
            }

            if (closes)
            {
                if (paren == Paren.Names)
                {
                    Close(parts, ref current);
                }

                paren = Paren.None;
            }

            if (text[to - 1] is ',' or ';')
            {
                Close(parts, ref current);
            }
        }

        Close(parts, ref current);
        return parts;
    }

    private static void Close(List<Part> parts, ref Part current)
    {
        if (current.Tokens.Count > 0)
        {
            parts.Add(current);
        }

        current = new Part();
    }

    private static List<TextSpan> Accept(List<Part> parts, bool line)
    {
        var names = new List<TextSpan>();
        for (var p = 0; p < parts.Count; p++)
        {
            var tokens = parts[p].Tokens;
            var notName = tokens.FindIndex(t => NotNames.Contains(Bare(t.Word)));
            if (p > 0 && notName >= 0)
            {
                tokens = tokens[..notName];
                if (tokens.Count == 0)
                {
                    break;
                }
            }

            if (p == 0)
            {
                if (First(tokens) is not { } kept)
                {
                    return [];
                }

                tokens = kept;
            }
            else if (!IsName(tokens))
            {
                // A line that goes on as a sentence after its first name is no byline: "By God, he said."
                return line && p == 1 && IsProse(tokens) ? [] : names;
            }

            if (!parts[p].Pictures)
            {
                names.Add(TextSpan.FromBounds(tokens[0].Start, tokens[^1].End));
            }
        }

        return names;
    }

    // The first part is the byline's head: its capitalised words up to the first lower-case one.
    private static List<(int Start, int End, string Word)>? First(List<(int Start, int End, string Word)> tokens)
    {
        if (IsCaseless(tokens[0].Word[0]))
        {
            return [tokens[0]];
        }

        if (NotNames.Contains(Bare(tokens[0].Word)))
        {
            return null;
        }

        var cut = tokens.FindIndex(t => !IsNameWord(t.Word) || NotNames.Contains(Bare(t.Word)));
        var kept = cut < 0 ? tokens : tokens[..cut];
        var rest = cut < 0 ? [] : tokens[cut..];
        // What follows the names may be a job title ("business reporter") but not a sentence.
        var titled = rest.Any(t => Roles.Contains(Bare(t.Word)));
        if (IsProse(rest))
        {
            return null;
        }

        while (kept.Count > 0 && (Trailing.Contains(kept[^1].Word) || Particles.Contains(kept[^1].Word)))
        {
            kept = kept[..^1];
        }

        if (kept.Count == 0 || kept.Count > 6 || kept.Any(t => Roles.Contains(Bare(t.Word))))
        {
            return null;
        }

        // "Benjamin Romano Seattle Times business reporter": an employer's name runs on from the
        // person's, and where one ends is not written; most bylines name a person in two words.
        // "Seattle Times business reporter" alone names no one.
        if (titled && Employers.Contains(Bare(kept[^1].Word)))
        {
            return kept.Count > 2 ? kept[..2] : null;
        }

        return kept;
    }

    private static bool IsProse(List<(int Start, int End, string Word)> tokens)
    {
        var lower = tokens.Count(t => char.IsLower(t.Word[0]) && !Particles.Contains(t.Word));
        return lower >= 4 || (lower >= 2 && !tokens.Any(t => Roles.Contains(Bare(t.Word))));
    }

    // Names after the first need two words at least (one for scripts without case) and none of a title or an employer.
    private static bool IsName(List<(int Start, int End, string Word)> tokens) =>
        (tokens.Count >= 2 || IsCaseless(tokens[0].Word[0])) && tokens.Count <= 6
        && tokens.All(t => IsNameWord(t.Word) && !Roles.Contains(Bare(t.Word)) && !Employers.Contains(Bare(t.Word)))
        && !tokens.All(t => Particles.Contains(t.Word));

    private static bool IsNameWord(string word) =>
        char.IsUpper(word[0]) || IsCaseless(word[0]) || Particles.Contains(word) || (word[0] == '(' && word.Length > 1 && char.IsUpper(word[1]));

    private static bool IsCaseless(char c) => char.IsLetter(c) && !char.IsUpper(c) && !char.IsLower(c);

    private static string Bare(string word) => word.Replace(".", string.Empty, StringComparison.Ordinal);

    // A token without the punctuation around it; the full stop of an initial or an abbreviation stays ("M.", "Jr.").
    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && text[start] is '(' or '"' or '“' or '‘' or '\'' or '[')
        {
            start++;
        }

        while (end > start && text[end - 1] is ',' or ';' or ':' or '：' or ')' or '"' or '”' or '’' or ']' or '!' or '?')
        {
            end--;
        }

        if (end > start && text[end - 1] == '.' && !IsAbbreviation(text.AsSpan(start, end - start)))
        {
            end--;
        }

        return (start, end);
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> word) =>
        word.Length <= 3 || word.Count('.') > 1 || word is "Jr." or "Sr." or "St.";

    private enum Paren
    {
        None,
        Names,
        Kept,
        Dropped,
    }

    private sealed class Part
    {
        public List<(int Start, int End, string Word)> Tokens { get; } = [];

        public bool Pictures { get; set; }
    }

    [GeneratedRegex(@"^(?:(?i:written|posted|reported|words|story|text)\s+)?(?:(?i:by|par|von|por)|di)(?:\s*:\s*|\s+)(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\s[•|·/]\s|\s[—–-]+\s|[@;•|·]|https?:|www\.|\b(?i:reviewed|edited|updated|published|posted|photographs?\s+by|photos?\s+by|illustrations?\s+by|additional\s+reporting|follow|view\s+all|more\s+by|e-?mail|contact)\b|\b(?i:from):", RegexOptions.CultureInvariant)]
    private static partial Regex Cut();

    [GeneratedRegex(@"\G@[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*(?![\p{L}\p{N}_@])", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();

    [GeneratedRegex(@"\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
