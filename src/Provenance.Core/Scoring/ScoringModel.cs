using System.Collections.Immutable;
using Provenance.Rules;

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
/// <param name="Distinct">Whether each value counts once: the same person quoted five times is one named quote.</param>
public sealed record ScoreEffect(string Signal, string Category, int Points, int MaxCount, string Reason, bool Distinct = false);

/// <summary>A grade band: scores from <paramref name="Min"/> up get this grade.</summary>
/// <param name="Grade">The letter.</param>
/// <param name="Min">The lowest score in the band.</param>
/// <param name="Label">What the grade means to an editor.</param>
public sealed record GradeBand(string Grade, int Min, string Label);

/// <summary>The scoring model: a base score, categories with caps, one effect per signal, grade bands.</summary>
public sealed class ScoringModel
{
    // Built with plain collections: a frozen dictionary and a LINQ sort over an int key each start
    // up code of their own (compiled at run time for the key type), several milliseconds of a
    // one-file check, for a dozen effects and a handful of grades.
    private readonly Dictionary<string, ScoreEffect> _effects;

    internal ScoringModel(string version, int baseScore, ImmutableArray<ScoreCategory> categories, ImmutableArray<ScoreEffect> effects, ImmutableArray<GradeBand> grades, ImmutableArray<string> neutralSignals = default)
    {
        Version = version;
        NeutralSignals = neutralSignals.IsDefault ? [] : neutralSignals;
        BaseScore = baseScore;
        Categories = categories;
        Effects = effects;
        Grades = HighestFirst(grades);
        _effects = new Dictionary<string, ScoreEffect>(effects.Length, StringComparer.Ordinal);
        foreach (var effect in effects)
        {
            _effects.Add(effect.Signal, effect);
        }
    }

    /// <summary>The model's version.</summary>
    public string Version { get; }

    /// <summary>The score an article starts from before any signal.</summary>
    public int BaseScore { get; }

    /// <summary>The categories, in report order.</summary>
    public ImmutableArray<ScoreCategory> Categories { get; }

    /// <summary>Every signal's effect.</summary>
    public ImmutableArray<ScoreEffect> Effects { get; }

    /// <summary>
    /// Signals that move no score on purpose (an embedded post, a copyright line): listed so that a
    /// signal neither scored nor listed here, which is most often a misspelt name, can be reported.
    /// </summary>
    public ImmutableArray<string> NeutralSignals { get; }

    /// <summary>Whether the model says what <paramref name="signal"/> is worth: an effect, or neutral on purpose.</summary>
    public bool Knows(string signal) => _effects.ContainsKey(signal) || NeutralSignals.Contains(signal, StringComparer.Ordinal);

    /// <summary>
    /// The rules whose signal goes nowhere: this model neither scores it nor lists it as neutral,
    /// and no rule of <paramref name="rules"/> reads it. Most often a misspelt signal name, whose
    /// findings then move no score without a word.
    /// </summary>
    public IReadOnlyList<Rule> UnusedSignals(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var read = rules.Rules.SelectMany(r => r.ReadsSignals).ToHashSet(StringComparer.Ordinal);
        return [.. rules.Rules.Where(r => r.Signal is { } signal && !Knows(signal) && !read.Contains(signal))];
    }

    /// <summary>
    /// The rules filed under a category other than the one their findings score in: a category
    /// this model does not have (rule packs and scorecards share one vocabulary, so a rule is
    /// filed under the scorecard category it counts towards), or another category than its
    /// signal's. Each comes with the category it belongs in, when its signal says.
    /// </summary>
    public IReadOnlyList<(Rule Rule, ScoreCategory? BelongsIn)> MisfiledRules(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var misfiled = new List<(Rule, ScoreCategory?)>();
        foreach (var rule in rules.Rules)
        {
            var filed = FindCategory(rule.Descriptor.Category);
            var scored = rule.Signal is { } signal && FindEffect(signal) is { } effect ? FindCategory(effect.Category) : null;
            if (filed is null || (scored is not null && scored != filed))
            {
                misfiled.Add((rule, scored));
            }
        }

        return misfiled;
    }

    /// <summary>The category with this id or title (either case), or <see langword="null"/>.</summary>
    public ScoreCategory? FindCategory(string name) =>
        Categories.FirstOrDefault(c => string.Equals(c.Id, name, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Title, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Grade bands, highest first.</summary>
    public ImmutableArray<GradeBand> Grades { get; }

    /// <summary>The effect of a signal, or <see langword="null"/> when it does not move the score.</summary>
    public ScoreEffect? FindEffect(string signal) => _effects.GetValueOrDefault(signal);

    // Stable, as bands with the same minimum keep the order the model gives them.
    private static ImmutableArray<GradeBand> HighestFirst(ImmutableArray<GradeBand> grades) => [.. grades.OrderByDescending(g => g.Min)];

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
