using System.Text.RegularExpressions;
using Provenance.Text;

namespace Provenance.Core.Tests.Text;

/// <summary>
/// Many screens searched together: a string one screen needs must be found whatever the others
/// around it (shared first letters, overlaps, one string inside another), and an expression the
/// index does not know is never turned away.
/// </summary>
public sealed class ScreenIndexTests
{
    [Fact]
    public void Random_expressions_screened_together_pass_every_text_they_match()
    {
        var random = new Random(7);
        var expressions = new List<Regex>();
        while (expressions.Count < 300)
        {
            var options = RegexOptions.CultureInvariant | (random.Next(2) == 0 ? RegexOptions.IgnoreCase : RegexOptions.None);
            try
            {
                expressions.Add(new Regex(RegexScreenTests.Expression(random, depth: 3), options));
            }
            catch (ArgumentException)
            {
            }
        }

        var index = ScreenIndex.Build(expressions);
        var ids = index.IdsOf(expressions);
        var (matched, rejected) = (0, 0);
        for (var t = 0; t < 400; t++)
        {
            var text = RegexScreenTests.RandomText(random);
            var found = index.Find(text);
            var passing = index.Passing(text, found, mayHaveCaseOddities: true);
            for (var i = 0; i < expressions.Count; i++)
            {
                var passes = index.MayMatch(ids[i], text, found, mayHaveCaseOddities: true);
                if (ids[i] >= 0)
                {
                    ((passing[ids[i] >> 6] & (1UL << ids[i])) != 0).ShouldBe(passes, $"/{expressions[i]}/ on \"{text}\": all screens at once and one alone disagree");
                }

                if (expressions[i].IsMatch(text))
                {
                    matched++;
                    passes.ShouldBeTrue($"/{expressions[i]}/ ({expressions[i].Options}) matches \"{text}\" but the index rejects it");
                }
                else if (!passes)
                {
                    rejected++;
                }
            }
        }

        matched.ShouldBeGreaterThan(5000);
        rejected.ShouldBeGreaterThan(5000);

        // A letter that folds oddly lets every ignore-case expression through, all at once as one by one.
        for (var t = 0; t < 100; t++)
        {
            var text = RegexScreenTests.RandomText(random) + "\u212A";
            var found = index.Find(text);
            var passing = index.Passing(text, found, mayHaveCaseOddities: true);
            foreach (var id in ids.Where(id => id >= 0))
            {
                ((passing[id >> 6] & (1UL << id)) != 0).ShouldBe(index.MayMatch(id, text, found, mayHaveCaseOddities: true));
            }
        }
    }

    [Fact]
    public void Strings_that_share_a_start_or_sit_inside_each_other_are_all_found()
    {
        Regex[] expressions = [new("said"), new("sai"), new("aid"), new("SAYS", RegexOptions.IgnoreCase), new("“quoted”")];
        var index = ScreenIndex.Build(expressions);
        var ids = index.IdsOf(expressions);
        bool[] Passing(string text)
        {
            var found = index.Find(text);
            return [.. ids.Select(id => index.MayMatch(id, text, found, mayHaveCaseOddities: false))];
        }

        Passing("she said “quoted” and says").ShouldBe([true, true, true, true, true]);
        Passing("a sail, an aide, she Says").ShouldBe([false, true, true, true, false]);
        Passing("nothing here").ShouldBe([false, false, false, false, false]);
    }

    [Fact]
    public void A_start_that_only_shares_its_code_with_a_string_is_not_taken_for_it()
    {
        // Codes are exact only for ASCII letters (and the space); a digit or a mark shares its code
        // with others, so a string with one in its first four is compared there too.
        var twin = Enumerable.Range(33, 94).Select(c => (char)c).First(c => c != '-' && ScreenIndex.Fold(c) == ScreenIndex.Fold('-'));
        var index = ScreenIndex.Build([new("ab12cd", RegexOptions.IgnoreCase), new("x-yzw", RegexOptions.IgnoreCase), new("said so", RegexOptions.IgnoreCase)]);
        index.Literals.Select(l => l.Text).ShouldBe(["ab12cd", "x-yzw", "said so"], ignoreOrder: true);
        foreach (var text in new[] { "AB34CD", $"X{twin}YZW", "AB12CD and x-Yzw", "SAID SO", "saidso" })
        {
            var found = index.Find(text);
            foreach (var literal in index.Literals)
            {
                found[literal.Id].ShouldBe(text.Contains(literal.Text, literal.Comparison), $"\"{literal.Text}\" in \"{text}\"");
            }
        }
    }

