using System.Collections.Immutable;

namespace Provenance.Outlets;

/// <summary>One reliability judgement of an outlet, with the part of its output it covers.</summary>
/// <param name="Status">generally_reliable, no_consensus, generally_unreliable, deprecated, marginal or unrated.</param>
/// <param name="Scope">What the judgement covers ("politics and science"), or <see langword="null"/> for the outlet as a whole.</param>
/// <param name="Shortcut">The Wikipedia shortcut of the discussion (WP:RSPCNN).</param>
/// <param name="LastDiscussed">The year the judgement was last discussed.</param>
public sealed record OutletRating(string Status, string? Scope, string? Shortcut, int? LastDiscussed);

/// <summary>A news outlet or other source the registry knows by name.</summary>
/// <param name="Name">The name reports use ("Associated Press").</param>
/// <param name="Type">wire, broadcaster, newspaper, magazine, digital, agency-state, news or other.</param>
/// <param name="Aliases">Names that identify it wherever they appear ("AP", "The Associated Press").</param>
/// <param name="WeakAliases">Names that are also ordinary phrases ("The Hill"): recognised only in an attribution context.</param>
/// <param name="Domains">Its web domains, without "www.".</param>
/// <param name="Ratings">Reliability judgements, the outlet-wide or first one first.</param>
/// <param name="Quality">Aggregate domain quality from 0 (lowest) to 1 (highest), when rated.</param>
/// <param name="Labels">Domain labels such as satire or conspiracy, when any.</param>
public sealed record Outlet(
    string Name,
    string Type,
    ImmutableArray<string> Aliases,
    ImmutableArray<string> WeakAliases,
    ImmutableArray<string> Domains,
    ImmutableArray<OutletRating> Ratings,
    double? Quality,
    ImmutableArray<string> Labels)
{
    /// <summary>The main reliability status, or "unrated".</summary>
    public string Reliability => Ratings.IsDefaultOrEmpty ? OutletStatuses.Unrated : Ratings[0].Status;
}

/// <summary>A domain the registry rates but cannot name.</summary>
/// <param name="Domain">The domain.</param>
/// <param name="Quality">Aggregate quality from 0 to 1, when rated.</param>
/// <param name="Labels">Labels such as satire or conspiracy.</param>
public sealed record DomainRating(string Domain, double? Quality, ImmutableArray<string> Labels);

/// <summary>Reliability status names as the registry and rule files spell them.</summary>
public static class OutletStatuses
{
    /// <summary>Not judged by any source the registry draws on.</summary>
    public const string Unrated = "unrated";

    /// <summary>Every status, most reliable first.</summary>
    public static IReadOnlyList<string> All { get; } =
        ["generally_reliable", "no_consensus", "marginal", "generally_unreliable", "deprecated", Unrated];

    /// <summary>The status in words ("generally unreliable").</summary>
    public static string Describe(string status) => status.Replace('_', ' ');
}
