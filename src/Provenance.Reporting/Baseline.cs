using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using Provenance.Rules;

namespace Provenance.Reporting;

/// <summary>
/// A baseline of accepted findings (<c>provenance-baseline.json</c>), like ESLint's bulk
/// suppressions: per file and rule, the count and content fingerprints of findings that existed
/// when it was made. A check against it reports only findings it does not hold; fingerprints
/// leave line numbers out, so moved text still matches. It also holds each article's score, so an
/// article already under the score threshold when the baseline was made does not fail for that
/// alone, unless its score drops further.
/// </summary>
public sealed class Baseline
{
    /// <summary>The default file name.</summary>
    public const string FileName = "provenance-baseline.json";

    private static readonly ImmutableSortedSet<string> EmptySet = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    private static readonly ImmutableSortedDictionary<string, int> NoScores = ImmutableSortedDictionary.Create<string, int>(StringComparer.Ordinal);

    private readonly ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, ImmutableSortedSet<string>>> _files;

    private readonly ImmutableSortedDictionary<string, int> _scores;

    private Baseline(ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, ImmutableSortedSet<string>>> files, ImmutableSortedDictionary<string, int>? scores = null)
    {
        _files = files;
        _scores = scores ?? NoScores;
    }

    /// <summary>An empty baseline.</summary>
    public static Baseline Empty { get; } = new(ImmutableSortedDictionary.Create<string, ImmutableSortedDictionary<string, ImmutableSortedSet<string>>>(StringComparer.Ordinal));

    /// <summary>The score it accepted for the article at <paramref name="path"/>, if it holds one.</summary>
    public int? ScoreOf(string path) => _scores.TryGetValue(path, out var score) ? score : null;

    /// <summary>How many findings it holds.</summary>
    public int Count => _files.Values.Sum(rules => rules.Values.Sum(f => f.Count));

    /// <summary>A baseline of every finding in <paramref name="run"/>.</summary>
    public static Baseline From(CheckRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var files = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedDictionary<string, ImmutableSortedSet<string>>>(StringComparer.Ordinal);
        var scores = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var item in run.Items.Where(i => i.Report is not null))
        {
            scores[item.Path] = item.Report!.Scorecard.Score;
            var findings = Visible(item.Report!);
            var prints = Fingerprints.For(item.Path, findings);
            var rules = findings.Select((f, i) => (f.RuleId, Print: prints[i]))
                .GroupBy(p => p.RuleId, StringComparer.Ordinal)
                .ToImmutableSortedDictionary(g => g.Key, g => g.Select(p => p.Print).ToImmutableSortedSet(StringComparer.Ordinal), StringComparer.Ordinal);
            if (!rules.IsEmpty)
            {
                files[item.Path] = rules;
            }
        }

