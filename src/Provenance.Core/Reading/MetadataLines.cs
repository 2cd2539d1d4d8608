using System.Globalization;
using System.Text.RegularExpressions;

namespace Provenance.Reading;

/// <summary>Recognises the metadata lines plain-text articles carry: dates, bylines and datelines.</summary>
internal static partial class MetadataLines
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "MMMM d, yyyy", "MMM d, yyyy", "MMM. d, yyyy", "d MMMM yyyy", "d MMM yyyy",
    ];

    /// <summary>A date stamp at the start of a line ("date 2024-03-21", "Published: March 21, 2024").</summary>
    [GeneratedRegex(@"^(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated)\s*:?\s*(?<date>\d{4}[-/]\d{2}[-/]\d{2}|\p{L}{3,9}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+\p{L}{3,9}\s+\d{4})(?:[T ,]+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*(?:Z|[A-Z]{2,4}|[+-]\d{2}:?\d{2}))?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DatePrefix();

    /// <summary>A byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters".</summary>
    [GeneratedRegex(@"^by\s+(?<names>\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|da|al|bin)){0,4}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})*)\s*(?:[,|–—-]\s*.{0,60})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Byline();

    /// <summary>
    /// <see cref="DatePrefix"/>'s match, looked at first: every word it starts with begins with d,
    /// p, u or l. Nearly no line is a date stamp, and a call of the expression cost more than the
    /// look (1.3% of a large run, for every line of every article).
    /// </summary>
    public static Match MatchDatePrefix(string text) =>
        text.Length > 0 && (text[0] | 0x20) is 'd' or 'p' or 'u' or 'l' ? DatePrefix().Match(text) : Match.Empty;

    /// <summary><see cref="Byline"/>'s match, looked at first: it starts "by" and white space.</summary>
    public static Match MatchByline(string text) =>
        text.Length > 2 && (text[0] | 0x20) == 'b' && (text[1] | 0x20) == 'y' && char.IsWhiteSpace(text[2]) ? Byline().Match(text) : Match.Empty;

    /// <summary>A wire dateline opening the first paragraph: "WASHINGTON (Reuters) -", "GAZA CITY, Gaza (AP) —".</summary>
    [GeneratedRegex(@"^(?<place>\p{Lu}{3,}(?:[ .'-]+\p{Lu}{2,})*(?:,\s*\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+)?)?)\s*(?:\([^)]{1,40}\))?\s*[-—–]{1,2}\s", RegexOptions.CultureInvariant)]
    public static partial Regex Dateline();

    /// <summary>A person's name alone on a line ("Asad Ali"), as under an author-bio heading.</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}$", RegexOptions.CultureInvariant)]
    public static partial Regex PersonName();

    [GeneratedRegex(@"\s*(?:,|\band\b|&)\s*", RegexOptions.CultureInvariant)]
    public static partial Regex NameSeparator();

    [GeneratedRegex(@"\s(?:and|&)\s", RegexOptions.CultureInvariant)]
    public static partial Regex NameConjunction();

    /// <summary>Normalises a date to yyyy-MM-dd where it parses; otherwise returns it as written.</summary>
    public static string NormaliseDate(string value)
    {
        var cleaned = value.Trim().Replace('/', '-');
        if (DateTime.TryParseExact(cleaned, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        // ISO 8601 timestamps ("2015-07-24T05:36:09+01:00") keep the date as written, not shifted to UTC.
        if (cleaned.Length >= 10 && DateTime.TryParseExact(cleaned[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && (cleaned.Length == 10 || cleaned[10] is 'T' or ' '))
        {
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return DateTimeOffset.TryParse(cleaned, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var any)
            ? any.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value.Trim();
    }
}
