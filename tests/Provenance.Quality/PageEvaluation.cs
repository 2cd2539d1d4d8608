using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Provenance.Articles;

namespace Provenance.Quality;

/// <summary>What a page declares, hand-checked (data/html-pages.json): its date and its authors.</summary>
public sealed record PageTruth(string? Published, ImmutableArray<string> Authors);

/// <summary>
/// The figures measured on the 76 real pages of Mozilla Readability's test suite
/// (tests/data/third_party/html-testpages): dates and bylines against the hand-checked fixture,
/// main-text token F1 against Readability's expected text, and outlet findings that name the page's
/// own publisher or a platform.
/// </summary>
public static partial class PageEvaluation
{
    /// <summary>A checked page: its folder name, its source, what Readability expects (text, site name, declared language), and the report.</summary>
    public sealed record Checked(string Name, string Html, string ExpectedText, string? ExpectedSite, string? ExpectedLanguage, ArticleReport Report);

    /// <summary>Reads data/html-pages.json.</summary>
    public static ImmutableDictionary<string, PageTruth> ReadTruth(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var pages = ImmutableDictionary.CreateBuilder<string, PageTruth>(StringComparer.Ordinal);
        foreach (var page in document.RootElement.GetProperty("pages").EnumerateObject())
        {
            var published = page.Value.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            var authors = page.Value.TryGetProperty("authors", out var a) && a.ValueKind == JsonValueKind.Array
                ? [.. a.EnumerateArray().Select(x => x.GetString() ?? string.Empty).Where(x => x.Length > 0)]
                : ImmutableArray<string>.Empty;
            pages[page.Name] = new PageTruth(published, authors);
        }

        return pages.ToImmutable();
    }

    /// <summary>Reads one page folder and checks it.</summary>
    public static Checked Check(string folder, ProvenanceChecker checker, HtmlParser parser)
    {
        var name = Path.GetFileName(folder);
        // Decoded as the tool decodes a page (byte-order mark, declared charset, UTF-8 winning over a
        // stale declaration), so the figures are those of what users get.
        var html = Provenance.Reading.ArticleReaders.Decode(File.ReadAllBytes(Path.Combine(folder, "source.html")), ArticleFormat.Html, out var problem)
            ?? throw new InvalidDataException($"{name}/source.html: {problem}");
        var expected = parser.ParseDocument(File.ReadAllText(Path.Combine(folder, "expected.html"))).Body?.TextContent ?? string.Empty;
        string? site = null;
        string? language = null;
        var metadata = Path.Combine(folder, "expected-metadata.json");
        if (File.Exists(metadata))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(metadata));
            site = document.RootElement.TryGetProperty("siteName", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            language = document.RootElement.TryGetProperty("lang", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        }

        return new Checked(name, html, expected, site, language, checker.Check(Article.FromHtml(html, name)));
    }

    /// <summary>Measures the checked pages.</summary>
    public static (List<Figure> Figures, Dictionary<string, List<string>> Misses) Evaluate(IReadOnlyList<Checked> pages, IReadOnlyDictionary<string, PageTruth>? truth, OutletJudge judge)
    {
        var figures = new List<Figure>();
        var misses = new Dictionary<string, List<string>>();
        void Miss(string id, string text) => (misses.TryGetValue(id, out var list) ? list : misses[id] = []).Add(text);

        if (truth is not null)
        {
            var (dated, datedRight, authored, authoredRight) = (0, 0, 0, 0);
            foreach (var page in pages)
            {
                if (!truth.TryGetValue(page.Name, out var expected))
                {
                    throw new InvalidDataException($"html-pages.json has no entry for page {page.Name}");
                }

                var metadata = page.Report.Article.Metadata;
                if (expected.Published is { } date)
                {
                    dated++;
                    var found = metadata.Published?.Value;
                    if (found is not null && found.Length >= 10 && found[..10] == date[..10])
                    {
                        datedRight++;
                    }
                    else
                    {
                        Miss("html.dates", $"{page.Name}: expected {date}, found {found ?? "none"}");
                    }
                }

                if (!expected.Authors.IsEmpty)
                {
                    authored++;
                    var found = metadata.Authors.Select(a => Normalise(a.Value)).Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal);
                    if (found.SetEquals(expected.Authors.Select(Normalise)))
                    {
                        authoredRight++;
                    }
                    else
                    {
                        Miss("html.bylines", $"{page.Name}: expected {string.Join(" | ", expected.Authors)}, found {string.Join(" | ", metadata.Authors.Select(a => a.Value))}");
                    }
                }
            }

            figures.Add(Figure.Share("html.dates", "Pages declaring a date whose date is read", datedRight, dated, 0.95));
            figures.Add(Figure.Share("html.bylines", "Pages naming authors whose authors are read exactly", authoredRight, authored, 0.90));
        }

