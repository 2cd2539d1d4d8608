using System.Globalization;
using Humanizer;
using Provenance.Analysis;

namespace Provenance.Reporting;

/// <summary>The provenance facts as short sentences an editor reads ("3 anonymous attributions").</summary>
internal static class FactLines
{
    /// <summary>One line per fact, in a fixed order; dates are relative to <paramref name="asOf"/> when given.</summary>
    public static IReadOnlyList<(string Label, string Text)> For(ProvenanceFacts facts, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var lines = new List<(string, string)>
        {
            ("Original source", facts.OriginalSource is null ? "none credited" : facts.OriginalSourceRating is null ? facts.OriginalSource : $"{facts.OriginalSource}: {facts.OriginalSourceRating}"),
            ("Outlets cited", facts.Outlets.IsEmpty
                ? "none"
                : $"{"outlet".ToQuantity(facts.Outlets.Length)}, {facts.Outlets.Count(o => o.Linked)} linked: {string.Join(", ", facts.Outlets.Select(o => o.Linked ? o.Name + " (linked)" : o.Name))}"),
            ("Named people quoted", facts.QuotedPeople.IsEmpty ? "none" : string.Join(", ", facts.QuotedPeople)),
            ("Named people paraphrased", facts.ParaphrasedPeople.IsEmpty ? "none" : string.Join(", ", facts.ParaphrasedPeople)),
            ("Anonymous sourcing", $"{"anonymous attribution".ToQuantity(facts.AnonymousAttributions)}, {"vague attribution".ToQuantity(facts.VagueAttributions)}"),
            ("AI disclosure", facts.AiDisclosures.IsEmpty ? "none" : "covers the " + facts.AiDisclosures.Humanize("and")),
        };
        if (facts.ChatbotText)
        {
            lines.Add(("Chatbot text", "left in the article"));
        }

        lines.Add(("Promotion", facts.Promotions.IsEmpty ? "none found" : string.Join("; ", facts.Promotions.Select(p => p.Truncate(80)))));
        lines.Add(("Byline", facts.Authors.IsEmpty ? "none" : facts.Authors.Humanize("and")));
        lines.Add(("Published", Published(facts.Published, asOf)));
        return lines;
    }

    private static string Published(string? date, DateOnly? asOf)
    {
        if (date is null)
        {
            return "no date";
        }

        if (asOf is { } today && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var published))
        {
            var age = today.ToDateTime(TimeOnly.MinValue) - published.ToDateTime(TimeOnly.MinValue);
            var relative = age.TotalDays < 1 ? "today" : age.Humanize(maxUnit: Humanizer.Localisation.TimeUnit.Year, culture: CultureInfo.InvariantCulture) + " ago";
            return $"{date} ({relative})";
        }

        return date;
    }
}
