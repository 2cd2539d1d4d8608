using System.Text;
using System.Text.RegularExpressions;
using Provenance.Articles;
using Provenance.Rules;
using Provenance.Tests;
using Provenance.Text;

namespace Provenance.Core.Tests.Text;

/// <summary>
/// The screen in front of every rule expression may only ever let too much through: a text an
/// expression matches must pass its screen, or a finding is silently lost.
/// </summary>
public sealed class RegexScreenTests
{
    [Theory]
    [InlineData(@"said|says", "said|says")]
    [InlineData(@"\baccording\s+to\s+(?:unnamed\s+)?sources", "according")]
    [InlineData(@"emphasi[sz]ed", "emphasised|emphasized")]
    [InlineData(@"colou?r", "color|colour")]
    [InlineData(@"(?i:Reporting) by", "reporting by")]
    [InlineData(@"\p{L}{4,}ing\b", "ing")]
    [InlineData(@"x{2}y", "xxy")]
    [InlineData(@"\.com(?![\w-])", ".com")]
    [InlineData(@"(?<![\p{L}.])(?<name>Mr\.|Dr\.)\s+\p{Lu}", "dr.|mr.")]
    [InlineData(@"[“""][^”""\n]{8,}?[”""]", "\"|“")]
    [InlineData(@"\u201Cquote", "“quote")]
    [InlineData(@"a*", null)]
    [InlineData(@"[a-z]+ing|\d", null)]
    [InlineData(@"(\w+) \1", null)]
    [InlineData(@"(?x) said ", null)]
    [InlineData(@"(?(x)a|b)", null)]
    [InlineData(@"[a-z-[aeiou]]x", null)]
    public void Finds_the_strings_every_match_contains(string pattern, string? expected)
    {
        var options = pattern.StartsWith("(?<!", StringComparison.Ordinal) || pattern.StartsWith("(?i", StringComparison.Ordinal)
            ? RegexOptions.None
            : RegexOptions.IgnoreCase;
        var screen = RegexScreen.For(new Regex(pattern, options | RegexOptions.CultureInvariant));
        if (expected is null)
        {
            screen.ShouldBeNull();
            return;
        }

        screen.ShouldNotBeNull();
        string.Join("|", screen.Literals.Select(l => l.ToLowerInvariant()).Order(StringComparer.Ordinal)).ShouldBe(expected);
    }

    [Fact]
    public void An_expression_that_needs_two_things_is_screened_by_both()
    {
        // A quote attribution needs a speech verb and a quote mark: a paragraph with "said" and no
        // quote (most of them) is turned away too.
        var regex = new Regex("\\b(?:said|says)\\b[^\"\\n]{0,40}[\"“][^\"”]{8,}[\"”]", RegexOptions.CultureInvariant);
        var screen = RegexScreen.For(regex);
        screen.ShouldNotBeNull();
        screen.Sets.Select(s => string.Join("|", s.Literals)).ShouldBe(["said|says", "\"|“"]);

        var passes = Screen(regex);
        passes("she said so, and says it again").ShouldBeFalse();
        passes("“A quote with no verb at all”").ShouldBeFalse();
        passes("she said “this is on the record”").ShouldBeTrue();
        regex.IsMatch("she said “this is on the record”").ShouldBeTrue();
    }