        var f1s = new List<double>();
        foreach (var page in pages)
        {
            var article = page.Report.Article;
            var actual = string.Join(" ", article.Blocks.Where(b => b.Zone == Zone.Main && b.Kind != BlockKind.Title).Select(b => b.Text));
            var f1 = TokenF1(page.ExpectedText, actual);
            f1s.Add(f1);
            if (f1 < 0.8)
            {
                Miss("html.body-f1", string.Create(CultureInfo.InvariantCulture, $"{page.Name}: {f1:0.00}"));
            }
        }

        figures.Add(new Figure("html.body-f1", "Mean token F1 of the main text against Readability's", f1s.Average(), pages.Count, pages.Count, true, 0.93));

        var (self, platforms) = (0, 0);
        foreach (var page in pages)
        {
            var host = Canonical().Match(page.Html) is { Success: true } m ? m.Groups["url"].Value : null;
            foreach (var finding in page.Report.Analysis.Findings.Where(judge.IsOutletFinding))
            {
                var name = OutletJudge.NameOf(finding);
                if (judge.IsPublisher(name, host, page.ExpectedSite))
                {
                    self++;
                    Miss("html.self-citations", $"{page.Name} {finding.RuleId} {name}: \"{finding.Excerpt}\"");
                }

                if (judge.IsPlatform(name))
                {
                    platforms++;
                    Miss("html.platforms", $"{page.Name} {finding.RuleId} {name}: \"{finding.Excerpt}\"");
                }
            }
        }

        // The sourcing rules read English words: on a page in another language their silence is no
        // evidence, and the page must not be called unsourced. The language is the one the page
        // declares (Readability's expected metadata), read apart from the checker's own guess.
        var otherLanguage = 0;
        foreach (var page in pages)
        {
            if (page.ExpectedLanguage is { Length: > 0 } declared && !declared.StartsWith("en", StringComparison.OrdinalIgnoreCase)
                && page.Report.Analysis.Signals.Any(s => s.Name is "no-named-source" or "no-direct-quote"))
            {
                otherLanguage++;
                Miss("html.other-language-unsourced", $"{page.Name} ({declared}): {string.Join(", ", page.Report.Analysis.Signals.Where(s => s.Name is "no-named-source" or "no-direct-quote").Select(s => s.Name))}");
            }
        }

        figures.Add(Figure.Errors("html.other-language-unsourced", "Test pages declaring a language other than English called unsourced or unquoted", otherLanguage));
        figures.Add(Figure.Errors("html.self-citations", "Outlet findings on test pages naming their own publisher", self));
        figures.Add(Figure.Errors("html.platforms", "Outlet findings on test pages naming a social platform", platforms));
        return (figures, misses);
    }

    /// <summary>Token-overlap F1 of two texts (lower-cased word tokens, counted with multiplicity).</summary>
    public static double TokenF1(string expectedText, string actualText)
    {
        var expected = Word().Matches(expectedText.ToLowerInvariant()).Select(m => m.Value).ToList();
        var actual = Word().Matches(actualText.ToLowerInvariant()).Select(m => m.Value).ToList();
        if (expected.Count == 0 || actual.Count == 0)
        {
            return expected.Count == actual.Count ? 1 : 0;
        }

        var counts = expected.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
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

    /// <summary>A name as compared: letters and digits, lower case, accents kept.</summary>
    public static string Normalise(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    // The page's own address, read independently of the reader under test.
    [GeneratedRegex("""<(?:link[^>]*rel=["']canonical["'][^>]*href|meta[^>]*property=["']og:url["'][^>]*content)=["'](?<url>https?://[^"']+)|<link[^>]*href=["'](?<url>https?://[^"']+)["'][^>]*rel=["']canonical["']""", RegexOptions.IgnoreCase)]
    private static partial Regex Canonical();
}
