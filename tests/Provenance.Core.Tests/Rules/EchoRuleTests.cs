using System.Text;
using System.Text.RegularExpressions;
using Provenance.Rules;
using Provenance.Rules.Kinds;

namespace Provenance.Core.Tests.Rules;

/// <summary>
/// The <c>echo</c> kind: a word ending in <c>ending</c> whose stem comes back with a suffix. It is
/// held to the regular expression it replaces (PRV6003 was a pattern rule with a back-reference)
/// on seeded random text, so that the kind finds what the expression found.
/// </summary>
public sealed class EchoRuleTests
{
    private const string Keys = """
        "kind": "echo", "ending": "ing", "minStem": 4, "wordsBetween": 1,
        "suffixes": ["ation", "ations", "ement", "ements", "ment", "ments", "ion", "ions", "er", "ers", "e"]
        """;

    // PRV6003's expression before it became an echo rule: what the kind must find.
    private static readonly Regex Expression = new(
        @"\b(?<stem>\p{L}{4,})ing\s+(?:\p{L}+\s+)?\k<stem>(?:ation|ations|ement|ements|ment|ments|ion|ions|er|ers|e)\b",
        RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.IgnoreCase);

    [Fact]
    public void A_stem_that_comes_back_as_the_next_word_or_the_one_after_fires()
    {
        var rules = TestPacks.One(Keys);
        RuleVerifier.Verify("PRV9001", "Partners are {|PRV9001:mediating mediation|} efforts and {|PRV9001:managing crisis management|}.", rules);
        RuleVerifier.Verify("PRV9001", "Keep {|PRV9001:PROCESSING Processions|} apart: {|PRV9001:building \u00A0builder|}.", rules);
        RuleVerifier.Verify("PRV9001", "{|PRV9001:testing tested testers|} again.", rules);
    }

    [Fact]
    public void Words_that_only_look_alike_stay_quiet()
    {
        var rules = TestPacks.One(Keys);

        // Too short a stem, a stem inside a longer word, the echo two words away, a suffix not
        // listed or followed by more of the word, the ending not closing its word.
        RuleVerifier.Verify("PRV9001", "Doing done. Sing singer.", rules);
        RuleVerifier.Verify("PRV9001", "Re_managing management and 4managing management.", rules);
        RuleVerifier.Verify("PRV9001", "Managing the crisis management team.", rules);
        RuleVerifier.Verify("PRV9001", "Managing manageable teams, managing managements9 and managing management_plans.", rules);
        RuleVerifier.Verify("PRV9001", "The managing-management split; managings managements.", rules);
    }

    [Fact]
    public void Words_between_are_counted_and_the_most_are_tried_first()
    {
        RuleVerifier.Verify("PRV9001", "{|PRV9001:managing the crisis management|}.", TestPacks.One(Keys.Replace("\"wordsBetween\": 1", "\"wordsBetween\": 2", StringComparison.Ordinal)));
        RuleVerifier.Verify("PRV9001", "{|PRV9001:managing management|} management.", TestPacks.One(Keys.Replace("\"wordsBetween\": 1", "\"wordsBetween\": 0", StringComparison.Ordinal)));

        // With a word between allowed, the longer reading wins, as the expression's greedy group does.
        RuleVerifier.Verify("PRV9001", "{|PRV9001:managing management management|}.", TestPacks.One(Keys));
    }

    [Fact]
    public void Case_counts_when_the_rule_says_so()
    {
        var rules = TestPacks.One(Keys + """, "caseSensitive": true""");
        RuleVerifier.Verify("PRV9001", "Managing management; MANAGING management; {|PRV9001:Managing Management|}.", rules);
    }

    [Fact]
    public void The_message_has_the_phrase_and_the_stem()
    {
        var rules = TestPacks.One(Keys, messageFormat: "{0} / {1}");
        var finding = rules.Analyze(Provenance.Articles.Article.FromText("By mediating mediation efforts."), TestContext.Current.CancellationToken).Findings.Single();
        finding.Message.ShouldBe("mediating mediation / mediat");
    }

