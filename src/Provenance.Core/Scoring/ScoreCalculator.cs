using System.Collections.Immutable;
using System.Globalization;
using Provenance.Analysis;

namespace Provenance.Scoring;

/// <summary>Turns signals into a scorecard whose lines add up exactly to the score.</summary>
public static class ScoreCalculator
{
    /// <summary>Scores an article's signals with <paramref name="model"/>.</summary>
    public static Scorecard Score(ScoringModel model, IEnumerable<Signal> signals)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(signals);
        var lines = ImmutableArray.CreateBuilder<Contribution>();
        lines.Add(new Contribution(ContributionKind.Base, string.Empty, model.BaseScore, "Base score before any signal", null, null, null));

        // Few signal names and categories per article: small tables, made only when needed.
        var counts = new Dictionary<string, int>(16, StringComparer.Ordinal);
        Dictionary<string, int>? overflow = null;
        HashSet<(string, string)>? seen = null;
        var sums = new int[model.Categories.Length];
        foreach (var signal in signals)
        {
            if (model.FindEffect(signal.Name) is not { } effect)
            {
                continue;
            }

            // A value already counted for a distinct effect is listed with the ones past the limit.
            var repeat = effect.Distinct && !(seen ??= []).Add((signal.Name, signal.Value));
            var count = repeat ? counts.GetValueOrDefault(signal.Name) : counts[signal.Name] = counts.GetValueOrDefault(signal.Name) + 1;
            if (repeat || count > effect.MaxCount)
            {
                overflow ??= new(StringComparer.Ordinal);
                overflow[signal.Name] = overflow.GetValueOrDefault(signal.Name) + 1;
                continue;
            }

            var reason = string.Format(CultureInfo.InvariantCulture, effect.Reason, signal.Value);
            var location = signal.Span.IsEmpty ? (Text.LinePosition?)null : signal.Location.Start;
            lines.Add(new Contribution(ContributionKind.Signal, effect.Category, effect.Points, reason, signal.RuleId, signal.Name, location));
            sums[CategoryIndex(model, effect.Category)] += effect.Points;
        }

        // Sorted as a list of names: queries over the count pairs are compiled at run time.
        var overflowing = overflow is null ? [] : new List<string>(overflow.Keys);
        overflowing.Sort(StringComparer.Ordinal);
        foreach (var name in overflowing)
        {
            var extra = overflow![name];
            var effect = model.FindEffect(name)!;
            var occurrences = extra == 1 ? $"1 more {name} signal" : $"{extra} more {name} signals";
            var limit = effect.MaxCount == 1 ? "only the first counts" : $"only the first {effect.MaxCount} count";
            if (effect.Distinct)
            {
                limit = effect.MaxCount == 1 ? "only the first counts" : $"each value counts once, and only the first {effect.MaxCount} values";
            }

            lines.Add(new Contribution(ContributionKind.NotCounted, effect.Category, 0, $"{occurrences} not counted ({limit})", null, name, null));
        }

        var categories = ImmutableArray.CreateBuilder<CategoryScore>(model.Categories.Length);
        var total = model.BaseScore;
        for (var i = 0; i < model.Categories.Length; i++)
        {
            var category = model.Categories[i];
            var sum = sums[i];
            var capped = Math.Clamp(sum, category.Min, category.Max);
            if (capped != sum)
            {
                var bound = capped == category.Max
                    ? $"{category.Title} can add at most {category.Max} points"
                    : $"{category.Title} can take away at most {-category.Min} points";
                var excess = Math.Abs(capped - sum);
                lines.Add(new Contribution(ContributionKind.Cap, category.Id, capped - sum,
                    $"{bound}: {excess} {(excess == 1 ? "point" : "points")} beyond the cap not counted", null, null, null));
            }

            categories.Add(new CategoryScore(category.Id, category.Title, capped, category.Min, category.Max));
            total += capped;
        }

        var score = Math.Clamp(total, 0, 100);
        if (score != total)
        {
            lines.Add(new Contribution(ContributionKind.Clamp, string.Empty, score - total, "The score is held between 0 and 100", null, null, null));
        }

        var band = model.GradeFor(score);
        return new Scorecard(score, band.Grade, band.Label, categories.MoveToImmutable(), lines.ToImmutable());
    }

    private static int CategoryIndex(ScoringModel model, string id)
    {
        for (var i = 0; i < model.Categories.Length; i++)
        {
            if (model.Categories[i].Id == id)
            {
                return i;
            }
        }

        // The model's loader checks that every effect names a category of the model.
        throw new InvalidOperationException($"the scoring model has no category '{id}'");
    }
}
