using Provenance.Articles;

namespace Provenance.Core.Tests.Reading;

/// <summary>The same article as plain text, Markdown and an HTML page gives the same signals, each located in its own file.</summary>
public sealed class FormatEquivalenceTests
{
    private static readonly Lazy<ProvenanceChecker> Checker = new(ProvenanceChecker.CreateDefault);

    public static TheoryData<string> Formats => ["hezbollah.md", "hezbollah.html"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Signals_match_the_plain_text_version(string file)
    {
        var text = Check("hezbollah.txt");
        var other = Check(file);
        Signals(other).ShouldBe(Signals(text));
        other.Analysis.Findings.Select(f => f.RuleId).ShouldBe(text.Analysis.Findings.Select(f => f.RuleId), ignoreOrder: true);
        other.Scorecard.Score.ShouldBe(text.Scorecard.Score);
    }

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
        [.. report.Analysis.Signals.Select(s => $"{s.Name}={s.Value}").Order(StringComparer.Ordinal)];

    private static string Fixture(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "formats", file);
}
