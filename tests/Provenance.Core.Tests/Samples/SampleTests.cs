using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Scoring;
using Provenance.Tests;

namespace Provenance.Core.Tests.Samples;

/// <summary>
/// The five sample articles the product was designed from, checked against
/// the shared samples' EXPECTED.md: every expected signal at its line, and nothing else, so a finding
/// an editor would call false fails the test as surely as a missing one.
/// </summary>
public sealed class SampleTests
{
    private static readonly Lazy<ProvenanceChecker> Checker = new(ProvenanceChecker.CreateDefault);

    [Fact]
    public void Ceasefire_aggregator_copy_with_crypto_promo_footer()
    {
        var report = Check("ceasefire-banxchange.txt");
        ShouldReportExactly(report,
            ("PRV2005", 1, ""), ("PRV7006", 1, ""), ("PRV7007", 1, ""),
            ("PRV2006", 2, "American officials have maintained"),
            ("PRV2003", 4, "Diplomats acknowledge"),
            ("PRV2003", 5, "Officials have repeatedly stated"),
            ("PRV2003", 7, "Foreign policy experts note"),
            ("PRV3001", 9, "AI-generated image disclaimer"),
            ("PRV1003", 10, "Sources (verified): Reuters, Associated Press, BBC News, Al Jazeera, The Guardian"),
            ("PRV1004", 10, "verified"),
            ("PRV1002", 10, "Reuters"), ("PRV1002", 10, "Associated Press"), ("PRV1002", 10, "BBC News"),
            ("PRV1002", 10, "Al Jazeera"), ("PRV1002", 10, "The Guardian"),
            ("PRV4002", 11, "powered by the BXE Token on the XRP Ledger"),
            ("PRV4001", 11, "please visit BanxChange.com"));

        // The disclosure covers the image only; it must not be read as a disclosure about the text.
        report.Analysis.Signals.ShouldContain(s => s.Name == "ai-disclosure-image");
        report.Analysis.Signals.ShouldNotContain(s => s.Name == "ai-disclosure-text");
        report.Analysis.Signals.Where(s => s.Name == "outlet-cited").Select(s => s.Value)
            .ShouldBe(["Reuters", "Associated Press", "BBC", "Al Jazeera", "The Guardian"]);
        Finding(report, "PRV3001").Message.ShouldContain("image, not the text");
    }

    [Fact]
    public void Hezbollah_rewrite_of_a_CNN_story()
    {
        var report = Check("hezbollah-original-source-cnn.txt");
        ShouldReportExactly(report,
            ("PRV7006", 1, ""), ("PRV7007", 1, ""),
            ("PRV2003", 3, "American officials are emphasizing"),
            ("PRV2002", 5, "According to sources with knowledge of the situation"),
            ("PRV2006", 5, "American officials are collaborating"),
            ("PRV2003", 5, "reportedly"),
            ("PRV2007", 5, "President Biden referenced"),
            ("PRV1002", 5, "ABC"),
            ("PRV2001", 5, "“It would be through a diplomatic agreement"),
            ("PRV1002", 5, "NBC News"),
            ("PRV6001", 9, "In summary,"),
            ("PRV1001", 11, "Original Source: www.cnn.com"),
            ("PRV5001", 13, "Leave a Reply"),
            ("PRV5001", 15, "Your email address will not be published. Required fields are marked *"));

        // The credit names the outlet and its domain, and says how the outlet is rated and by whom.
        var credit = Finding(report, "PRV1001");
        credit.Arguments[3].ShouldBe("CNN");
        credit.Message.ShouldStartWith("Credits CNN (www.cnn.com) as the original source");
        credit.Message.ShouldContain("generally reliable by Wikipedia's perennial sources list");
        report.Analysis.Signals.Single(s => s.Name == "original-source").Value.ShouldBe("CNN (www.cnn.com)");
        // "He stated" follows "Secretary of State Antony Blinken, in an interview with NBC News, reinforced…".
        Finding(report, "PRV2001").Arguments[0].ShouldBe("Antony Blinken");
    }

    [Fact]
    public void Gaza_dated_summary_with_template_headings()
    {
        var report = Check("gaza-blinken-dated.txt");
        ShouldReportExactly(report,
            ("PRV2004", 1, ""), ("PRV2005", 1, ""), ("PRV7006", 1, ""),
            ("PRV7003", 1, "2024-03-21"),
            ("PRV6002", 3, "Strategic Diplomacy in Action"),
            ("PRV6002", 7, "Pressure Mounts on Hamas and Israel"),
            ("PRV2008", 9, "approximately 40 hostages"),
            ("PRV6002", 11, "Global Responses and Implications"));

        report.Article.Metadata.Published!.Value.ShouldBe("2024-03-21");
    }

