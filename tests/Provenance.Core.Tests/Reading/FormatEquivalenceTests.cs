using Provenance.Articles;

namespace Provenance.Core.Tests.Reading;

/// <summary>The same article as plain text, Markdown and an HTML page gives the same signals, each located in its own file; only a missing byline and date are scored where the format has a place for them.</summary>
public sealed class FormatEquivalenceTests
{
    private static readonly Lazy<ProvenanceChecker> Checker = new(ProvenanceChecker.CreateDefault);

    public static TheoryData<string> Formats => ["hezbollah.md", "hezbollah.html"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Signals_match_the_plain_text_version(string file)
    {
        // The one difference is deliberate: a missing byline and date are the same facts in every
        // format, but only a format with a place for them (Markdown's front matter, a page's meta
        // tags) is scored for lacking them (PRV7002 and PRV7004; in plain text PRV7006 and PRV7007).
        var text = Check("hezbollah.txt");
        var other = Check(file);
        Signals(other).ShouldBe(Signals(text));
        other.Analysis.Findings.Select(f => SameFact(f.RuleId)).ShouldBe(text.Analysis.Findings.Select(f => SameFact(f.RuleId)), ignoreOrder: true);
        var model = Checker.Value.Scoring;
        var penalties = model.FindEffect("no-byline")!.Points + model.FindEffect("undated")!.Points;
        other.Scorecard.Score.ShouldBe(text.Scorecard.Score + penalties);
    }

    private static string SameFact(string name) => name switch
    {
        "PRV7006" => "PRV7002",
        "PRV7007" => "PRV7004",
        "no-byline-text" => "no-byline",
        "undated-text" => "undated",
        _ => name,
    };

    [Theory]
    [InlineData("hezbollah.txt")]
    [InlineData("hezbollah.md")]
    [InlineData("hezbollah.html")]
    public void Findings_point_at_their_text_in_the_original_file(string file)
    {
        var report = Check(file);
        var raw = File.ReadAllText(Fixture(file));
        var lines = raw.Split('\n');
        foreach (var (ruleId, text) in new[] { ("PRV1001", "Original Source: www.cnn.com"), ("PRV2002", "According to sources with knowledge of the situation"), ("PRV5001", "Leave a Reply") })
        {
            var finding = report.Analysis.Findings.First(f => f.RuleId == ruleId);
            finding.MatchedText.ShouldBe(text);
            var at = finding.Location.Start;
            lines[at.Line - 1][(at.Column - 1)..].ShouldStartWith(text, customMessage: $"{file} {ruleId} at {at}");
        }
    }

    private static ArticleReport Check(string file)
    {
        var path = Fixture(file);
        var format = Path.GetExtension(file) switch { ".md" => ArticleFormat.Markdown, ".html" => ArticleFormat.Html, _ => ArticleFormat.Text };
        return Checker.Value.Check(Article.Read(File.ReadAllText(path), format, file), TestContext.Current.CancellationToken);
    }

    private static List<string> Signals(ArticleReport report) =>
        [.. report.Analysis.Signals.Select(s => $"{SameFact(s.Name)}={s.Value}").Order(StringComparer.Ordinal)];

    private static string Fixture(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "formats", file);
}
