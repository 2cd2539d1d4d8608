using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Core.Tests.Rules;
using Provenance.Rules;

namespace Provenance.Core.Tests.Analysis;

public sealed class SuppressionTests
{
    private const string Body = "The council met on Monday to discuss the budget and agreed to publish its report next week.";

    [Fact]
    public void Disable_next_line_in_markdown_suppresses_the_finding_and_its_score()
    {
        var plain = Check(Article.FromMarkdown($"# Budget\n\n{Body} U.S. officials say it will pass.\n"));
        var suppressed = Check(Article.FromMarkdown($"# Budget\n\n<!-- provenance-disable-next-line PRV2003 -->\n{Body} U.S. officials say it will pass.\n"));
        plain.Analysis.Findings.ShouldContain(f => f.RuleId == "PRV2003");
        suppressed.Analysis.Findings.ShouldNotContain(f => f.RuleId == "PRV2003");
        suppressed.Analysis.Signals.ShouldNotContain(s => s.Name == "vague-attribution");
        suppressed.Scorecard.Score.ShouldBeGreaterThan(plain.Scorecard.Score);
    }

    [Fact]
    public void Disable_and_enable_bracket_a_region_in_html()
    {
        const string html = "<html><body><article><p>U.S. officials say it will pass and the council agreed to the budget.</p><!-- provenance-disable PRV2003 --><p>Analysts note the budget is large and the council agreed to publish it.</p><!-- provenance-enable PRV2003 --><p>Critics argue the budget is too small for the needs of the city.</p></article></body></html>";
        var findings = Check(Article.FromHtml(html)).Analysis.Findings.Where(f => f.RuleId == "PRV2003").Select(f => f.MatchedText).ToList();
        findings.ShouldBe(["U.S. officials say", "Critics argue"]);
    }

    [Fact]
    public void Bare_directive_lines_work_in_plain_text_and_are_not_article_text()
    {
        var article = Article.FromText($"Budget passes\n\nprovenance-disable-file PRV7002\n\n{Body}\n");
        article.Blocks.ShouldNotContain(b => b.Text.Contains("provenance-", StringComparison.Ordinal));
        Check(article).Analysis.Findings.ShouldNotContain(f => f.RuleId == "PRV7002");
    }

    [Fact]
    public void Disable_line_applies_to_its_own_line_only()
    {
        var findings = Check(Article.FromText($"Budget passes\n\n{Body} Analysts note it. <!-- provenance-disable-line PRV2003 -->\n\nCritics argue it is wrong and the council agreed to reconsider the plan.\n"))
            .Analysis.Findings.Where(f => f.RuleId == "PRV2003").Select(f => f.MatchedText).ToList();
        findings.ShouldBe(["Critics argue"]);
    }

    [Fact]
    public void An_unused_suppression_is_reported_where_it_stands()
    {
        var report = Check(Article.FromMarkdown($"# Budget\n\n<!-- provenance-disable-next-line PRV4003 -->\n{Body}\n"));
        var unused = report.Analysis.Findings.Single(f => f.RuleId == EngineDiagnostics.UnusedSuppression);
        unused.Location.Start.Line.ShouldBe(3);
        unused.Severity.ShouldBe(Severity.Info);
        unused.Message.ShouldContain("PRV4003");
    }

    [Fact]
    public void Options_change_severity_turn_rules_off_and_move_count_thresholds()
    {
        var rules = RuleVerifier.Default;
        var text = Article.FromText($"Budget passes\n\n{Body} U.S. officials say it will pass. People familiar with the matter said so. Sources close to the talks agreed. An official familiar with the plan said it too.\n");
        var options = new AnalysisOptions(
            new Dictionary<string, Severity?> { ["PRV2003"] = Severity.Error, ["PRV7006"] = null },
            new Dictionary<string, Severity?> { ["Transparency"] = Severity.Warning },
            new Dictionary<string, (int?, int?)> { ["PRV2010"] = (10, null) });
        var baseline = rules.Analyze(text, TestContext.Current.CancellationToken).Findings;
        var configured = rules.Analyze(text, options, TestContext.Current.CancellationToken).Findings;
        baseline.ShouldContain(f => f.RuleId == "PRV2010");
        configured.ShouldNotContain(f => f.RuleId == "PRV2010");
        configured.Single(f => f.RuleId == "PRV2003").Severity.ShouldBe(Severity.Error);
        configured.ShouldNotContain(f => f.RuleId == "PRV7006");
        configured.Single(f => f.RuleId == "PRV7007").Severity.ShouldBe(Severity.Warning);
    }

    private static ArticleReport Check(Article article) => ProvenanceChecker.CreateDefault().Check(article, TestContext.Current.CancellationToken);
}