    [Fact]
    public void Gaza_self_published_blog_post()
    {
        var report = Check("gaza-second-phase-blog.txt");
        ShouldReportExactly(report,
            ("PRV2004", 1, ""), ("PRV2005", 1, ""), ("PRV2011", 1, ""), ("PRV7007", 1, ""),
            ("PRV2003", 4, "U.S. officials say"),
            ("PRV2003", 7, "According to U.S. officials"),
            ("PRV2003", 8, "reportedly"),
            ("PRV2003", 13, "U.S. diplomats emphasized"),
            ("PRV6002", 14, "Humanitarian Focus Takes Center Stage"),
            ("PRV2003", 16, "Officials stressed"),
            ("PRV2003", 21, "U.S. officials acknowledged"),
            ("PRV2003", 22, "reportedly"),
            ("PRV2006", 22, "U.S. officials have avoided"),
            ("PRV2003", 25, "Critics argue"),
            ("PRV2003", 28, "Analysts note"),
            ("PRV2003", 31, "U.S. officials have cautioned"),
            ("PRV6002", 32, "Conclusion"),
            ("PRV5003", 35, "About the Creator"),
            ("PRV7001", 36, "Asad Ali"),
            ("PRV5003", 37, "passionate blogger"),
            ("PRV5002", 40, "Comments"),
            ("PRV5001", 41, "There are no comments for this story"),
            ("PRV5001", 42, "Be the first to respond"));
    }

    [Fact]
    public void Miami_spun_text_with_anonymous_sources_only()
    {
        var report = Check("miami-restraint-spun.txt");
        ShouldReportExactly(report,
            ("PRV2004", 1, ""), ("PRV2005", 1, ""), ("PRV2011", 1, ""), ("PRV7006", 1, ""), ("PRV7007", 1, ""),
            ("PRV2003", 3, "security officials warned"),
            ("PRV2002", 5, "According to officials familiar with the talks"),
            ("PRV2002", 5, "According to these officials"),
            ("PRV2003", 9, "diplomats noted"),
            ("PRV6003", 11, "mediating mediation"),
            ("PRV6003", 11, "managing crisis management"),
            ("PRV2003", 15, "Analysts note"),
            ("PRV2003", 15, "Analysts believe"),
            ("PRV2003", 19, "US officials indicated"));
    }

    [Fact]
    public void Scores_rank_the_samples_as_an_editor_would()
    {
        var score = new Dictionary<string, int>();
        foreach (var name in new[] { "hezbollah-original-source-cnn.txt", "ceasefire-banxchange.txt", "gaza-blinken-dated.txt", "gaza-second-phase-blog.txt", "miami-restraint-spun.txt" })
        {
            score[name] = Check(name).Scorecard.Score;
        }

        score["hezbollah-original-source-cnn.txt"].ShouldBeGreaterThan(score["ceasefire-banxchange.txt"]);
        score["ceasefire-banxchange.txt"].ShouldBeGreaterThan(score["gaza-blinken-dated.txt"]);
        score["gaza-blinken-dated.txt"].ShouldBeGreaterThan(score["gaza-second-phase-blog.txt"]);
        score["gaza-blinken-dated.txt"].ShouldBeGreaterThan(score["miami-restraint-spun.txt"]);
    }

    [Theory]
    [InlineData("ceasefire-banxchange.txt")]
    [InlineData("hezbollah-original-source-cnn.txt")]
    [InlineData("gaza-blinken-dated.txt")]
    [InlineData("gaza-second-phase-blog.txt")]
    [InlineData("miami-restraint-spun.txt")]
    public void Every_point_of_the_score_is_explained(string name)
    {
        var report = Check(name);
        var card = report.Scorecard;
        card.Contributions.Sum(c => c.Points).ShouldBe(card.Score);
        card.Contributions.ShouldAllBe(c => !string.IsNullOrWhiteSpace(c.Reason));
        card.Contributions.Where(c => c.Kind == ContributionKind.Signal).ShouldAllBe(c => c.RuleId != null);

        // Every scored signal appears as a line, counted or listed as not counted.
        var model = Checker.Value.Scoring;
        foreach (var signal in report.Analysis.Signals.Where(s => model.FindEffect(s.Name) is not null))
        {
            card.Contributions.ShouldContain(c => c.Signal == signal.Name, $"{signal.Name} at {signal.Location.Start} is not explained");
        }

        card.Categories.Sum(c => c.Points).ShouldBe(card.Score - model.BaseScore - card.Contributions.Where(c => c.Kind == ContributionKind.Clamp).Sum(c => c.Points));
    }

    private static ArticleReport Check(string name) =>
        Checker.Value.Check(Article.FromText(File.ReadAllText(RepoPaths.Sample(name)), name));

    private static Finding Finding(ArticleReport report, string ruleId) =>
        report.Analysis.Findings.Single(f => f.RuleId == ruleId);

    private static void ShouldReportExactly(ArticleReport report, params (string RuleId, int Line, string Text)[] expected)
    {
        var actual = report.Analysis.Findings.Select(f => $"{f.RuleId} line {f.Location.Start.Line}: {f.MatchedText}").ToList();
        var listing = string.Join(Environment.NewLine, actual);
        report.Analysis.Findings.Length.ShouldBe(expected.Length, $"findings were:{Environment.NewLine}{listing}");
        foreach (var (ruleId, line, text) in expected)
        {
            report.Analysis.Findings.ShouldContain(
                f => f.RuleId == ruleId && f.Location.Start.Line == line && f.MatchedText.Contains(text, StringComparison.Ordinal),
                $"expected {ruleId} at line {line} matching \"{text}\"; findings were:{Environment.NewLine}{listing}");
        }
    }
}
