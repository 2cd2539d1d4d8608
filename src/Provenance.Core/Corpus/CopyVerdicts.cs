using System.Collections.Immutable;
using System.Globalization;
using Provenance.Analysis;
using Provenance.Rules;
using Provenance.Text;

namespace Provenance.Corpus;

/// <summary>
/// What a search for copies judges of one article of a group: the finding it reports (one of
/// <see cref="CopyVerdicts"/>' rules), the signal it scores, where the shared text is in this article
/// and where it is in the others.
/// </summary>
/// <param name="RuleId">PRV8001–PRV8004.</param>
/// <param name="Signal">The signal's name (<c>uncredited-copy</c>, <c>credited-copy</c>, <c>copied-by</c>, <c>same-text</c>).</param>
/// <param name="Value">The signal's value: the other article's path, or the credit borne out.</param>
/// <param name="Message">The finding's message.</param>
/// <param name="Lines">Where the shared text is in this article.</param>
/// <param name="Related">Where it is in the others, each with what that article is to this one.</param>
public sealed record CopyVerdict(string RuleId, string Signal, string Value, string Message, LineRange Lines, ImmutableArray<(string Path, LineRange Lines, string Message)> Related);

/// <summary>
/// Turns groups of copies into findings and signals per article, so that a copy moves the score
/// and shows in every report like any other finding: an uncredited copy or rewrite is a warning
/// naming its likely original (PRV8001), a copy that credits a source is credited syndication
/// (PRV8002), the likely original is told where else its text appears (PRV8003), and shared text
/// on one site, or shared with nothing to tell where either was published or which came first, is
/// noted without blame (PRV8004): that is as often one article at two addresses as a reprint.
/// </summary>
public static class CopyVerdicts
{
    /// <summary>An article shares much of its text with another it does not credit.</summary>
    public const string UncreditedCopy = "PRV8001";

    /// <summary>An article shares its text with another and credits a source for it.</summary>
    public const string CreditedCopy = "PRV8002";

    /// <summary>An article is the likely original of others that share its text.</summary>
    public const string CopiedBy = "PRV8003";

    /// <summary>An article's text is another's, on the same site or with neither's site known.</summary>
    public const string SameText = "PRV8004";

    // More related places than this make a long SARIF result and add nothing an editor acts on.
    private const int MostRelated = 10;

