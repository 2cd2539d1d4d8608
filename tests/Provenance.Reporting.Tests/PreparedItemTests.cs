using System.Text;

namespace Provenance.Reporting.Tests;

/// <summary>A report's articles made ahead on other threads (<see cref="IPreparingRunWriter"/>) are written as if added one by one.</summary>
public sealed class PreparedItemTests
{
    public static TheoryData<string, string> Runs => new()
    {
        { "json", "first" },
        { "json", "all" },
        { "json", "all, read view" },
        { "json", "some without findings" },
        { "sarif", "first" },
        { "sarif", "all" },
        { "sarif", "some without findings" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void A_report_made_ahead_is_the_report_written_article_by_article(string format, string run)
    {
        // The samples and an unreadable file, or only the first: the first article of a run has
        // no comma before it, the others do, and the list closes on a line of its own. In SARIF
        // an article is as many results as it has findings, none for an article without any:
        // then it adds nothing, not even a comma.
        var samples = RunFixture.Samples();
        var items = run switch
        {
            "first" => [samples.Items[0]],
            "some without findings" => [.. samples.Items.Select((item, i) => i % 2 == 0 && item.Report is { } report ? item with { Report = report with { Analysis = report.Analysis with { Findings = [] } } } : item)],
            _ => samples.Items.ToList(),
        };
        var info = new RunInfo(samples.Packs, samples.ScoringVersion);
        IReporter reporter = format == "sarif" ? new SarifReporter(RunFixture.Context()) : new JsonReporter(RunFixture.Context(), withReadView: run.EndsWith("read view", StringComparison.Ordinal));

        foreach (var utf8 in new[] { false, true })
        {
            var direct = Written(reporter, info, utf8, w => items.ForEach(w.Add));
            var ahead = Written(reporter, info, utf8, w =>
            {
                // Made on other threads, as a run makes them.
                var parts = items.AsParallel().AsOrdered().Select(i => ((IPreparingRunWriter)w).Prepare(i)).ToList();
                for (var i = 0; i < items.Count; i++)
                {
                    ((IPreparingRunWriter)w).Add(items[i], parts[i]);
                }
            });

            ahead.ShouldBe(direct);
            direct.Length.ShouldBeGreaterThan(1000);
        }
    }

    private static string Written(IReporter reporter, RunInfo info, bool utf8, Action<IRunWriter> add)
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
