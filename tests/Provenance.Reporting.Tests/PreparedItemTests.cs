using System.Text;

namespace Provenance.Reporting.Tests;

/// <summary>A report's articles made ahead on other threads (<see cref="IPreparingRunWriter"/>) are written as if added one by one.</summary>
public sealed class PreparedItemTests
{
    public static TheoryData<int, bool> Runs => new()
    {
        { 1, false },
        { 6, false },
        { 6, true },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Json_made_ahead_is_the_json_written_article_by_article(int articles, bool withReadView)
    {
        // The samples and an unreadable file, or only the first: the first article of a run has
        // no comma before it, the others do, and the list closes on a line of its own.
        var run = RunFixture.Samples();
        var items = run.Items.Take(articles).ToList();
        var info = new RunInfo(run.Packs, run.ScoringVersion);
        var reporter = new JsonReporter(RunFixture.Context(), withReadView);

        foreach (var utf8 in new[] { false, true })
        {
            var (direct, ahead) = (Written(reporter, info, utf8, w => items.ForEach(w.Add)), Written(reporter, info, utf8, w =>
            {
                // Made on other threads, as a run makes them.
                var parts = items.AsParallel().AsOrdered().Select(i => ((IPreparingRunWriter)w).Prepare(i)).ToList();
                for (var i = 0; i < items.Count; i++)
                {
                    ((IPreparingRunWriter)w).Add(items[i], parts[i]);
                }
            }));

            ahead.ShouldBe(direct);
            direct.ShouldContain("\"articles\"");
        }
    }

    private static string Written(JsonReporter reporter, RunInfo info, bool utf8, Action<IRunWriter> add)
    {
        // A report file is a UTF-8 stream written as bytes; other writers take text.
        var stream = new MemoryStream();
        TextWriter writer = utf8 ? new StreamWriter(stream, new UTF8Encoding(false)) : new StringWriter();
        var run = reporter.Open(info, writer);
        add(run);
        run.Finish();
        writer.Flush();
        return utf8 ? Encoding.UTF8.GetString(stream.ToArray()) : writer.ToString()!;
    }
}