    /// <summary>The copy rules, for reports that list every rule (SARIF) and for configuring their severity.</summary>
    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } =
    [
        Describe(UncreditedCopy, "Uncredited copy", "Integrity", Severity.Warning, "Much of the article's text also appears in another article of the run, its likely original, and the article credits no source for it: an uncredited reprint, a rewrite that kept sentences, or plagiarism. Found only when a run looks for copies (check --copies)."),
        Describe(CreditedCopy, "Credited copy", "Attribution", Severity.Info, "The article's text also appears in another article of the run, and the article credits a source for it (an original-source line, a wire credit, \"republished with permission\"): syndication done right. Found only when a run looks for copies."),
        Describe(CopiedBy, "Copied by other articles", "Attribution", Severity.Info, "Other articles of the run share this article's text, and it is taken for their original: the one they credit, else the earliest dated, else the fullest. Found only when a run looks for copies."),
        Describe(SameText, "Same text elsewhere", "Integrity", Severity.Info, "The article's text also appears in another article of the same site, or in another where neither says where it was published and nothing (a credit, a date) tells which came first: one article at two addresses as often as a reprint, so it is noted without blame. Found only when a run looks for copies."),
    ];

    /// <summary>The signals the copy verdicts emit, which the scoring model may weigh like the rules' signals.</summary>
    public static IReadOnlyList<string> Signals { get; } = [.. new[] { UncreditedCopy, CreditedCopy, CopiedBy, SameText }.Select(id => SignalOf(id)!)];

    /// <summary>The signal a copy rule's findings come with, or null for an id that is not a copy rule's.</summary>
    public static string? SignalOf(string ruleId) => ruleId switch
    {
        UncreditedCopy => "uncredited-copy",
        CreditedCopy => "credited-copy",
        CopiedBy => "copied-by",
        SameText => "same-text",
        _ => null,
    };

    /// <summary>The verdict on each article of the groups, by path; an article is in one group at most.</summary>
    /// <param name="clusters">The groups found.</param>
    /// <param name="origins">Each group's likely original and how the others stand to it (<see cref="CopyOrigins.Judge"/>), in the order of <paramref name="clusters"/>.</param>
    public static IReadOnlyDictionary<string, CopyVerdict> For(IReadOnlyList<CopyCluster> clusters, IReadOnlyList<CopyOrigin> origins)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(origins);
        var verdicts = new Dictionary<string, CopyVerdict>(StringComparer.Ordinal);
        for (var c = 0; c < clusters.Count && c < origins.Count; c++)
        {
            var (cluster, origin) = (clusters[c], origins[c]);
            var related = ImmutableArray.CreateBuilder<(string, LineRange, string)>();
            LineRange? originalLines = null;
            foreach (var copy in origin.Copies)
            {
                // A copy is measured against the original when the two were paired; one that met the
                // group through another copy is measured against that one, and says so.
                var side = Side(cluster, copy.Path, origin.Original);
                var direct = side.Other == origin.Original;
                var where = $"{Percent(side.Share)} of this text also appears in {side.Other} ({side.OtherLines})"
                    + (direct ? string.Empty : $", one of a group whose likely original is {origin.Original}");
                var verdict = copy.Kind switch
                {
                    CopyKind.Credited => new CopyVerdict(CreditedCopy, "credited-copy", copy.Credit!, $"{where}; it credits {copy.Credit}{(copy.CreditsOriginal ? ", the original's site," : string.Empty)} for it: credited syndication", side.Lines, []),
                    CopyKind.SameSite => new CopyVerdict(SameText, "same-text", side.Other, $"{where}, a page of the same site", side.Lines, []),
                    CopyKind.SameText => new CopyVerdict(SameText, "same-text", side.Other, $"{where}, word for word, and neither says where it was published: one article at two addresses, or an uncredited reprint", side.Lines, []),
                    CopyKind.Undetermined => new CopyVerdict(SameText, "same-text", side.Other, $"{where}; neither says where it was published, credits the other or is dated first, so which came first cannot be told", side.Lines, []),
                    _ => new CopyVerdict(UncreditedCopy, "uncredited-copy", side.Other, direct
                        ? $"{where}, which it does not credit: an uncredited copy or rewrite; that article is likely the original: {origin.Reason}"
                        : $"{where}; it credits no source for its text: an uncredited copy or rewrite", side.Lines, []),
                };
                var otherIs = direct ? "the likely original of the shared text" : $"the article it shares most text with; the group's likely original is {origin.Original}";
                verdicts[copy.Path] = verdict with { Related = [(side.Other, side.OtherLines, otherIs)] };
                if (!direct)
                {
                    continue;
                }

                // The original's lines are those it shares with its copies (the first listed).
                originalLines ??= side.OtherLines;
                if (related.Count < MostRelated)
                {
                    var holding = $"holding {Percent(side.OtherShare)} of this text";
                    related.Add((copy.Path, side.Lines, copy.Kind switch
                    {
                        CopyKind.Credited => $"a credited copy, {holding}",
                        CopyKind.SameSite => $"a page of the same site, {holding}",
                        CopyKind.SameText => "the same text, word for word",
                        CopyKind.Undetermined => $"an undated copy from an unnamed site, {holding}",
                        _ => $"an uncredited copy, {holding}",
                    }));
                }
            }

            if (originalLines is { } lines)
            {
                var others = origin.Copies.Count;
                var listed = string.Join(", ", origin.Copies.Take(3).Select(o => o.Path)) + (others > 3 ? $" and {others - 3} more" : string.Empty);
                verdicts[origin.Original] = new CopyVerdict(
                    CopiedBy,
                    "copied-by",
                    others.ToString(CultureInfo.InvariantCulture),
                    $"Its text also appears in {(others == 1 ? "1 other article" : $"{others} other articles")} ({listed}); this one is taken for the original: {origin.Reason}",
                    lines,
                    related.ToImmutable());
            }
        }

        return verdicts;
    }

    /// <summary>
    /// The finding and signal of <paramref name="verdict"/> for an article, at its shared lines, with
    /// the severity the article's configuration gives the rule; null when the configuration turns it off.
    /// </summary>
    /// <param name="verdict">The article's verdict.</param>
    /// <param name="placesOf">
    /// Where an article's lines are, by path; null for an article not known (an archived one), whose
    /// lines are then placed by number alone.
    /// </param>
    /// <param name="path">The article's path.</param>
    /// <param name="options">The article's configuration.</param>
    public static (Finding Finding, Signal Signal)? Report(CopyVerdict verdict, Func<string, LinePlaces?> placesOf, string path, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(placesOf);
        ArgumentNullException.ThrowIfNull(options);
        var descriptor = Descriptors.First(d => d.Id == verdict.RuleId);
        if (options.SeverityOf(descriptor) is not { } severity)
        {
            return null;
        }

        var (span, location) = Place(verdict.Lines, placesOf(path));
        var related = verdict.Related.Select(r => new RelatedLocation(r.Path, Place(r.Lines, placesOf(r.Path)).Location, r.Message)).ToImmutableArray();
        var finding = new Finding(verdict.RuleId, descriptor.Category, severity, verdict.Message, span, location, string.Empty, string.Empty, [verdict.Message]) { Related = related };
        return (finding, new Signal(verdict.Signal, verdict.Value, verdict.RuleId, span, location));
    }

    // The shared lines as a span of the file (the first line's start to the last one's end) and as
    // line positions. Without the file's lines (an archived article) the lines alone are known: the
    // span is empty and the place runs to the start of the line after the last.
    private static (TextSpan Span, LinePositionSpan Location) Place(LineRange range, LinePlaces? places)
    {
        if (places?.Find(range.First) is var (start, _) && places.Find(range.Last) is var (lastStart, end) && end >= start)
        {
            return (TextSpan.FromBounds(start, end), new LinePositionSpan(new LinePosition(range.First, 1), new LinePosition(range.Last, end - lastStart + 1)));
        }

        var first = Math.Max(range.First, 1);
        return (new TextSpan(0, 0), new LinePositionSpan(new LinePosition(first, 1), new LinePosition(Math.Max(range.Last + 1, first), 1)));
    }

    // The pair joining the copy to the original, else the copy's pair sharing most of its text (a
    // group is joined through its members: a copy of a copy need not meet the original itself),
    // seen from the copy.
    private static CopySide Side(CopyCluster cluster, string path, string original)
    {
        CopySide? best = null;
        foreach (var pair in cluster.Pairs)
        {
            if (pair.Joins(path, original))
            {
                return pair.From(path);
            }

            if ((pair.First == path || pair.Second == path) && pair.From(path) is var side && (best is null || side.Share > best.Value.Share))
            {
                best = side;
            }
        }

        // Articles with the same text are each paired with the first of them only: a copy met
        // through one whose text is the original's shares that much with the original too.
        if (best is { } found && cluster.Pairs.FirstOrDefault(p => p.SameText && p.Joins(found.Other, original)) is { } twin)
        {
            return new CopySide(original, found.Share, found.Lines, found.OtherShare, twin.From(found.Other).OtherLines);
        }

        return best ?? new CopySide(original, 0, default, 0, default);
    }

    // Rounded down: 99.6% of a text is not all of it.
    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(share * 100):0}%");

    // Filed under the scorecard category their signals count towards, as the packs' rules are.
    private static RuleDescriptor Describe(string id, string title, string category, Severity severity, string description) =>
        new(id, title, "{0}", category, severity, true, null, description, [], "provenance.copies");
}

