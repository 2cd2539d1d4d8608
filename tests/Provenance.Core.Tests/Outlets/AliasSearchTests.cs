using System.Text;
using System.Text.RegularExpressions;
using Provenance.Outlets;
using Provenance.Tests;

namespace Provenance.Core.Tests.Outlets;

/// <summary>
/// The alias search replaced one regular expression (every alias, longest first, as whole names);
/// it must find exactly what that expression finds, on real text and on text built to sit aliases
/// against every kind of neighbour.
/// </summary>
public sealed class AliasSearchTests
{
    private static readonly string[] Aliases = [.. DefaultRules.LoadOutletRegistry().Outlets.SelectMany(o => o.Aliases)];
    private static readonly Regex Reference = Alternation(Aliases);
    private static readonly AliasSearch Search = AliasSearch.Create(Aliases)!;

    [Fact]
    public void Finds_what_the_alternation_finds_in_the_samples_and_test_pages()
    {
        var found = 0;
        foreach (var file in RepoPaths.SamplesAndTestPages)
        {
            found += Compare(File.ReadAllText(file), file);
        }

        found.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Finds_what_the_alternation_finds_at_every_kind_of_boundary()
    {
        string[] neighbours = [" ", "", ".", ".x", "x", "_", "@", "9", "é", "-", "'s", ",", "\n", "\u00A0", "Ⅻ"];
        var found = 0;
        for (var seed = 1; seed <= 3000; seed++)
        {
            var random = new Random(seed);
            var text = new StringBuilder();
            for (var i = random.Next(1, 6); i > 0; i--)
            {
                var alias = Aliases[random.Next(Aliases.Length)];
                if (random.Next(4) == 0)
                {
                    alias = alias[..random.Next(1, alias.Length + 1)];
                }

                text.Append(neighbours[random.Next(neighbours.Length)]).Append(alias).Append(neighbours[random.Next(neighbours.Length)]);
            }

            found += Compare(text.ToString(), $"seed {seed}");
        }

        found.ShouldBeGreaterThan(1500);
    }

    [Fact]
    public void Prefers_the_longest_alias_that_ends_a_name()
    {
        var search = AliasSearch.Create(["New York", "New York Times", "Times"]).ShouldNotBeNull();
        Find(search, "the New York Times said").ShouldBe([(4, "New York Times")]);
        Find(search, "the New York Timesheet").ShouldBe([(4, "New York")]);
        Find(search, "@New York, edition.Times").ShouldBe([]);
    }

    [Fact]
    public void Finds_what_the_alternation_finds_for_aliases_of_unusual_shapes()
    {
        // A registry may hold aliases that start lower-case, with a digit or with a sign, that
        // share a first word or are prefixes of each other, or of one character that longer ones
        // start with ("X" before "X-ray" as well as before "X-Files News").
        string[] aliases = ["the BBC", "the FT", "dpa", "+972 Magazine", "(ABC)", "ABC", "ABC News", "ABC.net", "1News", "Le Monde", "Le", "E!", "E! News", "Ⅻ Times", "X", "X-Files News", "Xinhua"];
        string[] neighbours = [" ", "", ".", ".x", "x", "_", "@", "9", "é", "-", "!", "(", ")", "+", "\n"];
        CompareOnRandomTexts(aliases, neighbours, cutOneIn: 5).ShouldBeGreaterThan(2000);
    }

    [Fact]
    public void Finds_what_the_alternation_finds_among_many_aliases_that_begin_alike()
    {
        // Eighty of the registry's aliases start "Th": many sharing a beginning, some ending where
        // others run on, some prefixes of each other, and the longest that ends a name wins.
        string[] aliases = ["Th", "The", "The Times", "The Times of India", "The Time", "The Tim", "The Telegraph", "The Tele", "The Hill", "The Hindu",
            "The Herald", "The Hi", "The H", "The Atlantic", "The A", "Thai PBS", "Thanh Nien", "Tha", "The Times-Picayune", "The Times Herald", "The T", "The Timesheet"];
        string[] neighbours = [" ", "", ".", ".x", "x", "_", "-", "'s", ",", "\n", " of", " Times", "s"];
        CompareOnRandomTexts(aliases, neighbours, cutOneIn: 4).ShouldBeGreaterThan(2000);
    }

    // 3,000 texts of a few aliases between neighbours, one alias in cutOneIn cut short; the number
    // of aliases the reference found in them.
    private static int CompareOnRandomTexts(string[] aliases, string[] neighbours, int cutOneIn)
    {
        var search = AliasSearch.Create(aliases).ShouldNotBeNull();
        var reference = Alternation(aliases);
        var found = 0;
        for (var seed = 1; seed <= 3000; seed++)
        {
            var random = new Random(seed);
            var text = new StringBuilder();
            for (var i = random.Next(1, 6); i > 0; i--)
            {
                var alias = aliases[random.Next(aliases.Length)];
                text.Append(neighbours[random.Next(neighbours.Length)]).Append(random.Next(cutOneIn) == 0 ? alias[..random.Next(1, alias.Length + 1)] : alias).Append(neighbours[random.Next(neighbours.Length)]);
            }

            found += Compare(text.ToString(), $"seed {seed}", search, reference);
        }

        return found;
    }

    private static int Compare(string text, string what) => Compare(text, what, Search, Reference);

    private static int Compare(string text, string what, AliasSearch search, Regex reference)
    {
        var expected = reference.Matches(text).Select(m => (m.Index, m.Value)).ToList();
        var actual = Find(search, text);
        actual.ShouldBe(expected, $"{what}: the alias search and the alternation disagree");
        return expected.Count;
    }

    private static List<(int, string)> Find(AliasSearch search, string text)
    {
        var found = new List<(int, string)>();
        search.Find(text, found, static (list, index, alias) => list.Add((index, alias)));
        return found;
    }

    // The expression the outlet matcher used before the alias search, kept here as the reference.
    private static Regex Alternation(string[] aliases)
    {
        var distinct = aliases.Distinct(StringComparer.Ordinal).OrderByDescending(a => a.Length).ThenBy(a => a, StringComparer.Ordinal);
        var pattern = @"(?<![\p{L}\p{N}_@.])(?:" + string.Join('|', distinct.Select(Regex.Escape)) + @")(?![\p{L}\p{N}_]|\.[\p{L}\p{N}])";
        return new Regex(pattern, RegexOptions.CultureInvariant);
    }
}