    [Fact]
    public void Endings_and_suffixes_must_be_letters_and_both_are_required()
    {
        var bad = Errors("""{ "kind": "echo", "ending": "ing ", "suffixes": ["ion", "e-"] }""");
        bad.ShouldContain("$.rules[0].ending: expected letters only, found \"ing \": the ending closes a word");
        bad.ShouldContain("$.rules[0].suffixes[1]: expected letters only, found \"e-\": a suffix closes the echoing word");

        var missing = Errors("""{ "kind": "echo" }""");
        missing.ShouldBe(["$.rules[0]: missing required key 'ending'", "$.rules[0]: missing required key 'suffixes'"]);

        Errors("""{ "kind": "echo", "ending": "ing", "suffixes": ["e"], "patterns": ["x"] }""").ShouldContain(e => e.Contains("patterns", StringComparison.Ordinal));
        Errors("""{ "kind": "echo", "ending": "ing", "suffixes": ["e"], "wordsBetween": 9 }""").ShouldContain(e => e.StartsWith("$.rules[0].wordsBetween:", StringComparison.Ordinal));
    }

    private static List<string> Errors(string kindKeys) =>
        [.. Should.Throw<Provenance.Json.JsonLoadException>(() => TestPacks.One(kindKeys)).Errors.Select(e => $"{e.JsonPath}: {e.Message}")];

    [Fact]
    public void Word_characters_letters_and_white_space_are_what_the_expression_takes()
    {
        // The kind reads \b, \p{L} and \s by hand; every UTF-16 unit must be judged as the
        // expression engine judges it.
        var boundary = new Regex(@"a\B", RegexOptions.CultureInvariant);
        var letter = new Regex(@"^\p{L}$", RegexOptions.CultureInvariant);
        var space = new Regex(@"^\s$", RegexOptions.CultureInvariant);
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var s = c.ToString();
            EchoRule.IsWordChar(c).ShouldBe(boundary.IsMatch("a" + s), $"U+{i:X4} as a word character");
            char.IsLetter(c).ShouldBe(letter.IsMatch(s), $"U+{i:X4} as a letter");
            char.IsWhiteSpace(c).ShouldBe(space.IsMatch(s), $"U+{i:X4} as white space");
        }
    }

    [Fact]
    public void It_finds_what_the_expression_found_in_random_text()
    {
        var rule = (EchoRule)TestPacks.One(Keys).Rules.Single();
        string[] words =
        [
            "managing", "Managing", "MANAGING", "management", "Management", "manager", "managers", "manage", "managements",
            "mediating", "mediation", "mediations", "mediate", "processing", "procession", "process", "building", "builder",
            "testing", "tester", "doing", "singing", "singer", "thing", "the", "crisis", "a", "of", "ing", "ingment",
            "résuming", "résumer", "RÉSUMER", "straßing", "strasser", "ſtating", "ſtatement", "statement", "naïving", "naïve",
            "1", "4managing", "re_managing", "x", "é", "ation", "ement",
        ];
        string[] gaps = [" ", " ", " ", "  ", "\n", "\t", "\u00A0", "\u2003", ", ", ". ", "-", "_", "", "\u0301", "\u200D", "’", "\n\n"];
        var mismatches = new List<string>();
        for (var seed = 1; seed <= 3000 && mismatches.Count < 5; seed++)
        {
            var random = new Random(seed);
            var text = new StringBuilder();
            var count = random.Next(2, 14);
            for (var i = 0; i < count; i++)
            {
                text.Append(random.Next(10) == 0 ? RandomWord(random) : words[random.Next(words.Length)]);
                text.Append(gaps[random.Next(gaps.Length)]);
            }

            var input = text.ToString();
            var expected = string.Join(" ", Expression.Matches(input).Select(m => $"{m.Index}+{m.Length}"));
            var actual = string.Join(" ", Echoes(rule, input));
            if (expected != actual)
            {
                mismatches.Add($"seed {seed}: \"{input}\" expression [{expected}] echo [{actual}]");
            }
        }

        mismatches.ShouldBeEmpty();
    }

    private static IEnumerable<string> Echoes(EchoRule rule, string text)
    {
        for (var from = 0; rule.Next(text, from) is { } echo; from = echo.End)
        {
            yield return $"{echo.Start}+{echo.End - echo.Start}";
        }
    }

    private static string RandomWord(Random random)
    {
        const string letters = "abcdeimnogtrsAIMNGÉéß";
        var word = new StringBuilder();
        for (var i = random.Next(1, 9); i > 0; i--)
        {
            word.Append(letters[random.Next(letters.Length)]);
        }

        return random.Next(2) == 0 ? word + "ing" : word.ToString();
    }
}