    [Theory]
    [InlineData(@"\((?:AFP|AP)\)", "(afp)|(ap)")]
    [InlineData(@"said.*said", "said")]
    [InlineData(@"believed\s+(?:it|so)\b", "believed")]
    public void A_second_set_is_left_out_when_the_first_implies_it_or_it_is_short_words(string pattern, string only)
    {
        var screen = RegexScreen.For(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase));
        screen.ShouldNotBeNull();
        screen.Sets.Select(s => string.Join("|", s.Literals)).ShouldBe([only]);
    }

    [Fact]
    public void Case_sensitive_expressions_are_screened_by_exact_case()
    {
        var screen = Screen(new Regex("Reuters", RegexOptions.CultureInvariant));
        screen("from Reuters").ShouldBeTrue();
        screen("from REUTERS").ShouldBeFalse();
        var ignoring = Screen(new Regex("Reuters", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase));
        ignoring("from REUTERS").ShouldBeTrue();
        ignoring("from Agence France-Presse").ShouldBeFalse();
    }

    [Fact]
    public void Text_with_letters_that_fold_oddly_always_passes_an_ignore_case_screen()
    {
        // Under ignore-case the Kelvin sign is a 'k' to .NET expressions.
        var regex = new Regex("kremlin", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        var text = "the \u212Aremlin said";
        regex.IsMatch(text).ShouldBeTrue();
        Screen(regex)(text).ShouldBeTrue();
        Screen(regex)("the kremlin said").ShouldBeTrue();
        Screen(regex)("the capital said").ShouldBeFalse();
    }

    [Fact]
    public void Ignore_case_strings_with_curly_quotes_are_screened_by_their_ascii_or_as_they_are()
    {
        var apostrophe = Screen(new Regex("don’t", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase));
        apostrophe("DON’T stop").ShouldBeTrue();
        apostrophe("we do not stop").ShouldBeFalse();
        var quote = Screen(new Regex("[“\"][^”\"]{8,}[”\"]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase));
        quote("he said “we will”").ShouldBeTrue();
        quote("he said \"we will\"").ShouldBeTrue();
        quote("he said we will").ShouldBeFalse();
    }

    [Fact]
    public void Screens_are_built_only_once_the_rule_set_has_analysed_many_blocks()
    {
        // A one-article check runs every expression on its few blocks rather than reading each one's syntax.
        var rules = WireRule();
        var article = TenBlocksOneWire();
        var findings = new List<int>();
        for (var i = 1; i <= 8; i++)
        {
            findings.Add(rules.Analyze(article, TestContext.Current.CancellationToken).Findings.Count());
            rules.ScreensBuilt.ShouldBe(i == 8, $"after article {i} of 10 blocks each");
        }

        findings.ShouldAllBe(count => count == 1, "screened or not, the same findings");
    }

    [Fact]
    public void Checks_on_many_threads_while_one_builds_the_screens_find_the_same_and_the_screens_get_built()
    {
        // Past the threshold one check builds the screens; checks on other threads meanwhile run unscreened.
        var rules = WireRule();
        var article = TenBlocksOneWire();
        var counts = new int[400];
        Parallel.For(0, counts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            counts[i] = rules.Analyze(article, TestContext.Current.CancellationToken).Findings.Count());

        counts.ShouldAllBe(count => count == 1, "screened or not, the same findings");
        rules.ScreensBuilt.ShouldBeTrue("the check that claimed the build finished it");
    }

    [Fact]
    public void One_long_article_is_screened_from_its_first_check()
    {
        // Unscreened, a lone 3 MB article took 10.6 s to check, screened 1.4 s.
        var rules = WireRule();
        var paragraph = string.Concat(Enumerable.Repeat("This paragraph has no wire service in it. ", 50));
        var article = Article.FromText(string.Join("\n\n", Enumerable.Range(1, 50).Select(i => i == 5 ? "Paragraph five came from Reuters." : paragraph)));

        rules.Analyze(article, TestContext.Current.CancellationToken).Findings.Count().ShouldBe(1);

        rules.ScreensBuilt.ShouldBeTrue("its 100,000 characters in 50 blocks are enough to repay the screens");
    }

    [Fact]
    public void Random_expressions_never_match_text_their_screen_rejects()
    {
        var screened = 0;
        var matched = 0;
        for (var seed = 1; seed <= 4000; seed++)
        {
            var random = new Random(seed);
            var pattern = Expression(random, depth: 3);
            var options = RegexOptions.CultureInvariant | (random.Next(2) == 0 ? RegexOptions.IgnoreCase : RegexOptions.None);
            Regex regex;
            try
            {
                regex = new Regex(pattern, options);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (RegexScreen.For(regex) is not { } found)
            {
                continue;
            }

            var screen = Screen(regex);
            screened++;
            for (var i = 0; i < 40; i++)
            {
                var text = RandomText(random);
                if (regex.IsMatch(text))
                {
                    matched++;
                    screen(text).ShouldBeTrue($"seed {seed}: /{pattern}/ ({options}) matches \"{text}\" but its screen [{string.Join(", ", found.Literals)}] rejects it");
                }
            }
        }

        // The property says something only if many expressions were screened and matched.
        screened.ShouldBeGreaterThan(1000);
        matched.ShouldBeGreaterThan(10000);
    }

    [Fact]
    public void Default_rule_expressions_screened_together_pass_every_text_they_match()
    {
        // One index of all the default expressions, as a run builds it: their strings are searched together.
        var rules = DefaultRules.LoadRuleSet();
        var expressions = rules.Rules.SelectMany(r => r.Expressions.Select(e => (r.Id, Expression: e))).ToList();
        var index = ScreenIndex.Build(expressions.Select(e => e.Expression));
        var ids = index.IdsOf([.. expressions.Select(e => e.Expression)]);

        // An expression's first match compiles its generated code, and the match timeout counts
        // that: in a loaded run of the whole suite one first match passed the two seconds
        // (200 ms on a quiet machine). Each is run once on a real paragraph before the texts.
        var warm = File.ReadAllText(RepoPaths.Sample("gaza-second-phase-blog.txt"));
        foreach (var (_, expression) in expressions)
        {
            try
            {
                expression.IsMatch(warm);
            }
            catch (RegexMatchTimeoutException)
            {
                // Compiled now; the texts below are matched under the timeout as a run matches them.
            }
        }

        var (matches, rejected) = (0, 0);
        foreach (var text in SampleTexts().Concat(["Officials ſaid so", "the \u212Aremlin said", "ACCORDING TO sources", "ıt was reported"]))
        {
            var found = index.Find(text);
            for (var i = 0; i < expressions.Count; i++)
            {
                var passes = index.MayMatch(ids[i], text, found, mayHaveCaseOddities: true);
                if (expressions[i].Expression.IsMatch(text))
                {
                    matches++;
                    passes.ShouldBeTrue($"{expressions[i].Id}: /{expressions[i].Expression}/ matches a text its screen rejects:\n{text}");
                }
                else if (!passes)
                {
                    rejected++;
                }
            }
        }

        ids.Count(id => id >= 0).ShouldBeGreaterThan(50);
        matches.ShouldBeGreaterThan(300);

        // Screens that let everything through would pass too; most texts are turned away by most screens.
        rejected.ShouldBeGreaterThan(10000);
    }

    // One pattern rule for "Reuters", and an article of ten blocks with it in the fifth.
    private static RuleSet WireRule() => RuleSetLoader.Load([new RuleSource("test.rules.json", """
            { "name": "test", "version": "1.0.0", "rules": [
              { "id": "PRV9001", "kind": "pattern", "title": "Wire", "messageFormat": "{0}", "category": "Test", "defaultSeverity": "info", "patterns": ["Reuters"] } ] }
            """)]);

    private static Article TenBlocksOneWire() => Article.FromText(string.Join("\n\n", Enumerable.Range(1, 10).Select(i => i == 5 ? "Paragraph five came from Reuters." : $"Paragraph {i} has no wire service.")));

    // An index of one expression, as a question about a text.
    private static Func<string, bool> Screen(Regex regex)
    {
        var index = ScreenIndex.Build([regex]);
        var id = index.IdsOf([regex])[0];
        id.ShouldBeGreaterThanOrEqualTo(0, $"/{regex}/ has no screen");
        return text => index.MayMatch(id, text, index.Find(text), mayHaveCaseOddities: true);
    }

    // Every block of the samples, of the real HTML test pages and of every rule's examples, and the examples whole.
    internal static IEnumerable<string> SampleTexts()
    {
        var pages = Path.Combine(RepoPaths.Root, "tests", "data", "third_party", "html-testpages", "pages");
        foreach (var file in Directory.GetFiles(RepoPaths.Samples).Concat(Directory.GetFiles(pages, "source.html", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
        {
            var format = Path.GetExtension(file) switch { ".md" => ArticleFormat.Markdown, ".html" => ArticleFormat.Html, _ => ArticleFormat.Text };
            foreach (var block in Article.Read(File.ReadAllText(file), format, file).Blocks)
            {
                yield return block.Text;
            }
        }

        foreach (var rule in DefaultRules.LoadRuleSet().Rules)
        {
            foreach (var markup in rule.Examples.Fires.Concat(rule.Examples.Quiet))
            {
                var (text, _) = TestMarkup.Parse(markup);
                yield return text;
                foreach (var block in Article.Read(text, RuleExamples.FormatOf(text)).Blocks)
                {
                    yield return block.Text;
                }
            }
        }
    }

    internal static string Expression(Random random, int depth)
    {
        // Curly quotes: characters without case outside ASCII, which ignore-case screens search apart.
        string[] atoms = ["a", "b", "c", "A", "B", " ", @"\.", ".", @"\s", @"\w", "[ab]", "[^a]", "[a-c]", "[Bc]", @"\b", "^", "$", "’", "“"];
        if (depth == 0 || random.Next(4) == 0)
        {
            return atoms[random.Next(atoms.Length)];
        }

        var inner = Expression(random, depth - 1);
        return random.Next(12) switch
        {
            0 => inner + Expression(random, depth - 1),
            1 => inner + Expression(random, depth - 1) + Expression(random, depth - 1),
            2 => $"(?:{inner}|{Expression(random, depth - 1)})",
            3 => $"({inner}|{Expression(random, depth - 1)})",
            4 => $"(?<n>{inner})",
            5 => $"(?:{inner}){new[] { "*", "+", "?", "{2}", "{1,2}", "{0,}", "*?", "+?", "??", "{2,3}?" }[random.Next(10)]}",
            6 => $"(?={inner})",
            7 => $"(?!{inner})",
            8 => $"(?<={inner})",
            9 => $"(?<!{inner})",
            10 => $"(?i:{inner})",
            _ => inner + inner,
        };
    }

    internal static string RandomText(Random random)
    {
        const string alphabet = "abcAB .’“";
        var text = new StringBuilder();
        var length = random.Next(0, 12);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }
}
