using System.Collections.Immutable;
using Provenance.Rules;
using Provenance.Text;

namespace Provenance.Analysis;

/// <summary>A diagnostic: what a rule found, where, and how serious it is.</summary>
/// <param name="RuleId">The rule that fired (PRV0xxx for the engine's own diagnostics).</param>
/// <param name="Category">The rule's category.</param>
/// <param name="Severity">The effective severity.</param>
/// <param name="Message">The rule's message with its arguments filled in.</param>
/// <param name="Span">Where in the original file; empty at offset 0 for a finding about the whole article.</param>
/// <param name="Location">The same place as 1-based lines and columns.</param>
/// <param name="MatchedText">The original text at <paramref name="Span"/>.</param>
/// <param name="Excerpt">The line the finding starts on, shortened around the match.</param>
/// <param name="Arguments">The message arguments (captures).</param>
public sealed record Finding(
    string RuleId,
    string Category,
    Severity Severity,
    string Message,
    TextSpan Span,
    LinePositionSpan Location,
    string MatchedText,
    string Excerpt,
    ImmutableArray<string> Arguments)
{
    /// <summary>Whether the finding is about the article as a whole (a missing byline) rather than a place in it.</summary>
    public bool IsArticleLevel => Span.IsEmpty;

    /// <summary>
    /// Places in other files the finding speaks of, such as the original a copied passage comes from
    /// (SARIF's <c>relatedLocations</c>); empty for a finding about this article alone.
    /// </summary>
    public ImmutableArray<RelatedLocation> Related { get; init; } = [];
}

/// <summary>A place in another file that a finding speaks of.</summary>
/// <param name="Path">The other file's path, as the run shows paths.</param>
/// <param name="Location">Where in it, as 1-based lines and columns.</param>
/// <param name="Message">What is there, in words.</param>
public sealed record RelatedLocation(string Path, LinePositionSpan Location, string Message);

/// <summary>A typed fact about the article that scoring and reports use ("credits CNN as original source").</summary>
/// <param name="Name">The signal's name, such as <c>original-source</c>.</param>
/// <param name="Value">Its value (the outlet, the phrase), or empty.</param>
/// <param name="RuleId">The rule that emitted it.</param>
/// <param name="Span">Where in the original file; empty for the whole article.</param>
/// <param name="Location">The same place as lines and columns.</param>
public sealed record Signal(string Name, string Value, string RuleId, TextSpan Span, LinePositionSpan Location);

/// <summary>Everything the rules found in one article.</summary>
/// <param name="Findings">Diagnostics in document order.</param>
/// <param name="Signals">Facts in document order.</param>
public sealed record AnalysisResult(ImmutableArray<Finding> Findings, ImmutableArray<Signal> Signals);
