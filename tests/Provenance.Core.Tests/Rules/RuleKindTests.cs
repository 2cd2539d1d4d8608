using Provenance.Articles;
using Provenance.Outlets;
using Provenance.Rules;
using Provenance.Tests;

namespace Provenance.Core.Tests.Rules;

/// <summary>
/// The semantics of each rule kind and of the shared keys (scope, where, exceptions), with small
/// packs written for the test so that the default packs can change without weakening these checks.
/// </summary>
public sealed class RuleKindTests
{
    private static readonly Lazy<OutletRegistry> Registry = new(DefaultRules.LoadOutletRegistry);

    [Fact]
    public void Outlet_weak_aliases_count_only_in_an_attribution_context()
    {
        var cited = Pack("""{ "kind": "outlet", "match": "names" }""");
        var attributed = Pack("""{ "kind": "outlet", "before": ["according\\s+to"], "after": ["reported"] }""");
        RuleVerifier.Verify("PRV9001", "The senator walked up The Hill and met {|PRV9001:Reuters|} reporters.", cited);
        RuleVerifier.Verify("PRV9001", "The plan, {|PRV9001:according to The Hill|}, is ready. {|PRV9001:Reuters reported|} it too.", attributed);
        RuleVerifier.Verify("PRV9001", "The senator walked up The Hill.", attributed);
    }

    [Fact]
    public void Outlet_domains_resolve_subdomains_and_urls()
    {
        var rules = Pack("""{ "kind": "outlet", "match": "domains" }""", messageFormat: "{3}");
        var findings = Analyze(rules, "See https://edition.cnn.com/2024/story and www.apnews.com and write to desk@reuters.com.");
        findings.Select(f => f.Message).ShouldBe(["CNN", "Associated Press"]);
    }

    [Fact]
    public void Outlet_reliability_filters_choose_which_outlets_fire()
    {
        var unreliable = Pack("""{ "kind": "outlet", "reliability": ["deprecated", "generally_unreliable"] }""");
        RuleVerifier.Verify("PRV9001", "Reuters and {|PRV9001:Breitbart News|} both ran it; so did {|PRV9001:infowars.com|}.", unreliable);
    }

    [Fact]
    public void Outlet_unknown_names_are_credited_only_after_the_context()
    {
        var rules = Pack("""{ "kind": "outlet", "before": ["original\\s+source\\s*:"], "includeUnknown": true }""", messageFormat: "{0}: {1}");
        var finding = Analyze(rules, "Body text here.\n\nOriginal Source: Example Gazette").Single();
        finding.Message.ShouldBe("Example Gazette: not rated by any source the registry draws on");
        Analyze(rules, "The Example Gazette wrote about it.").ShouldBeEmpty();
    }

    [Fact]
    public void Proximity_needs_both_matches_in_one_sentence_and_in_order_when_asked()
    {
        var any = Pack("""{ "kind": "proximity", "first": ["\\bquote\\b"], "second": ["\\bofficial\\b"] }""");
        var ordered = Pack("""{ "kind": "proximity", "first": ["\\bquote\\b"], "second": ["\\bofficial\\b"], "order": "first-then-second" }""");
        var near = Pack("""{ "kind": "proximity", "first": ["\\bquote\\b"], "second": ["\\bofficial\\b"], "maxDistance": 5 }""");
        RuleVerifier.Verify("PRV9001", "A {|PRV9001:quote from an official|}. An official. A quote.", any);
        RuleVerifier.Verify("PRV9001", "An official gave a quote.", ordered);
        RuleVerifier.Verify("PRV9001", "A {|PRV9001:quote, official|}. A quote from the senior official.", near);
    }

    [Fact]
    public void Proximity_keeps_a_multi_sentence_quote_with_its_speaker()
    {
        var rules = Pack("""{ "kind": "proximity", "first": ["“[^”]+”"], "second": ["said an official"] }""");
        RuleVerifier.Verify("PRV9001", "{|PRV9001:“We are done. It is over,” said an official|}.", rules);
    }

