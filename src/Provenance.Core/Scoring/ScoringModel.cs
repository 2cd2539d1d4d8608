using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Provenance.Scoring;

/// <summary>A scoring category with the bounds its net points are held within.</summary>
/// <param name="Id">The id effects refer to (attribution, sourcing…).</param>
/// <param name="Title">The name shown in reports.</param>
/// <param name="Min">The most points the category can take away (a negative number or zero).</param>
/// <param name="Max">The most points the category can add.</param>
/// <param name="Description">What the category measures.</param>
public sealed record ScoreCategory(string Id, string Title, int Min, int Max, string? Description);

/// <summary>How one signal moves the score.</summary>
/// <param name="Signal">The signal's name.</param>
/// <param name="Category">The category it counts in.</param>
/// <param name="Points">Points per occurrence, positive or negative.</param>
/// <param name="MaxCount">How many occurrences count; later ones are listed but add nothing.</param>
/// <param name="Reason">The explanation line, with <c>{0}</c> for the signal's value.</param>
public sealed record ScoreEffect(string Signal, string Category, int Points, int MaxCount, string Reason);

/// <summary>A grade band: scores from <paramref name="Min"/> up get this grade.</summary>
/// <param name="Grade">The letter.</param>
/// <param name="Min">The lowest score in the band.</param>
/// <param name="Label">What the grade means to an editor.</param>
public sealed record GradeBand(string Grade, int Min, string Label);

/// <summary>The scoring model: a base score, categories with caps, one effect per signal, grade bands.</summary>
public sealed class ScoringModel
{
    private readonly FrozenDictionary<string, ScoreEffect> _effects;

    internal ScoringModel(string version, int baseScore, ImmutableArray<ScoreCategory> categories, ImmutableArray<ScoreEffect> effects, ImmutableArray<GradeBand> grades)
    {
        Version = version;
        BaseScore = baseScore;
        Categories = categories;
        Effects = effects;
        Grades = [.. grades.OrderByDescending(g => g.Min)];
        _effects = effects.ToFrozenDictionary(e => e.Signal, StringComparer.Ordinal);
    }

    /// <summary>The model's version.</summary>
    public string Version { get; }

    /// <summary>The score an article starts from before any signal.</summary>
    public int BaseScore { get; }

    /// <summary>The categories, in report order.</summary>
    public ImmutableArray<ScoreCategory> Categories { get; }

    /// <summary>Every signal's effect.</summary>
    public ImmutableArray<ScoreEffect> Effects { get; }

    /// <summary>Grade bands, highest first.</summary>
    public ImmutableArray<GradeBand> Grades { get; }

    /// <summary>The effect of a signal, or <see langword="null"/> when it does not move the score.</summary>
    public ScoreEffect? FindEffect(string signal) => _effects.GetValueOrDefault(signal);

    /// <summary>The band a score falls in.</summary>
    public GradeBand GradeFor(int score)
    {
        foreach (var band in Grades)
        {
            if (score >= band.Min)
            {
                return band;
            }
        }

        return Grades[^1];
    }
}
