using System.Text.RegularExpressions;
using Provenance.Text;

namespace Provenance.Core.Tests.Text;

/// <summary>
/// The screens searched together answer exactly as each screen alone: the index only changes how
/// often a block is scanned, never what passes.
/// </summary>
public sealed class ScreenIndexTests
{
    [Fact]
    public void The_default_expressions_screened_together_answer_as_each_screen_alone()
    {
        var expressions = DefaultRules.LoadRuleSet().Rules.SelectMany(r => r.Expressions).ToList();
        var index = ScreenIndex.Build(expressions);
        var ids = index.IdsOf(expressions);
        var screens = expressions.Select(RegexScreen.For).ToList();
        index.Count.ShouldBeGreaterThan(100);
        var (passed, rejected) = (0, 0);
        foreach (var text in RegexScreenTests.SampleTexts().Concat(Oddities()))
        {
            var found = index.Find(text);
            for (var i = 0; i < expressions.Count; i++)
            {
                var expected = screens[i]?.MayMatch(text) ?? true;
                index.MayMatch(ids[i], text, found, mayHaveCaseOddities: true).ShouldBe(expected, $"/{expressions[i]}/ on \"{text}\"");
                _ = expected ? passed++ : rejected++;
            }
        }

        // Both answers are exercised many times over.
        passed.ShouldBeGreaterThan(1000);
        rejected.ShouldBeGreaterThan(10000);
    }

    [Fact]
    public void Random_expressions_screened_together_answer_as_each_screen_alone()
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
        var screens = expressions.Select(RegexScreen.For).ToList();
        var checkedScreens = 0;
        for (var t = 0; t < 400; t++)
        {
            var text = RegexScreenTests.RandomText(random);
            var found = index.Find(text);
            for (var i = 0; i < expressions.Count; i++)
            {
                if (screens[i] is { } screen)
                {
                    checkedScreens++;
                    index.MayMatch(ids[i], text, found, mayHaveCaseOddities: true).ShouldBe(screen.MayMatch(text), $"/{expressions[i]}/ ({expressions[i].Options}) on \"{text}\"");
                }
            }
        }

        checkedScreens.ShouldBeGreaterThan(10000);
    }

    [Fact]
    public void An_expression_the_index_was_not_built_from_has_no_screen()
    {
        var index = ScreenIndex.Build([new Regex("Reuters")]);
        index.IdsOf([new Regex("Reuters")]).ShouldBe([-1]);
        index.MayMatch(-1, "nothing here", index.Find("nothing here"), mayHaveCaseOddities: false).ShouldBeTrue();
    }

    // Letters whose case folds to ASCII ('ſ' to 'S', 'ı' to 'I') and signs that fold oddly.
    private static IEnumerable<string> Oddities() =>
        ["Officials ſaid so", "the \u212Aremlin said", "ACCORDING TO sources", "according to ſources", "He SAID “no”", "ıt was reported"];
}
