using System.Text;
using Provenance.Articles;
using Provenance.Rules;
using Provenance.Rules.Kinds;

namespace Provenance.Core.Tests.Rules;

/// <summary>
/// A lexicon searches a block for its phrases' first words and tries its alternation only where
/// one starts. That must find exactly what the alternation's own search finds, for every default
/// lexicon and for phrases of every shape, and fall back to it where an ordinal search would miss
/// a start.
/// </summary>
public sealed class LexiconRuleTests
{
    [Fact]
    public void Searching_for_first_words_finds_what_the_expression_finds()
    {
        var lexicons = DefaultRules.LoadRuleSet().Rules.OfType<LexiconRule>().ToList();
        lexicons.Count.ShouldBeGreaterThan(3);
        var custom = TestPacks.One("""{ "kind": "lexicon", "phrases": ["a testament to", "In summary,", "Don’t miss", "x", "co-founder said", "##"], "wholeWord": false }""")
            .Rules.OfType<LexiconRule>();
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var rule in lexicons.Concat(custom))
        {
            var random = new Random(rule.Id.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
            foreach (var text in Texts(rule, random))
            {
                var byStarts = Matches(rule, text, byStarts: true);
                var plain = Matches(rule, text, byStarts: false);
                compared += plain.Count;
                if (!byStarts.SequenceEqual(plain) && mismatches.Count < 5)
                {
                    mismatches.Add($"{rule.Id} \"{text}\": expression [{string.Join(", ", plain)}], first words [{string.Join(", ", byStarts)}]");
                }
            }
        }

        mismatches.ShouldBeEmpty();

        // The comparison says something only if the texts held many phrases.
        compared.ShouldBeGreaterThan(1500);
    }

    [Fact]
    public void An_article_with_a_letter_that_folds_oddly_is_searched_by_the_expression()
    {
        // To an ignore-case expression the Kelvin sign is a k; to an ordinal search it is not.
        var rules = TestPacks.One("""{ "kind": "lexicon", "phrases": ["Kindly share"] }""");
        RuleVerifier.Verify("PRV9001", "Title\n\nPlease {|PRV9001:\u212Aindly share|} this. {|PRV9001:kindly share|} it.", rules);
        RuleVerifier.Verify("PRV9001", "Title\n\nPlease {|PRV9001:KINDLY  share|} this, unkindly share it.", rules);
    }

    [Fact]
    public void The_common_and_rare_spaces_are_all_the_white_space_a_phrase_space_matches()
    {
        // A character \s takes but neither list holds would let the search by first words miss a phrase.
        var space = new System.Text.RegularExpressions.Regex(@"\s", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        var all = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => space.IsMatch(c.ToString())).ToList();
        all.ShouldBe([.. Provenance.Text.PhraseSpaces.Common.Concat(Provenance.Text.PhraseSpaces.Rare).Order()], ignoreOrder: true);
        Provenance.Text.PhraseSpaces.Common.Intersect(Provenance.Text.PhraseSpaces.Rare).ShouldBeEmpty();
        all.Count(c => Provenance.Text.PhraseSpaces.ContainsRare(c.ToString())).ShouldBe(Provenance.Text.PhraseSpaces.Rare.Length);
    }

    private static List<string> Matches(LexiconRule rule, string text, bool byStarts)
    {
        var found = new List<string>();
        var odd = Provenance.Text.PhraseSpaces.ContainsRare(text);
        for (var match = rule.Next(text, 0, byStarts, odd); match is not null; match = rule.Next(text, match.Index + Math.Max(1, match.Length), byStarts, odd))
        {
            found.Add($"{match.Index}+{match.Length}");
        }

        return found;
    }

    // Each phrase in random case and spacing, run into words, digits, marks and other phrases.
    private static IEnumerable<string> Texts(LexiconRule rule, Random random)
    {
        string[] glue = [" ", "", "\n", "  ", "x", "9", "_", ".", "é", "\u00A0", "’", "-", "\t"];

        // Between a phrase's words: each kind of white space its first words are searched with,
        // and some they are not (a no-break space, a thin space, a form feed).
        string[] spaces = [" ", "", "\n", "  ", "\t", "\r\n", "\u00A0", "\u2009", "\f"];
        for (var i = 0; i < 300; i++)
        {
            var text = new StringBuilder();
            for (var j = random.Next(1, 6); j > 0; j--)
            {
                var phrase = rule.Phrases[random.Next(rule.Phrases.Length)];
                foreach (var c in phrase)
                {
                    text.Append(c == ' ' ? spaces[random.Next(spaces.Length)] : random.Next(4) == 0 ? char.ToUpperInvariant(c) : random.Next(4) == 0 ? char.ToLowerInvariant(c) : c);
                }

                text.Append(glue[random.Next(glue.Length)]);
                if (random.Next(3) == 0)
                {
                    text.Append(phrase.AsSpan(0, random.Next(phrase.Length)));
                }
            }

            yield return text.ToString();
        }
    }
}