    [Fact]
    public void An_expression_the_index_was_not_built_from_has_no_screen()
    {
        var index = ScreenIndex.Build([new Regex("Reuters")]);
        index.IdsOf([new Regex("Reuters")]).ShouldBe([-1]);
        index.MayMatch(-1, "nothing here", index.Find("nothing here"), mayHaveCaseOddities: false).ShouldBeTrue();
    }
}

/// <summary>The one-pass search finds exactly what searching for each string on its own finds.</summary>
public sealed class ScreenIndexSearchTests
{
    [Fact]
    public void Every_character_an_ignore_case_comparison_takes_for_an_ascii_one_folds_as_that_one_does()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            for (var ascii = 0; ascii < 128; ascii++)
            {
                if (string.Equals(((char)c).ToString(), ((char)ascii).ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    ScreenIndex.Fold((char)c).ShouldBe(ScreenIndex.Fold((char)ascii), $"U+{c:X4} and U+{ascii:X4}");
                }
            }
        }
    }

    [Fact]
    public void Finds_what_a_search_for_each_string_finds()
    {
        Regex[] expressions =
        [
            new("said|says|stated", RegexOptions.IgnoreCase), new("Reuters"), new("AFP|AP\\b"), new("ing\\s"), new("\"|“"),
            new("sum(?:mary)?", RegexOptions.IgnoreCase), new("###"), new("don’t know", RegexOptions.IgnoreCase), new("Ärger"),
            new("k(?:ilo)?", RegexOptions.IgnoreCase), new("is\\s+said", RegexOptions.IgnoreCase), new("@[a-z]+\\.com"),
            new("don\\b", RegexOptions.IgnoreCase), new("–|—"), new(":", RegexOptions.IgnoreCase), new("[Aa]b[Cc]"),
        ];
        var index = ScreenIndex.Build(expressions);
        index.Count.ShouldBeGreaterThan(10);
        string[] pieces = ["said", "SAID", "ſaid", "sAıd", "ſAID", "Reuters", "reuters", "AP", "ing ", "ING", "\"", "“", "summary", "SUM", "##", "###", "don’t", "DON'T", "Ärger", "ärger", "kilo", "\u212Ailo", "@x.com", " ", "é", "1", "\n", "xx",
            "Don", "DON", "ſum", "dOn", ":", "—", "–", "aBc", "abC", "ABC", "do", "n"];
        var random = new Random(11);
        var found = 0;
        for (var t = 0; t < 3000; t++)
        {
            // Short texts as well as ones past a vector's width, where the single characters are searched for together.
            var text = string.Concat(Enumerable.Range(0, random.Next(1, t % 2 == 0 ? 8 : 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            var actual = index.Find(text);
            foreach (var literal in index.Literals)
            {
                var expected = text.Contains(literal.Text, literal.Comparison);
                actual[literal.Id].ShouldBe(expected, $"\"{literal.Text}\" ({literal.Comparison}) in \"{text}\"");
                found += expected ? 1 : 0;
            }
        }

        found.ShouldBeGreaterThan(3000);
    }
}

/// <summary>Characters searched for as plain characters even when the search ignores case.</summary>
public sealed class ScreenIndexCaselessTests
{
    [Fact]
    public void A_character_taken_as_caseless_has_no_case_and_is_no_other_characters_case()
    {
        // An ignore-case ordinal comparison compares the invariant culture's upper cases.
        var caseless = 0;
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var upper = char.ToUpperInvariant((char)c);
            if (ScreenIndex.IsCaseless((char)c))
            {
                caseless++;
                upper.ShouldBe((char)c, $"U+{c:X4}");
            }

            if (upper != c)
            {
                ScreenIndex.IsCaseless(upper).ShouldBeFalse($"U+{c:X4} is upper-cased to U+{(int)upper:X4}");
            }
        }

        caseless.ShouldBeGreaterThan(500);
        ScreenIndex.IsCaseless('k').ShouldBeFalse();
        ScreenIndex.IsCaseless('“').ShouldBeTrue();
    }
}
