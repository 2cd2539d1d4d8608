using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Provenance.Articles;
using Provenance.Reading.Html;
using Provenance.Tests;

namespace Provenance.Core.Tests.Reading;

/// <summary>
/// The HTML reader on real pages (tests/data/third_party/html-testpages: Mozilla Readability's test pages,
/// Apache-2.0): metadata hit rates per field and token-overlap F1 of the extracted body against the
/// expected article text. The floors sit just under the measured figures, so an extraction
/// regression fails the build; the figures are printed for docs and notes.
/// </summary>
public sealed partial class HtmlTestPagesTests
{
    private static readonly string Pages = Path.Combine(RepoPaths.Root, "tests", "data", "third_party", "html-testpages", "pages");
    private static readonly Lazy<Evaluation> Results = new(Evaluate);

    [Fact]
    public void Figures_are_reported()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(Results.Value.Report);
        Results.Value.Pages.ShouldBe(Directory.GetDirectories(Pages).Length);
    }

    [Fact]
    public void Titles_are_extracted() => Results.Value.Rate("title").ShouldBeGreaterThanOrEqualTo(0.88, Results.Value.Report);

    [Fact]
    public void Bylines_are_extracted() => Results.Value.Rate("byline").ShouldBeGreaterThanOrEqualTo(0.82, Results.Value.Report);

    [Fact]
    public void Site_names_are_extracted() => Results.Value.Rate("siteName").ShouldBeGreaterThanOrEqualTo(0.95, Results.Value.Report);

    [Fact]
    public void Published_times_are_extracted() => Results.Value.Rate("publishedTime").ShouldBeGreaterThanOrEqualTo(0.95, Results.Value.Report);

    [Fact]
    public void The_extracted_body_contains_the_article_text() => Results.Value.MeanF1.ShouldBeGreaterThanOrEqualTo(0.97, Results.Value.Report);

    [Fact]
    public void Block_text_maps_to_the_same_text_in_the_page()
    {
        // The first and last letters of each block's first word must be the characters its source map
        // points at (a word may span inline tags, so the letters are checked one by one); an entity
        // counts as the character it stands for.
        var (mapped, total) = (0, 0);
        var wrong = new List<string>();
        foreach (var page in Directory.GetDirectories(Pages).Order(StringComparer.Ordinal))
        {
            var html = File.ReadAllText(Path.Combine(page, "source.html"));
            var article = HtmlReader.Read(html, page);
            foreach (var block in article.Blocks)
            {
                block.SourceSpan.End.ShouldBeLessThanOrEqualTo(html.Length);
                var word = Word().Match(block.Text);
                if (!word.Success || word.Value.Length < 3)
                {
                    continue;
                }

                total++;
                var first = block.Map.ToSource(word.Index);
                var last = block.Map.ToSource(word.Index + word.Length - 1);
                if ((html[first] == word.Value[0] || html[first] == '&') && (html[last] == word.Value[^1] || html[last] == '&'))
                {
                    mapped++;
                }
                else if (wrong.Count < 20)
                {
                    wrong.Add($"{Path.GetFileName(page)}: \"{word.Value}\" mapped to \"{html.Substring(first, Math.Min(20, html.Length - first))}\"");
                }
            }

            foreach (var link in article.Links)
            {
                link.Span.End.ShouldBeLessThanOrEqualTo(html.Length);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{mapped}/{total} blocks mapped exactly");
        ((double)mapped / total).ShouldBeGreaterThanOrEqualTo(0.99, string.Join(Environment.NewLine, wrong));
    }

    private static Evaluation Evaluate()
    {
        Directory.Exists(Pages).ShouldBeTrue($"the HTML test pages are expected at {Pages} (vendored from Mozilla Readability; see its SOURCE.md)");
        var hits = new Dictionary<string, (int Hit, int Total)>();
        var misses = new List<string>();
        var f1s = new List<double>();
        var parser = new HtmlParser();
        foreach (var page in Directory.GetDirectories(Pages).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(page);
            var article = HtmlReader.Read(File.ReadAllText(Path.Combine(page, "source.html")), name);
            using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(page, "expected-metadata.json")));
            var m = article.Metadata;
            Score("title", expected, m.Title?.Value is { } t ? [t] : [], Same);
            var authors = m.Authors.Select(a => a.Value).ToList();
            if (authors.Count > 1)
            {
                authors.Add(string.Join(" ", authors));
            }

            Score("byline", expected, [.. authors], Contains);
            Score("siteName", expected, m.SiteName?.Value is { } s ? [s] : [], Contains);
            Score("publishedTime", expected, m.Published?.Value is { } p ? [p] : [], SameDay);

            var expectedText = parser.ParseDocument(File.ReadAllText(Path.Combine(page, "expected.html"))).Body?.TextContent ?? string.Empty;
            var actualText = string.Join(" ", article.Blocks.Where(b => b.Zone == Zone.Main && b.Kind != BlockKind.Title).Select(b => b.Text));
            var f1 = F1(Tokens(expectedText), Tokens(actualText));
            f1s.Add(f1);
            if (f1 < 0.9)
            {
                misses.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: body F1 {f1:0.00}"));
            }

            void Score(string field, JsonDocument doc, string[] actual, Func<string, string, bool> match)
            {
                if (!doc.RootElement.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                {
                    return;
                }

                var ok = actual.Any(a => match(value.GetString()!, a));
                var (hit, total) = hits.GetValueOrDefault(field);
                hits[field] = (hit + (ok ? 1 : 0), total + 1);
                if (!ok)
                {
                    misses.Add($"{name}: {field} expected \"{value.GetString()}\", got \"{string.Join(" | ", actual)}\"");
                }
            }
        }

        return new Evaluation(hits, f1s.Average(), f1s.Count, misses);
    }

    private static bool Same(string expected, string actual) => Normalise(expected) == Normalise(actual);

    private static bool Contains(string expected, string actual)
    {
        var (e, a) = (Normalise(expected), Normalise(actual));
        return a.Length > 0 && (e.Contains(a, StringComparison.Ordinal) || a.Contains(e, StringComparison.Ordinal));
    }

    private static bool SameDay(string expected, string actual) =>
        expected.Length >= 10 && actual.Length >= 10 && expected[..10] == actual[..10];

    private static string Normalise(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static List<string> Tokens(string text) => [.. Word().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    private static double F1(List<string> expected, List<string> actual)
    {
        if (expected.Count == 0 || actual.Count == 0)
        {
            return expected.Count == actual.Count ? 1 : 0;
        }

        var counts = expected.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var overlap = 0;
        foreach (var token in actual)
        {
            if (counts.TryGetValue(token, out var left) && left > 0)
            {
                counts[token] = left - 1;
                overlap++;
            }
        }

        var precision = (double)overlap / actual.Count;
        var recall = (double)overlap / expected.Count;
        return overlap == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    private sealed record Evaluation(Dictionary<string, (int Hit, int Total)> Hits, double MeanF1, int Pages, List<string> Misses)
    {
        public double Rate(string field) => Hits.TryGetValue(field, out var h) && h.Total > 0 ? (double)h.Hit / h.Total : 0;

        public string Report => string.Join(Environment.NewLine,
            new[] { string.Create(CultureInfo.InvariantCulture, $"{Pages} pages, mean body F1 {MeanF1:0.000}") }
                .Concat(Hits.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Key}: {h.Value.Hit}/{h.Value.Total} = {(double)h.Value.Hit / h.Value.Total:0.000}")))
                .Concat(Misses));
    }
}
