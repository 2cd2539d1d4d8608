using System.Globalization;
using System.Text;
using System.Text.Json;
using Provenance.Reading.Html;
using Provenance.Tests;

namespace Provenance.Core.Tests.Reading;

/// <summary>
/// Publication dates and bylines read from the real test pages, scored against the hand-checked
/// tests/Provenance.Quality/data/html-pages.json (what each page itself declares, read from its
/// source, not from the reader). A date counts when it is the same day; a byline when the set of
/// names equals the fixture's, ignoring case, accents and punctuation (a missing or an extra name
/// is a miss). The floors sit just under the measured figures; the misses are printed.
/// </summary>
public sealed class HtmlPageMetadataTests
{
    private static readonly string Pages = Path.Combine(RepoPaths.Root, "tests", "data", "third_party", "html-testpages", "pages");
    private static readonly string Fixture = Path.Combine(RepoPaths.Root, "tests", "Provenance.Quality", "data", "html-pages.json");
    private static readonly Lazy<Scores> Results = new(Evaluate);

    [Fact]
    public void Figures_are_reported()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(Results.Value.Report);
        Results.Value.Pages.ShouldBe(Directory.GetDirectories(Pages).Length);
    }

    [Fact]
    public void Publication_dates_match_the_pages() => Results.Value.DateRate.ShouldBeGreaterThanOrEqualTo(0.95, Results.Value.Report);

    [Fact]
    public void Bylines_match_the_pages() => Results.Value.BylineRate.ShouldBeGreaterThanOrEqualTo(0.84, Results.Value.Report);

    [Theory]
    [InlineData("Lucas Nolan", "lucas nolan")]
    [InlineData("Aleš Vávra", "ales vavra")]
    [InlineData("Richard (R.J.) Eskow", "richard rj eskow")]
    [InlineData("史蒂文的家_藍天", "史蒂文的家藍天")]
    public void Names_compare_without_case_accents_or_punctuation(string name, string same) => Normalise(name).ShouldBe(Normalise(same));

    [Fact]
    public void Names_still_differ_by_their_letters() => Normalise("Jane Doe").ShouldNotBe(Normalise("Jane Roe"));

    private static Scores Evaluate()
    {
        using var fixture = JsonDocument.Parse(File.ReadAllText(Fixture));
        var scores = new Scores();
        foreach (var page in fixture.RootElement.GetProperty("pages").EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var html = File.ReadAllText(Path.Combine(Pages, page.Name, "source.html"));
            var metadata = HtmlReader.Read(html, page.Name).Metadata;
            scores.Pages++;

            var published = page.Value.GetProperty("published");
            var date = metadata.Published?.Value;
            if (published.ValueKind == JsonValueKind.String)
            {
                var ok = date is { Length: >= 10 } && date[..10] == published.GetString();
                scores.Dates.Add(ok);
                if (!ok)
                {
                    scores.Misses.Add($"{page.Name}: date expected {published.GetString()}, got \"{date}\"");
                }
            }
            else if (date is not null)
            {
                scores.Notes.Add($"{page.Name}: declares no date, read \"{date}\"");
            }

            var expected = page.Value.GetProperty("authors").EnumerateArray().Select(a => a.GetString()!).ToList();
            var actual = metadata.Authors.Select(a => a.Value).ToList();
            if (expected.Count > 0)
            {
                var ok = expected.Select(Normalise).ToHashSet(StringComparer.Ordinal).SetEquals(actual.Select(Normalise));
                scores.Bylines.Add(ok);
                if (!ok)
                {
                    scores.Misses.Add($"{page.Name}: authors expected [{string.Join(" | ", expected)}], got [{string.Join(" | ", actual)}]");
                }
            }
            else if (actual.Count > 0)
            {
                scores.Notes.Add($"{page.Name}: credits no author, read [{string.Join(" | ", actual)}]");
            }
        }

        return scores;
    }

    // Letters and digits only, lower case, accents dropped: "Aleš Vávra" and "ALES VAVRA" are one name.
    private static string Normalise(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private sealed class Scores
    {
        public int Pages { get; set; }

        public List<bool> Dates { get; } = [];

        public List<bool> Bylines { get; } = [];

        public List<string> Misses { get; } = [];

        public List<string> Notes { get; } = [];

        public double DateRate => Rate(Dates);

        public double BylineRate => Rate(Bylines);

        public string Report => string.Join(Environment.NewLine,
            new[]
            {
                string.Create(CultureInfo.InvariantCulture, $"{Pages} pages"),
                string.Create(CultureInfo.InvariantCulture, $"published: {Dates.Count(d => d)}/{Dates.Count} = {DateRate:0.000}"),
                string.Create(CultureInfo.InvariantCulture, $"authors: {Bylines.Count(b => b)}/{Bylines.Count} = {BylineRate:0.000}"),
            }.Concat(Misses).Concat(Notes));

        private static double Rate(List<bool> hits) => hits.Count == 0 ? 0 : (double)hits.Count(h => h) / hits.Count;
    }
}