/// <summary>
/// Where some of an article's lines are in its text: the lines its print's shingles start and end
/// on, which are the only ones a shared passage can start or end on. Kept with the print so copies
/// are located after the article's text is let go (a few hundred bytes an article, not its text).
/// </summary>
public sealed class LinePlaces
{
    private readonly int[] _lines;
    private readonly int[] _starts;
    private readonly int[] _ends;

    private LinePlaces(int[] lines, int[] starts, int[] ends) => (_lines, _starts, _ends) = (lines, starts, ends);

    /// <summary>The places of the lines <paramref name="print"/>'s shingles start and end on, in <paramref name="source"/>.</summary>
    public static LinePlaces Of(SourceText source, TextPrint print)
    {
        ArgumentNullException.ThrowIfNull(print);
        ArgumentNullException.ThrowIfNull(source);
        return Of(source, [.. print.ShingleLines().Where(l => l >= 1 && l <= source.LineCount)]);
    }

    // Lines already in order, without repeats, within the source.
    private static LinePlaces Of(SourceText source, int[] lines)
    {
        var (starts, ends) = (new int[lines.Length], new int[lines.Length]);
        for (var i = 0; i < lines.Length; i++)
        {
            var span = source.GetLineSpan(lines[i]);
            (starts[i], ends[i]) = (span.Start, span.End);
        }

        return new LinePlaces(lines, starts, ends);
    }

    /// <summary>The places of <paramref name="wanted"/> lines of <paramref name="source"/> (1-based; those past its end are left out).</summary>
    internal static LinePlaces Of(SourceText source, IEnumerable<int> wanted)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Of(source, wanted.Where(l => l >= 1 && l <= source.LineCount).Distinct().Order().ToArray());
    }

    /// <summary>Where 1-based line <paramref name="line"/> starts and ends (without its line break), when it is one of those kept.</summary>
    public (int Start, int End)? Find(int line)
    {
        var i = Array.BinarySearch(_lines, line);
        return i >= 0 ? (_starts[i], _ends[i]) : null;
    }
}