    [Fact]
    public void Count_fires_once_when_signals_reach_the_threshold_unless_another_signal_is_present()
    {
        var rules = Load(
            """{ "id": "PRV9001", "kind": "lexicon", "title": "t", "messageFormat": "{0}", "category": "c", "defaultSeverity": "info", "signal": "anon", "phrases": ["a source said"] }""",
            """{ "id": "PRV9002", "kind": "lexicon", "title": "t", "messageFormat": "{0}", "category": "c", "defaultSeverity": "info", "signal": "named", "phrases": ["Maria Lopez said"] }""",
            """{ "id": "PRV9003", "kind": "count", "title": "t", "messageFormat": "{0} anonymous", "category": "c", "defaultSeverity": "info", "signals": ["anon"], "atLeast": 2, "atMost": 3, "unlessSignals": ["named"] }""");
        Analyze(rules, "A source said so. A source said more.").Where(f => f.RuleId == "PRV9003").Select(f => f.Message).ShouldBe(["2 anonymous"]);
        Analyze(rules, "A source said so.").ShouldNotContain(f => f.RuleId == "PRV9003");
        Analyze(rules, "A source said so. A source said more. A source said. A source said.").ShouldNotContain(f => f.RuleId == "PRV9003");
        Analyze(rules, "A source said so. A source said more. Maria Lopez said no.").ShouldNotContain(f => f.RuleId == "PRV9003");
    }

    [Fact]
    public void Absence_with_min_words_judges_only_an_article_with_that_much_text_outside_its_headline()
    {
        // A stub of a page ("The document has moved here.") shows no sources because it shows nothing.
        var rules = Load("""{ "id": "PRV9001", "kind": "absence", "title": "t", "messageFormat": "{0}", "category": "c", "defaultSeverity": "info", "unlessSignals": ["named"], "minWords": 12 }""");
        Analyze(rules, "Moved\n\nThe document has moved here.").ShouldBeEmpty();
        Analyze(rules, "Budget\n\nThe council met on Monday and agreed on a budget that cuts the library and the pool.").ShouldHaveSingleItem();

        // Twelve words of body, not counting the headline's.
        Analyze(rules, "A headline of several words here\n\nOne two three four five six seven eight nine ten eleven.").ShouldBeEmpty();
        Analyze(rules, "A headline of several words here\n\nOne two three four five six seven eight nine ten eleven twelve.").ShouldHaveSingleItem();

        // Chinese writes no spaces between words: a paragraph of twelve clauses is no stub.
        Analyze(rules, "标题\n\n" + string.Concat(Enumerable.Repeat("市议会周一开会，", 12))).ShouldHaveSingleItem();
    }

    [Fact]
    public void Absence_leaves_short_blocks_of_page_furniture_out_of_its_words()
    {
        // A cartoon page of the dev articles (00275): a caption, a credit line, the site's disclaimer
        // and a newsletter prompt. Without the disclaimer and the prompt it has 27 words: no article.
        var rules = Load(
            Rule("PRV9001", """{ "kind": "pattern", "patterns": ["\\bby\\s+entering\\s+your\\s+email\\s+address"], "signal": "debris" }"""),
            Rule("PRV9002", """{ "kind": "pattern", "patterns": ["\\bThe\\s+views\\s+expressed\\s+in\\s+this\\s+opinion\\s+article"], "signal": "label" }"""),
            Rule("PRV9003", """{ "kind": "absence", "unlessSignals": ["named"], "minWords": 50, "furniture": ["debris", "label"] }"""));
        const string Caption = "Speaking of Hillary’s basket of deplorables, what about her basket of disposables in Benghazi?\n\nSee this and more of A.F. Branco’s political cartoons at Comically Incorrect";
        const string Furniture = "\n\nThe views expressed in this opinion article are solely those of their author and are not necessarily either shared or endorsed by EagleRising.com\n\nGet your daily dose of Eagle Rising by entering your email address below.";
        Analyze(rules, "Basket Case\n\n" + Caption + Furniture).Select(f => f.RuleId).ShouldNotContain("PRV9003");

        // The same furniture under an article of its own is counted out, and the article still judged.
        const string Story = "\n\nThe council met on Monday and agreed on a budget that cuts the library and the pool. Residents were told the library would close two days a week, and that the pool would not open this summer at all.";
        Analyze(rules, "Basket Case\n\n" + Caption + Story + Furniture).Select(f => f.RuleId).ShouldContain("PRV9003");

        // A long block is the article's own text whatever furniture it holds: copy whose paragraph
        // breaks were lost keeps the prompt inside its one paragraph.
        var oneBlock = "Basket Case\n\n" + (Caption + Furniture).Replace("\n\n", " ", StringComparison.Ordinal);
        Analyze(rules, oneBlock).Select(f => f.RuleId).ShouldContain("PRV9003");

        // Furniture that is a small part of a short paragraph takes out its own words only: a label
        // opening the lead paragraph leaves the paragraph counted.
        const string Labelled = "Budget\n\nThe views expressed in this opinion article follow: the council met on Monday and agreed on a budget that cuts the library and the pool.\n\nResidents were told the library would close two days a week, and that the pool would not open this summer. Several people at the meeting asked why the savings could not come from elsewhere.";
        Analyze(rules, Labelled).Select(f => f.RuleId).ShouldContain("PRV9003");

        // Without the key the furniture counts, as before.
        var plain = Load(Rule("PRV9001", """{ "kind": "pattern", "patterns": ["\\bby\\s+entering"], "signal": "debris" }"""), Rule("PRV9003", """{ "kind": "absence", "unlessSignals": ["named"], "minWords": 50 }"""));
        Analyze(plain, "Basket Case\n\n" + Caption + Furniture).Select(f => f.RuleId).ShouldContain("PRV9003");
    }

