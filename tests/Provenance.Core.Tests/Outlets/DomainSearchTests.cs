using System.Text;
using Provenance.Outlets;
using Provenance.Tests;

namespace Provenance.Core.Tests.Outlets;

/// <summary>
/// The domain search runs the domain expression only on the runs of non-white characters around a
/// dot; it must find exactly what the expression finds over the whole text.
/// </summary>
public sealed class DomainSearchTests
{
    private static readonly OutletMatcher Matcher = DefaultRules.LoadOutletRegistry().Matcher;

    [Fact]
    public void Finds_what_the_expression_finds_in_the_samples_and_test_pages()
    {
        var found = 0;
        foreach (var file in RepoPaths.SamplesAndTestPages)
        {
            found += Compare(File.ReadAllText(file), file);
        }

        found.ShouldBeGreaterThan(500);
    }

    [Fact]
    public void Finds_what_the_expression_finds_around_every_kind_of_neighbour()
    {
        string[] pieces =
        [
            "www.cnn.com", "https://apnews.com/article/x-1", "BanxChange.com", "bbc.co.uk/news/", "a@b.com", "U.S.", "e.g.", "x.", ".com",
            "cnn.com.", "reuters.com/", "\u212Aorea.\u212Ae", "ex.ſe", "news.io-x", "-", "@", ".", "/", "'", "\"", "(", ")", "]",
            " ", "  ", "\n", "\t", "\u00A0", "\u2028", "\u3000", "word", "Word", "é", "1", "_",
        ];
        var random = new Random(5);
        var found = 0;
        for (var t = 0; t < 4000; t++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(1, 9); i > 0; i--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            found += Compare(text.ToString(), $"text {t}");
        }

        found.ShouldBeGreaterThan(2000);
    }

    private static int Compare(string text, string what)
    {
        var expected = OutletMatcher.DomainPattern().Matches(text).Select(m => (m.Index, m.Length)).ToList();
        Matcher.Domains(text).Select(m => (m.Index, m.Length)).ShouldBe(expected, $"{what}: \"{text}\"");
        return expected.Count;
    }
}
