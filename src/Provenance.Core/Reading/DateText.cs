using System.Globalization;
using System.Text.RegularExpressions;

namespace Provenance.Reading;

/// <summary>
/// Finds a calendar date written the ways news pages write them: ISO ("2016-12-01T23:29:49.000Z"),
/// month first ("March 11, 2015 3:46 PM", "Sept. 25, 2018", "Dec 28 Sat 2013", "Fri Mar 13 21:30:09 EST 2015"),
/// day first ("22 Dec 2016", "Thu 3 Jan 2019"), numeric ("11/19/16", "08.04.2015") and CJK ("2016年10月14日").
/// English month names only.
/// </summary>
internal static partial class DateText
{
    /// <summary>A date found in a text: where it stands and the day it names.</summary>
    /// <param name="Index">Where the date starts.</param>
    /// <param name="Length">How long it is, up to the year.</param>
    /// <param name="Day">The day, as yyyy-MM-dd.</param>
    public readonly record struct Found(int Index, int Length, string Day);

    /// <summary>The first date in <paramref name="text"/>, or null when it names none.</summary>
    public static Found? Find(string text)
    {
        // Nearly every text either has no digit at all or is an ISO stamp; both are answered without the expression.
        if (text.Length < 6 || text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            return null;
        }

        if (text.Length >= 10 && IsIsoDay(text.AsSpan(0, 10)) && (text.Length == 10 || text[10] is 'T' or ' ' or 't')
            && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return new Found(0, 10, iso.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        foreach (Match match in Pattern().Matches(text))
        {
            if (Read(match) is { } day)
            {
                return new Found(match.Index, match.Length, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        return null;
    }

    /// <summary>The day <paramref name="text"/> names when the whole of it, but for a time after the date, is a date.</summary>
    public static string? Whole(string text)
    {
        var found = Find(text.Trim());
        return found is { Index: 0 } ? found.Value.Day : null;
    }

    private static bool IsIsoDay(ReadOnlySpan<char> s) =>
        char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3]) && s[4] == '-' && s[7] == '-';

    private static DateOnly? Read(Match match)
    {
        var groups = match.Groups;
        int year, month, day;
        if (groups["iy"].Success)
        {
            (year, month, day) = (Number(groups["iy"]), Number(groups["im"]), Number(groups["id"]));
        }
        else if (groups["cy"].Success)
        {
            (year, month, day) = (Number(groups["cy"]), Number(groups["cm"]), Number(groups["cd"]));
        }
        else if (groups["my"].Success)
        {
            (year, month, day) = (Number(groups["my"]), Month(groups["mm"].Value), Number(groups["md"]));
        }
        else if (groups["dy"].Success)
        {
            (year, month, day) = (Number(groups["dy"]), Month(groups["dm"].Value), Number(groups["dd"]));
        }
        else if (groups["sy"].Success)
        {
            // Slashes are read month first, as in the United States, unless the first number cannot be a month.
            var (a, b) = (Number(groups["sa"]), Number(groups["sb"]));
            (year, month, day) = (Year(groups["sy"]), a > 12 ? b : a, a > 12 ? a : b);
        }
        else
        {
            // Dots are read day first, as in most of Europe, unless the second number cannot be a month.
            var (a, b) = (Number(groups["pa"]), Number(groups["pb"]));
            (year, month, day) = (Year(groups["py"]), b > 12 ? a : b, b > 12 ? b : a);
        }

        return year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static int Number(Group group) => int.Parse(group.ValueSpan, CultureInfo.InvariantCulture);

    private static int Year(Group group)
    {
        var year = Number(group);
        return group.Length == 2 ? (year < 70 ? 2000 + year : 1900 + year) : year;
    }

    private static int Month(string name) => char.ToLowerInvariant(name[0]) switch
    {
        'j' when char.ToLowerInvariant(name[1]) == 'a' => 1,
        'j' when char.ToLowerInvariant(name[2]) == 'n' => 6,
        'j' => 7,
        'f' => 2,
        'm' when char.ToLowerInvariant(name[2]) == 'r' => 3,
        'm' => 5,
        'a' when char.ToLowerInvariant(name[1]) == 'p' => 4,
        'a' => 8,
        's' => 9,
        'o' => 10,
        'n' => 11,
        _ => 12,
    };

    // Month first may carry a weekday or a clock time before the year ("Dec 28 Sat 2013",
    // "Mar 13 21:30:09 EST 2015"); numbers may not touch other digits or letters.
    [GeneratedRegex("""
        (?<![\p{L}\d])(?:
          (?<iy>(?:19|20)\d\d)[-/](?<im>\d\d?)[-/](?<id>\d\d?)(?!\d)
        | (?<cy>\d{4})\s*年\s*(?<cm>\d{1,2})\s*月\s*(?<cd>\d{1,2})\s*日
        | (?<mm>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<md>\d{1,2})(?:st|nd|rd|th)?(?!\d)
            (?:,?\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)?(?:,?\s+\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?,?\s+(?<my>(?:19|20)\d\d)(?!\d)
        | (?<dd>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?<dm>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?<dy>(?:19|20)\d\d)(?!\d)
        | (?<sa>\d{1,2})[/-](?<sb>\d{1,2})[/-](?<sy>\d{4}|\d\d)(?![\d/:-])
        | (?<pa>\d{1,2})\.(?<pb>\d{1,2})\.(?<py>\d{4}|\d\d)(?![\d.])
        )
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Pattern();
}