    [Fact]
    public void Absence_counts_a_furniture_block_once_however_many_findings_it_holds()
    {
        // A newsletter prompt of 15 words under a story of exactly 50: two findings in the prompt,
        // the first a small part of it, the second most of it. The prompt is furniture once (15
        // words), so the story's 50 are an article; counted twice (its first finding's words, then
        // the whole block), the story fell short of the rule's 50.
        var rules = Load(
            Rule("PRV9001", """{ "kind": "pattern", "patterns": ["(?i)\\bby\\s+entering\\s+your\\s+email\\s+address"], "signal": "debris" }"""),
            Rule("PRV9002", """{ "kind": "pattern", "patterns": ["\\bget\\s+your\\s+daily\\s+dose\\s+of\\s+Eagle\\s+Rising\\s+news"], "signal": "label" }"""),
            Rule("PRV9003", """{ "kind": "absence", "unlessSignals": ["named"], "minWords": 50, "furniture": ["debris", "label"] }"""));
        const string Story = "The council met on Monday and agreed on a budget that cuts the library and the pool. Residents were told the library would close two days a week and that the pool would not open this summer. Several people asked why the savings could not come from the roads budget.";
        const string Prompt = "By entering your email address below you get your daily dose of Eagle Rising news.";
        var found = Analyze(rules, $"Budget\n\n{Story}\n\n{Prompt}").Select(f => f.RuleId).ToList();
        found.ShouldContain("PRV9001");
        found.ShouldContain("PRV9002");
        found.ShouldContain("PRV9003");

        // One word fewer in the story and it is no article.
        Analyze(rules, $"Budget\n\n{Story.Replace(" roads", "", StringComparison.Ordinal)}\n\n{Prompt}").Select(f => f.RuleId).ShouldNotContain("PRV9003");
    }

