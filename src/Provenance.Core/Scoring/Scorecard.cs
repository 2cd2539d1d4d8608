using System.Collections.Immutable;
using Provenance.Text;

namespace Provenance.Scoring;

/// <summary>Why a line of the scorecard is there.</summary>
public enum ContributionKind
{
    /// <summary>The starting score.</summary>
    Base,

    /// <summary>A signal's effect.</summary>
    Signal,

    /// <summary>Occurrences of a signal past its count limit: listed, worth nothing.</summary>
    NotCounted,

    /// <summary>A category's points held to its cap.</summary>
    Cap,

    /// <summary>The total held to 0–100.</summary>
    Clamp,
}

/// <summary>One line of a scorecard's explanation.</summary>
/// <param name="Kind">Why the line is there.</param>
/// <param name="Category">The scoring category, or empty for the base and the clamp.</param>
/// <param name="Points">Points gained (positive) or lost (negative).</param>
/// <param name="Reason">A sentence an editor reads.</param>
/// <param name="RuleId">The rule whose signal this is, if any.</param>
/// <param name="Signal">The signal's name, if any.</param>
/// <param name="Location">Where the signal was found; <see langword="null"/> for the whole article.</param>
public sealed record Contribution(ContributionKind Kind, string Category, int Points, string Reason, string? RuleId, string? Signal, LinePosition? Location);

/// <summary>A category's net points after its cap.</summary>
/// <param name="Id">The category id.</param>
/// <param name="Title">Its name.</param>
/// <param name="Points">Net points.</param>
/// <param name="Min">Its lower cap.</param>
/// <param name="Max">Its upper cap.</param>
public sealed record CategoryScore(string Id, string Title, int Points, int Min, int Max);

/// <summary>The provenance score of one article, its grade, and every point explained.</summary>
/// <param name="Score">0–100.</param>
/// <param name="Grade">The grade letter.</param>
/// <param name="Label">What the grade means.</param>
/// <param name="Categories">Net points per category.</param>
/// <param name="Contributions">Lines whose points add up to <paramref name="Score"/>.</param>
public sealed record Scorecard(int Score, string Grade, string Label, ImmutableArray<CategoryScore> Categories, ImmutableArray<Contribution> Contributions)
{
    /// <summary>The placeholder of a report analysed but not yet scored (<see cref="ProvenanceChecker.Analyze"/>).</summary>
    internal static Scorecard Pending { get; } = new(0, string.Empty, "not scored", [], []);

    /// <summary>
    /// How a contribution's category is shown: its title ("Sourcing"), the name rules and
    /// configuration use too, rather than its id; empty for the base line.
    /// </summary>
    public string TitleOf(string category)
    {
        foreach (var c in Categories)
        {
            if (c.Id == category)
            {
                return c.Title;
            }
        }

        return category;
    }
}
