using Provenance.Hosting;
using Provenance.Reporting;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary>
/// <c>check --cache</c> with its default strategy trusts a file's size and modification time when
/// they were settled before the file was cached, as git's index does; <c>--cache-strategy content</c>
/// always hashes the bytes. Each test sets modification times by hand to make both cases happen.
/// </summary>
public sealed class CacheStampTests : IDisposable
{
    private static readonly DateTime AnHourAgo = DateTime.UtcNow.AddHours(-1);
    private readonly string _dir = Directory.CreateTempSubdirectory("provenance-cache-").FullName;
    private string _lastError = string.Empty;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Article => Path.Combine(_dir, "a.txt");

    private string CacheText => File.ReadAllText(Path.Combine(_dir, ".provenance-cache"));

    [Fact]
    public void A_settled_file_with_the_same_size_and_time_is_not_read_again_unless_the_strategy_is_content()
    {
        var original = File.ReadAllText(RepoPaths.Sample("miami-restraint-spun.txt"));
        WriteArticle(original, AnHourAgo);
        var first = Check("--cache");
        EntryStamp().ShouldBe((new FileInfo(Article).Length, AnHourAgo.Ticks));

        // The same length, a different word and the old time: only the bytes tell the change.
        var edited = original.Replace("According to", "Xccording to", StringComparison.Ordinal);
        edited.Length.ShouldBe(original.Length);
        edited.ShouldNotBe(original);
        WriteArticle(edited, AnHourAgo);

        Check("--cache").ShouldBe(first, "an unchanged size and time stand for unchanged bytes");
        _lastError.ShouldContain("(1 from the cache)");
        var byContent = Check("--cache", "--cache-strategy", "content");
        _lastError.ShouldContain("(0 from the cache)");
        byContent.ShouldNotBe(first);
        byContent.ShouldBe(Check(), "hashing the bytes finds the edit, as a run without a cache does");
    }

    [Fact]
    public void A_file_written_seconds_before_it_was_cached_is_hashed_the_next_time()
    {
        var original = File.ReadAllText(RepoPaths.Sample("miami-restraint-spun.txt"));
        // A second ago went stale on a loaded machine before the run cached it (CI, under a parallel
        // build): a time slightly ahead is young however long the run takes, as a file stamped by a
        // machine whose clock runs ahead is.
        var justNow = DateTime.UtcNow.AddSeconds(20);
        WriteArticle(original, justNow);
        var first = Check("--cache");
        EntryStamp().ShouldBe((0L, 0L), "a file written in the last seconds may change again within the clock's resolution");

        var edited = original.Replace("According to", "Xccording to", StringComparison.Ordinal);
        WriteArticle(edited, justNow);
        var second = Check("--cache");
        _lastError.ShouldContain("(0 from the cache)");
        second.ShouldNotBe(first);
        second.ShouldBe(Check());
    }

    [Fact]
    public void A_touched_but_unchanged_file_is_a_hit_and_its_new_time_is_kept()
    {
        WriteArticle(File.ReadAllText(RepoPaths.Sample("ceasefire-banxchange.txt")), AnHourAgo);
        var first = Check("--cache");
        var stamped = CacheText;

        var touched = AnHourAgo.AddMinutes(10);
        File.SetLastWriteTimeUtc(Article, touched);
        Check("--cache").ShouldBe(first);
        _lastError.ShouldContain("(1 from the cache)");
        CacheText.ShouldNotBe(stamped);
        EntryStamp().Ticks.ShouldBe(touched.Ticks);
    }

    [Fact]
    public void Text_with_tabs_backslashes_and_line_breaks_comes_back_from_the_cache_as_it_was()
    {
        // Cache entries are tab-separated with backslash escapes: every kind of text must survive them.
        WriteArticle("Budget\\plan\tpasses \\t\\\\\r\n\nBy Ana\tRuiz\n\nThe council said \"the C:\\new\\table\tplan\" passed, according to officials.\n\nSources: Reuters\n", AnHourAgo);
        File.WriteAllText(Path.Combine(_dir, "b.md"), "Nothing to title here, said an official.\n");
        var uncached = Check();
        Check("--cache").ShouldBe(uncached);
        Check("--cache").ShouldBe(uncached);
        _lastError.ShouldContain("(2 from the cache)", customMessage: "an entry that does not read back is a silent miss");
        uncached.ShouldContain("Ana\\tRuiz");
        uncached.ShouldContain("C:\\\\new\\\\table\\tplan");
    }

    [Fact]
    public async Task A_cache_of_other_rules_or_with_new_files_counts_those_articles_as_misses()
    {
        // Prepare compiles the rules' expressions when this many articles will be analysed after all.
        WriteArticle(File.ReadAllText(RepoPaths.Sample("ceasefire-banxchange.txt")), AnHourAgo);
        Check("--cache");
        var cacheFile = Path.Combine(_dir, ".provenance-cache");
        var rules = DefaultRules.LoadRuleSet();
        var paths = new[] { "a.txt", "new-1.txt", "new-2.txt" };
        AnalysisCache.Misses(AnalysisCache.ReadAsync(cacheFile), rules, ToolInfo.Version, paths).ShouldBe(2);
        AnalysisCache.Misses(AnalysisCache.ReadAsync(cacheFile), rules, "0.0.0-other", paths).ShouldBe(3);

        var lines = await File.ReadAllLinesAsync(cacheFile, TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(cacheFile, ["{\"version\":4,\"key\":\"written by other rules\"}", .. lines[1..]], TestContext.Current.CancellationToken);
        AnalysisCache.Misses(AnalysisCache.ReadAsync(cacheFile), rules, ToolInfo.Version, paths).ShouldBe(3);
    }

    // An entry's fields: path, content hash, options, size, modification time, then its findings.
    private (long Length, long Ticks) EntryStamp()
    {
        var fields = CacheText.Split('\n')[1].Split('\t');
        fields[0].ShouldBe("a.txt");
        return (long.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture), long.Parse(fields[4], System.Globalization.CultureInfo.InvariantCulture));
    }

    private void WriteArticle(string text, DateTime written)
    {
        File.WriteAllText(Article, text);
        File.SetLastWriteTimeUtc(Article, written);
    }

    private string Check(params string[] options)
    {
        var (code, output, error) = ToolProcess.Run(_dir, ["check", ".", "--format", "json", .. options]);
        code.ShouldBeOneOf([0, 1], error);
        _lastError = error;
        return output;
    }
}