    [Fact]
    public void Language_fires_on_text_not_in_English_and_its_signal_keeps_an_absence_quiet()
    {
        // The sourcing rules read English words: in Le Monde's French they find nothing, which says
        // nothing about whether the article names its sources (../shared/data/html-testpages, lemonde-1).
        var rules = Load(
            Rule("PRV9001", """{ "kind": "language", "expected": "en", "signal": "not-english" }"""),
            Rule("PRV9002", """{ "kind": "absence", "unlessSignals": ["named", "not-english"] }"""));
        const string French = "Les députés ont, sans surprise, adopté à une large majorité (438 contre 86 et 42 abstentions) le projet de loi sur le renseignement défendu par le gouvernement lors d’un vote solennel, mardi 5 mai. Il sera désormais examiné par le Sénat, puis le Conseil constitutionnel, prochainement saisi par 75 députés. Dans un souci d'apaisement, François Hollande avait annoncé par avance qu'il saisirait les Sages.";
        const string English = "Pak died of natural causes in her home Sunday morning. Friends and family said she seemed healthy after spending several months in China after a kidney transplant. Pak never held elective office, but as the longtime consultant to the Chinese Chamber of Commerce, she helped raise money for preferred politicians and backed projects that benefited Chinatown's residents.";
        Analyze(rules, "Loi sur le renseignement\n\n" + French).Select(f => f.RuleId).ShouldBe(["PRV9001"]);
        Analyze(rules, "Rose Pak dies at 68\n\n" + English).Select(f => f.RuleId).ShouldBe(["PRV9002"]);

        // A French statement quoted in an English story leaves it English, and English quoted in a
        // French one leaves that French: the narrator's words decide, where the verbs of saying are.
        var quotedFrench = "Rose Pak dies at 68\n\n" + English + " One deputy wrote: « " + French + " »";
        Analyze(rules, quotedFrench).Select(f => f.RuleId).ShouldBe(["PRV9002"]);
        Analyze(rules, "Loi sur le renseignement\n\n" + French + " Un député a écrit : « " + English + " »").Select(f => f.RuleId).ShouldBe(["PRV9001"]);

        // Under 40 words, numbers left out, cannot be told and is taken as English; 40 can.
        var words = French.Split(' ');
        Analyze(rules, "Titre\n\n" + string.Join(' ', words.Where(w => !char.IsAsciiDigit(w[0]) && !w.StartsWith('(')).Take(39)) + " 1 2 3 4 5 6 7 8 9.").Select(f => f.RuleId).ShouldBe(["PRV9002"]);
        Analyze(rules, "Titre\n\n" + string.Join(' ', words.Where(w => !char.IsAsciiDigit(w[0]) && !w.StartsWith('(')).Take(40)) + ".").Select(f => f.RuleId).ShouldBe(["PRV9001"]);

        // Copy set in capitals is English too (dev article 00714, a rant that names no source).
        const string Capitals = "MUSLIMS MUST UNDERSTAND THAT THEY MUST ADAPT TO CANADA, ITS CUSTOMS, ITS TRADITIONS, ITS WAY OF LIFE, BECAUSE IT WAS THE COUNTRY THAT WAS CHOSEN TO EMIGRATE.\n\nYOU HAVE TO UNDERSTAND THAT THEY ARE THE ONES THAT THEY MUST INTEGRATE AND LEARN TO LIVE IN CANADA. NEED TO UNDERSTAND THAT THEY HAVE TO BE FOR THEM TO CHANGE THEIR LIFESTYLE, NOT THE CANADIANS WHO SO GENEROUSLY WELCOMED THEM.";
        Analyze(rules, "Quebec mayor\n\n" + Capitals).Select(f => f.RuleId).ShouldBe(["PRV9002"]);

        // Chinese, with no spaces between words: each character is counted as a word, so a page of
        // a few clauses is not "too short to tell".
        const string Chinese = "市议会周一开会，讨论了明年的预算。";
        Analyze(rules, "标题\n\n" + string.Concat(Enumerable.Repeat(Chinese, 4))).Select(f => f.RuleId).ShouldBe(["PRV9001"]);

        var errors = Should.Throw<Provenance.Json.JsonLoadException>(() => Pack("""{ "kind": "language", "expected": "fr" }""")).Errors;
        errors.ShouldContain(e => e.Message.Contains("expected one of en; found \"fr\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Structure_finds_name_lists_and_places()
    {
        var names = Pack("""{ "kind": "structure", "shape": "name-list" }""");
        RuleVerifier.Verify("PRV9001", "Title line\n\nThe council met on Monday.\n\n{|PRV9001:Sources: Reuters, Associated Press, BBC News|}", names);
        RuleVerifier.Verify("PRV9001", "Title line\n\nThe council met Reuters, AP and the BBC on Monday.", names);
        var lastLines = Pack("""{ "kind": "structure", "where": { "lastLines": 1 }, "patterns": ["\\d{3}-\\d{4}"] }""");
        RuleVerifier.Verify("PRV9001", "Title line\n\nCall 555-0100 today.\n\nOr call {|PRV9001:555-0199|}.", lastLines);
    }

    [Fact]
    public void Where_last_lines_counts_non_empty_lines_from_the_end()
    {
        // Blank and white-space lines between and after do not count; asking for more lines than
        // the article has takes all of them.
        var two = Pack("""{ "kind": "structure", "where": { "lastLines": 2 }, "patterns": ["\\d{3}-\\d{4}"] }""");
        RuleVerifier.Verify("PRV9001", "Title line\n\nCall 555-0100 today.\n\nCall {|PRV9001:555-0101|} later.\n \n\nOr call {|PRV9001:555-0199|}.\n\n  \n", two);
        var many = Pack("""{ "kind": "structure", "where": { "lastLines": 50 }, "patterns": ["\\d{3}-\\d{4}"] }""");
        RuleVerifier.Verify("PRV9001", "Title line\n\nCall {|PRV9001:555-0100|} today.\n\nOr call {|PRV9001:555-0199|}.", many);
    }

    [Fact]
    public void Where_lead_limits_a_rule_to_the_first_paragraphs()
    {
        var rules = Pack("""{ "kind": "lexicon", "where": { "lead": 1 }, "phrases": ["budget"] }""");
        RuleVerifier.Verify("PRV9001", "Title line\n\nThe {|PRV9001:budget|} passed.\n\nThe budget is large.", rules);
    }

    [Fact]
    public void Where_blocks_limits_a_rule_to_block_kinds()
    {
        var rules = Pack("""{ "kind": "lexicon", "scope": "any", "where": { "blocks": ["title"] }, "phrases": ["budget"] }""");
        RuleVerifier.Verify("PRV9001", "{|PRV9001:Budget|} passes\n\nThe budget is large.", rules);
    }

    [Fact]
    public void Exceptions_drop_matches_whose_text_contains_them()
    {
        var rules = Pack("""{ "kind": "pattern", "patterns": ["Sources?:[^\\n]*"], "exceptions": ["none"] }""");
        RuleVerifier.Verify("PRV9001", "Title line\n\nBody text.\n\n{|PRV9001:Sources: Reuters|}", rules);
        RuleVerifier.Verify("PRV9001", "Title line\n\nBody text.\n\nSources: none", rules);
    }

    [Fact]
    public void Scope_footer_reads_only_the_footer_zone()
    {
        var rules = Pack("""{ "kind": "lexicon", "scope": "footer", "phrases": ["Reuters"] }""");
        RuleVerifier.Verify("PRV9001", "Title line\n\nReuters said the budget is large and will pass next week as planned.\n\nSource: {|PRV9001:Reuters|}", rules);
    }

    [Fact]
    public void Lexicon_spaces_match_line_breaks_and_the_longest_phrase_wins()
    {
        var rules = Pack("""{ "kind": "lexicon", "phrases": ["New York", "New York Times"] }""");
        RuleVerifier.Verify("PRV9001", "Title line\n\nThe council said the budget would be covered by the {|PRV9001:New York\nTimes|} and by {|PRV9001:New  York|} radio next week.", rules);
    }

    [Fact]
    public void Outlet_rules_asking_for_different_mentions_in_one_pack_find_what_each_finds_alone()
    {
        // One analysis searches each block once for names, weak names and domains, and each rule's
        // mix is put together from those: sharing must not leak one rule's mix into another's.
        string[] kinds =
        [
            """{ "kind": "outlet", "match": "names" }""",
            """{ "kind": "outlet", "match": "domains" }""",
            """{ "kind": "outlet", "before": ["according\\s+to"], "after": ["reported"] }""",
            """{ "kind": "outlet" }""",
        ];
        const string text = "The senator walked up The Hill. According to The Hill, Reuters reported it; see www.apnews.com and https://edition.cnn.com/x. The Times said so.";
        var together = Load([.. kinds.Select((k, i) => Rule($"PRV900{i + 1}", k))]);
        var all = Analyze(together, text);
        for (var i = 0; i < kinds.Length; i++)
        {
            var id = $"PRV900{i + 1}";
            var alone = Analyze(Load(Rule(id, kinds[i])), text);
            alone.ShouldNotBeEmpty(id);
            all.Where(f => f.RuleId == id).Select(f => (f.Message, f.Span)).ShouldBe(alone.Select(f => (f.Message, f.Span)), id);
        }
    }

    [Fact]
    public void An_outlet_rules_before_contexts_are_screened_and_its_after_contexts_are_not()
    {
        var rules = Pack("""{ "kind": "outlet", "before": ["according\\s+to"], "after": ["reported\\s+first"] }""");
        var outlet = rules.Rules.OfType<Provenance.Rules.Kinds.OutletRule>().Single();

        rules.Screens.IdsOf(outlet.Options.Before).ShouldAllBe(id => id >= 0);
        rules.Screens.IdsOf(outlet.Options.After).ShouldAllBe(id => id < 0);
        rules.Screens.Literals.ShouldNotContain(l => l.Text.Contains("reported", StringComparison.OrdinalIgnoreCase));
        RuleVerifier.Verify("PRV9001", "Title line\n\nThe figures, {|PRV9001:Reuters reported first|}, were wrong.", rules);
    }

    [Fact]
    public void A_letter_that_folds_oddly_still_passes_the_screens_once_they_are_built()
    {
        // Screens apply once a rule has run on 64 blocks. Whether an article holds a letter that
        // folds oddly (the Kelvin sign is a 'k' to an ignore-case expression) is decided once per
        // article; the block with one must still reach the expression.
        var rules = Pack("""{ "kind": "pattern", "patterns": ["kremlin"] }""");
        var warmUp = string.Join("\n\n", Enumerable.Range(0, 70).Select(i => $"Paragraph {i} of the warm-up says nothing much."));
        Analyze(rules, warmUp).ShouldBeEmpty();
        Analyze(rules, "A quiet opening line.\n\nOfficials in the kremlin said so.").Select(f => f.Message).ShouldBe(["kremlin"]);
        Analyze(rules, "A quiet opening line.\n\nOfficials in the \u212Aremlin said so.").Select(f => f.Message).ShouldBe(["\u212Aremlin"]);
        Analyze(rules, "A quiet opening line.\n\nOfficials in the capital said so.").ShouldBeEmpty();
    }

    [Fact]
    public void One_rule_reports_one_finding_per_place_the_earliest_then_longest_match()
    {
        // Its patterns overlap: the longest at a start wins, and a match starting inside one kept is dropped.
        var rules = Pack("""{ "kind": "pattern", "patterns": ["according to sources", "according to sources familiar with", "sources familiar with the talks"] }""");
        RuleVerifier.Verify("PRV9001", "It ended, {|PRV9001:according to sources familiar with|} the talks.", rules);

        // Another rule may report the same text.
        var two = Load(Rule("PRV9001", """{ "kind": "pattern", "patterns": ["talks"] }"""), Rule("PRV9002", """{ "kind": "pattern", "patterns": ["the talks"] }"""));
        Analyze(two, "It ended with the talks.").Select(f => $"{f.RuleId} {f.Span.Start}-{f.Span.End}").ShouldBe(["PRV9002 14-23", "PRV9001 18-23"]);
    }

    [Fact]
    public void A_rule_with_formats_reads_only_articles_of_those_formats()
    {
        var html = Pack("""{ "kind": "metadata", "field": "author", "when": "missing", "formats": ["html", "markdown"] }""");
        Analyze(html, "The council met on Monday.").ShouldBeEmpty();
        html.Analyze(Article.FromHtml("<html><body><p>The council met on Monday.</p></body></html>"), TestContext.Current.CancellationToken).Findings.ShouldHaveSingleItem();
        html.Analyze(Article.FromMarkdown("---\ntitle: Budget\n---\n\nThe council met on Monday."), TestContext.Current.CancellationToken).Findings.ShouldHaveSingleItem();
        var errors = Should.Throw<Provenance.Json.JsonLoadException>(() => Pack("""{ "kind": "metadata", "field": "author", "when": "missing", "formats": ["pdf"] }""")).Errors;
        errors.ShouldContain(e => e.Message.Contains("expected one of text, markdown, html, docx; found \"pdf\"", StringComparison.Ordinal));
    }

    private static RuleSet Pack(string kindKeys, string messageFormat = "{0}") => Load(Rule("PRV9001", kindKeys, messageFormat));

    private static string Rule(string id, string kindKeys, string messageFormat = "{0}")
    {
        var keys = kindKeys.Trim().TrimStart('{').TrimEnd('}');
        return $$"""{ "id": "{{id}}", "title": "Test rule", "messageFormat": "{{messageFormat}}", "category": "Test", "defaultSeverity": "info", {{keys}} }""";
    }

    private static RuleSet Load(params string[] rules) =>
        RuleSetLoader.Load([new RuleSource("test.rules.json", $$"""{ "name": "test", "version": "1.0.0", "rules": [ {{string.Join(",", rules)}} ] }""")], registry: Registry.Value);

    private static List<Provenance.Analysis.Finding> Analyze(RuleSet rules, string text) =>
        [.. rules.Analyze(Article.FromText(text), TestContext.Current.CancellationToken).Findings];
}
