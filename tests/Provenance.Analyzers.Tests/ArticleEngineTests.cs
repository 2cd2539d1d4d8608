using Provenance.Analyzers.Engine;
using Provenance.Tests;

namespace Provenance.Analyzers.Tests;

/// <summary>
/// The engine the analyzer loads, as the compiler server keeps it between builds: an unchanged
/// article under an unchanged configuration is answered from its bounded cache; a change to either
/// is checked again.
/// </summary>
public sealed class ArticleEngineTests
{
    private const string Article = "/content/news/story.txt";

    private static readonly string Text = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt"));

    [Fact]
    public void An_unchanged_article_is_answered_from_the_cache()
    {
        var engine = new ArticleEngine();
        var configuration = engine.Configure([], 1);
        var first = engine.Analyze(Article, Text, configuration);
        first.Findings.ShouldNotBeEmpty();

        engine.Analyze(Article, Text, engine.Configure([], 1)).ShouldBeSameAs(first, "the same text under the same (empty) configuration");
        engine.CachedCount.ShouldBe(1);
    }

    [Fact]
    public void A_changed_article_or_configuration_is_checked_again()
    {
        var engine = new ArticleEngine();
        var none = engine.Configure([], 1);
        var first = engine.Analyze(Article, Text, none);

        var edited = engine.Analyze(Article, Text.Replace("Leave a Reply", string.Empty, StringComparison.Ordinal), none);
        edited.ShouldNotBeSameAs(first);
        edited.Findings.Count.ShouldBe(first.Findings.Count - 1, "the comment-form line is gone");

        var quieter = engine.Configure([new("/content/provenance.json", """{ "rules": { "PRV5001": "none" } }""")], 1);
        quieter.Errors.ShouldBeEmpty();
        var configured = engine.Analyze(Article, Text, quieter);
        configured.Findings.ShouldNotContain(f => f.RuleId == "PRV5001");
        first.Findings.ShouldContain(f => f.RuleId == "PRV5001");

        engine.Analyze("/content/news/other.txt", Text, none).ShouldNotBeSameAs(first, "another article's path may fall under other settings");
        engine.CachedCount.ShouldBe(4);
    }

    [Fact]
    public void A_file_of_a_format_that_is_not_text_is_not_checked()
    {
        // The compiler hands additional files over as text: a Word document's bytes are not its article.
        var engine = new ArticleEngine();
        engine.Analyze("/content/news/story.docx", Text, engine.Configure([], 1)).Score.ShouldBe(-1);
        engine.Analyze(Article, Text, engine.Configure([], 1)).Score.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void The_cache_keeps_room_for_twice_the_largest_project_up_to_its_limit()
    {
        var engine = new ArticleEngine();
        engine.CacheCapacity.ShouldBe(4096);
        engine.Configure([], 3000);
        engine.CacheCapacity.ShouldBe(6000);
        engine.Configure([], 10);
        engine.CacheCapacity.ShouldBe(6000, "it does not shrink");
        engine.Configure([], 1_000_000);
        engine.CacheCapacity.ShouldBe(16_384);
    }

    [Fact]
    public void A_report_asked_for_again_gets_a_second_chance()
    {
        var cache = new ReportCache(2, 10);
        var checks = new Checks();

        cache.GetOrAdd("unchanged", checks.Check);
        cache.GetOrAdd("v1", checks.Check);
        cache.GetOrAdd("unchanged", checks.Check);
        cache.GetOrAdd("v2", checks.Check);
        cache.Count.ShouldBe(2);
        cache.GetOrAdd("unchanged", checks.Check);
        checks.Count.ShouldBe(3, "the report asked for by the second build stays; the old version went");
    }

    [Fact]
    public void The_cache_keeps_at_most_its_capacity_and_lets_the_oldest_go()
    {
        var cache = new ReportCache(2, 10);
        var checks = new Checks();

        cache.GetOrAdd("a", checks.Check);
        cache.GetOrAdd("b", checks.Check);
        cache.GetOrAdd("c", checks.Check);
        cache.Count.ShouldBe(2);
        checks.Count.ShouldBe(3);

        cache.GetOrAdd("c", checks.Check);
        checks.Count.ShouldBe(3, "the newest is kept");
        cache.GetOrAdd("a", checks.Check);
        checks.Count.ShouldBe(4, "the oldest went first");
        cache.Count.ShouldBe(2);
    }

    // Counts the articles the cache had checked.
    private sealed class Checks
    {
        public int Count { get; private set; }

        public BuildReport Check()
        {
            Count++;
            return BuildReport.Ignored;
        }
    }
}
