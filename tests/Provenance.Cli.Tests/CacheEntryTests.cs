using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Hosting;
using Provenance.Reporting;
using Provenance.Rules;
using Provenance.Text;

namespace Provenance.Cli.Tests;

/// <summary>An article's findings written to the <c>--cache</c> file and read back on a hit.</summary>
public sealed class CacheEntryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("provenance-cache-entry-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Findings_come_back_from_the_cache_as_they_were_with_escaped_characters_and_half_of_a_surrogate_pair()
    {
        // Half of a pair cannot go through UTF-8: it came back as a replacement mark, so a report
        // from the cache differed from the one written when the article was checked.
        var rules = DefaultRules.LoadRuleSet();
        var rule = rules.Rules[0];
        const string emoji = "\U0001F600";
        var (high, low) = (emoji[..1], emoji[1..]);
        Finding[] findings =
        [
            new(rule.Id, rule.Descriptor.Category, Severity.Info, $"Quoted: {high}", new TextSpan(1, 1), default, low + "x", $"a\tb\\c{emoji}{high}\n{low}\r", [high, $"\\u{(int)high[0]:X4}", emoji]),
            new(rule.Id, rule.Descriptor.Category, Severity.Warning, "plain", new TextSpan(0, 0), default, string.Empty, string.Empty, []),
        ];
        var cacheFile = Path.Combine(_dir, AnalysisCache.DefaultFile);
        var article = new Article(Path.Combine(_dir, "a.txt"), ArticleFormat.Text, new SourceText("text"), [], new ArticleMetadata());

        var cache = AnalysisCache.Open(cacheFile, rules, ToolInfo.Version, AnalysisCache.ReadAsync(cacheFile), trustStamps: false);
        cache.Store("a.txt", "hash", "options", default, article, new AnalysisResult([.. findings], []));
        cache.Save(_dir);
        var read = AnalysisCache.Open(cacheFile, rules, ToolInfo.Version, AnalysisCache.ReadAsync(cacheFile), trustStamps: false).Find("a.txt", "hash", "options");

        read.ShouldNotBeNull();
        read.Findings.Length.ShouldBe(findings.Length);
        for (var i = 0; i < findings.Length; i++)
        {
            read.Findings[i].ShouldBe(findings[i] with { Arguments = read.Findings[i].Arguments });
            read.Findings[i].Arguments.ShouldBe(findings[i].Arguments);
        }
    }
}