        return new Baseline(files.ToImmutable(), scores.ToImmutable());
    }

    /// <summary>This baseline and every finding of <paramref name="other"/>.</summary>
    public Baseline Union(Baseline other) => Combine(other, (a, b) => a.Union(b), keepOwnScores: true);

    /// <summary>Only the findings that both this baseline and <paramref name="other"/> hold: drops what no longer occurs.</summary>
    public Baseline Intersect(Baseline other) => Combine(other, (a, b) => a.Intersect(b), keepOwnScores: false);

    /// <summary>The run with the findings this baseline holds left out of every report.</summary>
    public CheckRun Filter(CheckRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run with { Items = [.. run.Items.Select(item => Filter(item))] };
    }

    /// <summary>
    /// The item without the findings this baseline accepts, for a run reported as it goes; with
    /// <paramref name="context"/>, its policy also carries the score this baseline accepted for it.
    /// </summary>
    public RunItem Filter(RunItem item, ReportContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (context is not null && item.Report is not null && ScoreOf(item.Path) is { } acceptedScore)
        {
            item = item with { Policy = (item.Policy ?? new ArticlePolicy(context.FailOn, context.FailBelow)) with { AcceptedScore = acceptedScore } };
        }

        if (item.Report is not { } report || !_files.TryGetValue(item.Path, out var rules))
        {
            return item;
        }

        var visible = Visible(report);
        var prints = Fingerprints.For(item.Path, visible);
        var accepted = visible.Where((f, i) => rules.TryGetValue(f.RuleId, out var known) && known.Contains(prints[i])).ToHashSet();
        var kept = report.Analysis.Findings.Where(f => !accepted.Contains(f)).ToImmutableArray();
        return item with { Report = report with { Analysis = report.Analysis with { Findings = kept } } };
    }

    /// <summary>Reads a baseline file's text.</summary>
    /// <exception cref="JsonException">The text is not a baseline.</exception>
    public static Baseline Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var files = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedDictionary<string, ImmutableSortedSet<string>>>(StringComparer.Ordinal);
        if (!document.RootElement.TryGetProperty("files", out var fileMap) || fileMap.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("expected an object with a \"files\" object");
        }

        foreach (var file in fileMap.EnumerateObject())
        {
            files[file.Name] = file.Value.EnumerateObject().ToImmutableSortedDictionary(
                rule => rule.Name,
                rule => rule.Value.GetProperty("fingerprints").EnumerateArray().Select(p => p.GetString()!).ToImmutableSortedSet(StringComparer.Ordinal),
                StringComparer.Ordinal);
        }

        var scores = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        if (document.RootElement.TryGetProperty("scores", out var scoreMap) && scoreMap.ValueKind == JsonValueKind.Object)
        {
            foreach (var score in scoreMap.EnumerateObject())
            {
                scores[score.Name] = score.Value.GetInt32();
            }
        }

        return new Baseline(files.ToImmutable(), scores.ToImmutable());
    }

    /// <summary>The baseline as the file stores it: sorted, so it diffs cleanly in review.</summary>
    public string Serialize()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteNumber("findings", Count);
            json.WriteStartObject("files");
            foreach (var (path, rules) in _files)
            {
                json.WriteStartObject(path);
                foreach (var (rule, prints) in rules)
                {
                    json.WriteStartObject(rule);
                    json.WriteNumber("count", prints.Count);
                    json.WriteStartArray("fingerprints");
                    foreach (var print in prints)
                    {
                        json.WriteStringValue(print);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            if (!_scores.IsEmpty)
            {
                json.WriteStartObject("scores");
                foreach (var (path, score) in _scores)
                {
                    json.WriteNumber(path, score);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static List<Analysis.Finding> Visible(ArticleReport report) => [.. report.Analysis.Findings.Where(f => f.Severity != Severity.Hidden)];

    // The other (newer) baseline's scores win; a union keeps the articles only this one knows, an
    // intersection drops them.
    private Baseline Combine(Baseline other, Func<ImmutableSortedSet<string>, ImmutableSortedSet<string>, ImmutableSortedSet<string>> merge, bool keepOwnScores)
    {
        var scores = (keepOwnScores ? _scores : NoScores).SetItems(other._scores);
        var files = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedDictionary<string, ImmutableSortedSet<string>>>(StringComparer.Ordinal);
        foreach (var path in _files.Keys.Union(other._files.Keys))
        {
            var mine = _files.GetValueOrDefault(path) ?? ImmutableSortedDictionary<string, ImmutableSortedSet<string>>.Empty;
            var theirs = other._files.GetValueOrDefault(path) ?? ImmutableSortedDictionary<string, ImmutableSortedSet<string>>.Empty;
            var rules = mine.Keys.Union(theirs.Keys)
                .Select(rule => (rule, prints: merge(mine.GetValueOrDefault(rule) ?? EmptySet, theirs.GetValueOrDefault(rule) ?? EmptySet)))
                .Where(p => !p.prints.IsEmpty)
                .ToImmutableSortedDictionary(p => p.rule, p => p.prints, StringComparer.Ordinal);
            if (!rules.IsEmpty)
            {
                files[path] = rules;
            }
        }

        return new Baseline(files.ToImmutable(), scores);
    }
}
