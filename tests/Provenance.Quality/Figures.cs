using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Provenance.Quality;

/// <summary>One measured figure of the benchmark.</summary>
/// <param name="Id">Its stable name, as floors.json keys it ("quotes.coverage").</param>
/// <param name="Title">What it measures, for the table.</param>
/// <param name="Value">The figure: a share from 0 to 1, or a count.</param>
/// <param name="Numerator">What was counted.</param>
/// <param name="Denominator">Out of how many; 0 for a plain count.</param>
/// <param name="HigherIsBetter">False for counts of errors, where the floor is a ceiling.</param>
/// <param name="Target">The issue's target, when it names one.</param>
/// <param name="Counted">What the table's "counted" column says, when not "numerator/denominator".</param>
public sealed record Figure(string Id, string Title, double Value, int Numerator, int Denominator, bool HigherIsBetter, double? Target = null, string? Counted = null)
{
    /// <summary>A share of <paramref name="denominator"/>; 0 when nothing was there to count.</summary>
    public static Figure Share(string id, string title, int numerator, int denominator, double? target = null) =>
        new(id, title, denominator == 0 ? 0 : (double)numerator / denominator, numerator, denominator, true, target);

    /// <summary>A count of errors: lower is better.</summary>
    public static Figure Errors(string id, string title, int count, double? target = 0) =>
        new(id, title, count, count, 0, false, target);

    /// <summary>The value as the table prints it.</summary>
    public string Formatted => Denominator == 0 && !HigherIsBetter
        ? Value.ToString("0", CultureInfo.InvariantCulture)
        : Value.ToString("0.000", CultureInfo.InvariantCulture);
}

/// <summary>The floors CI holds the figures to (tests/Provenance.Quality/floors.json).</summary>
public sealed record Floors(ImmutableDictionary<string, double> Limits)
{
    /// <summary>Reads floors.json: <c>{"floors": {"quotes.coverage": 0.5, "outlets.self-citations": 0}}</c>; a count's entry is a ceiling.</summary>
    public static Floors Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!document.RootElement.TryGetProperty("floors", out var floors) || floors.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path}: expected an object with a \"floors\" object");
        }

        var limits = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var property in floors.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Number)
            {
                throw new InvalidDataException($"{path}: $.floors.{property.Name}: expected a number");
            }

            limits[property.Name] = property.Value.GetDouble();
        }

        return new Floors(limits.ToImmutable());
    }

    /// <summary>Why the figure fails its floor, or null when it holds (or has none).</summary>
    public string? Failure(Figure figure)
    {
        if (!Limits.TryGetValue(figure.Id, out var limit))
        {
            return null;
        }

        var holds = figure.HigherIsBetter ? figure.Value >= limit - 1e-9 : figure.Value <= limit + 1e-9;
        return holds
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{figure.Id} is {figure.Formatted}, {(figure.HigherIsBetter ? "below its floor" : "above its ceiling")} {limit}");
    }
}

/// <summary>What one run of the benchmark measured.</summary>
/// <param name="Figures">The headline figures, in table order.</param>
/// <param name="RuleCounts">Findings per rule id on the development articles and on the test pages.</param>
/// <param name="Misses">Examples of what went wrong, per figure id.</param>
public sealed record QualityReport(ImmutableArray<Figure> Figures, ImmutableSortedDictionary<string, (int Articles, int Pages)> RuleCounts, ImmutableDictionary<string, ImmutableArray<string>> Misses)
{
    /// <summary>The figure with that id.</summary>
    public Figure this[string id] => Figures.Single(f => f.Id == id);

    /// <summary>The figures and rule counts as Markdown tables.</summary>
    public string ToMarkdown(Floors? floors)
    {
        var text = new StringBuilder();
        text.AppendLine("| figure | value | counted | floor | target |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var figure in Figures)
        {
            var counted = figure.Counted ?? (figure.Denominator > 0 ? $"{figure.Numerator}/{figure.Denominator}" : figure.Numerator.ToString(CultureInfo.InvariantCulture));
            var floor = floors is not null && floors.Limits.TryGetValue(figure.Id, out var f) ? (figure.HigherIsBetter ? "≥ " : "≤ ") + f.ToString(CultureInfo.InvariantCulture) : "";
            var target = figure.Target is { } t ? (figure.HigherIsBetter ? "≥ " : "≤ ") + t.ToString(CultureInfo.InvariantCulture) : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {figure.Title} (`{figure.Id}`) | {figure.Formatted} | {counted} | {floor} | {target} |");
        }

        text.AppendLine();
        text.AppendLine("| rule | findings on 795 dev articles | on 76 test pages |");
        text.AppendLine("|---|---:|---:|");
        foreach (var (rule, (articles, pages)) in RuleCounts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {rule} | {articles} | {pages} |");
        }

        return text.ToString();
    }
}
