using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Reading;

/// <summary>Recognises the metadata lines plain-text articles carry: dates, bylines and datelines.</summary>
internal static partial class MetadataLines
{
    // The other roles a Chinese closing credit may list beside the writers' names: correspondent, intern, editor, photographer.
    private static readonly FrozenSet<string> CreditRoles = FrozenSet.ToFrozenSet(["通讯员", "实习生", "编辑", "责任编辑", "摄影", "摄像"], StringComparer.Ordinal);

    /// <summary>A date stamp at the start of a line ("date 2024-03-21", "Published: March 21, 2024").</summary>
    [GeneratedRegex(@"^(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated)\s*:?\s*(?<date>\d{4}[-/]\d{2}[-/]\d{2}|\p{L}{3,9}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+\p{L}{3,9}\s+\d{4}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?!\d))(?:[T ,]+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*(?:Z|[A-Z]{2,4}|[+-]\d{2}:?\d{2}))?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DatePrefix();

    /// <summary>
    /// <see cref="DatePrefix"/>'s match, looked at first: every word it starts with begins with d,
    /// p, u or l. Nearly no line is a date stamp, and a call of the expression cost more than the
    /// look (1.3% of a large run, for every line of every article).
    /// </summary>
    public static Match MatchDatePrefix(string text) =>
        text.Length > 0 && (text[0] | 0x20) is 'd' or 'p' or 'u' or 'l' ? DatePrefix().Match(text) : Match.Empty;

    /// <summary>
    /// The names of a byline line ("By Jane Doe and John Roe, Reuters"), as spans of it; none when
    /// the line is no byline. Nearly no line opens as one, and a look at its start says so first.
    /// </summary>
    public static IReadOnlyList<TextSpan> ReadByline(string text) => BylineText.HasPrefix(text) ? BylineText.Names(text, requirePrefix: true) : [];

    /// <summary>
    /// A wire dateline opening the first paragraph: "WASHINGTON (Reuters) -", "GAZA CITY, Gaza (AP) —",
    /// "NEW YORK, Sept. 20 (AP) —", "LONDON —". A capitalised label that is not a place ("BREAKING —",
    /// "UPDATE —", "EXCLUSIVE —") is no dateline.
    /// </summary>
    [GeneratedRegex(@"^(?!(?:BREAKING|UPDATE|UPDATED|EXCLUSIVE|WATCH|ANALYSIS|OPINION|EDITORIAL|COMMENTARY|ALERT|URGENT|LIVE|VIDEO|PHOTOS|CORRECTION|NOTE|EDITOR'S NOTE|SPOILERS?|FLASHBACK|REVIEW|INTERVIEW|PODCAST)\b)(?<place>\p{Lu}{3,}(?:[ .'-]+\p{Lu}{2,})*(?:,\s*\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+)?)?)(?:,\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?(?:\s*[-—–]{1,2}\s|\s*[—–](?=\p{Lu}))", RegexOptions.CultureInvariant)]
    public static partial Regex Dateline();

    /// <summary>
    /// The day a first paragraph opens with, as wire and health-news copy dates itself
    /// ("Feb. 23, 2015 -- Life-threatening peanut allergies…"); null when it opens otherwise.
    /// </summary>
    public static DateText.Found? LeadDate(string text)
    {
        if (text.Length < 8 || !char.IsLetterOrDigit(text[0]) || DateText.Find(text.Length > 40 ? text[..40] : text) is not { Index: 0 } found)
        {
            return null;
        }

        var after = LeadDateEnd().Match(text, found.Length);
        return after.Success ? found : null;
    }

    /// <summary>
    /// A line that is nothing but a date, perhaps with its weekday and time: a live blog's entry
    /// stamp ("11/19/16, 3:14 PM CET") or a story's ("Tuesday, September 20, 2016").
    /// </summary>
    public static DateText.Found? DateLine(string text)
    {
        if (text.Length is < 6 or > 60 || DateText.Find(text) is not { } found)
        {
            return null;
        }

        return DateLineBefore().IsMatch(text.AsSpan(0, found.Index)) && DateLineAfter().Match(text, found.Index + found.Length).Success ? found : null;
    }

    /// <summary>
    /// What the first paragraph of the body says of itself: the place of a wire dateline
    /// ("WASHINGTON (Reuters) -") and the day it opens with ("Feb. 23, 2015 --").
    /// </summary>
    public static void ReadLead(string text, SourceMap map, MetadataCollector metadata)
    {
        var dateline = Dateline().Match(text);
        if (dateline.Success)
        {
            var place = dateline.Groups["place"];
            metadata.Dateline ??= new MetadataField(place.Value, map.ToSource(new TextSpan(place.Index, place.Length)));
        }

        if (metadata.Published is null && LeadDate(text) is { } date)
        {
            metadata.Published = new MetadataField(date.Day, map.ToSource(new TextSpan(date.Index, date.Length)));
        }
    }

    /// <summary>
    /// The names of the credit a Chinese article closes a paragraph with, in brackets: "（编译/林靖东）"
    /// (compiled by), "（记者 张三 李四）" (reporters), "（文/王五）", "（作者：赵六）". Editors
    /// ("责任编辑"), sources ("来源") and photographers ("图") are credited the same way and are
    /// not the writers. None when the paragraph ends otherwise.
    /// </summary>
    public static IReadOnlyList<TextSpan> ClosingCredit(string text)
    {
        if (text.Length < 5 || text[^1] is not (')' or '）') || ClosingCreditLine().Match(text) is not { Success: true } credit)
        {
            return [];
        }

        var names = credit.Groups["names"];
        return [.. CreditName().Matches(names.Value).Where(n => !CreditRoles.Contains(n.Value)).Select(n => new TextSpan(names.Index + n.Index, n.Length))];
    }

    /// <summary>A person's name alone on a line ("Asad Ali"), as under an author-bio heading.</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}$", RegexOptions.CultureInvariant)]
    public static partial Regex PersonName();

    [GeneratedRegex(@"[（(]\s*(?:编译|作者|记者|撰文|文|翻译|译者)(?:\s*[/／:：]\s*|\s+)(?<names>[\p{IsCJKUnifiedIdeographs}·]{2,8}(?:[\s、，,]+[\p{IsCJKUnifiedIdeographs}·]{2,8}){0,3})\s*[)）]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingCreditLine();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}·]+", RegexOptions.CultureInvariant)]
    private static partial Regex CreditName();

    [GeneratedRegex(@"^(?:(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateLineBefore();

    [GeneratedRegex(@"\G(?:,?\s*(?:(?i:at)\s+)?\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d\d:?\d\d))?)?[\s.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex DateLineAfter();

    // After a lead date: an optional clock time, then a dash.
    [GeneratedRegex(@"\G(?:,?\s+\d{1,2}:\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?\s*(?:--|[—–-])\s", RegexOptions.CultureInvariant)]
    private static partial Regex LeadDateEnd();

    /// <summary>
    /// Normalises a date to yyyy-MM-dd where it names one ("March 11, 2015 3:46 PM", "22 Dec 2016",
    /// "11/19/16, 3:14 PM CET"); otherwise returns it as written. Timestamps keep the day as written
    /// ("2016-12-01T23:29:49.000Z" is 2016-12-01), not shifted to another time zone.
    /// </summary>
    public static string NormaliseDate(string value) => DateText.Find(value.Trim())?.Day ?? value.Trim();
}
