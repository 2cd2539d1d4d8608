using Provenance.Reporting;
using Provenance.Rules;

namespace Provenance.Reporting.Tests;

/// <summary>Whether an article fails is answered apart from the sentence saying why; the two must agree.</summary>
public sealed class ReportContextTests
{
    [Fact]
    public void An_article_fails_exactly_when_there_is_a_reason()
    {
        var reports = RunFixture.Samples().Items.Where(i => i.Report is not null).Select(i => i.Report!).ToList();
        ArticlePolicy?[] policies = [null, new(Severity.Error, null), new(Severity.Warning, null), new(Severity.Info, 30), new(Severity.Hidden, null), new(Severity.Error, 101)];
        var (failing, passing) = (0, 0);
        foreach (var failBelow in new int?[] { null, 20, 60 })
        {
            var context = RunFixture.Context(failBelow);
            foreach (var report in reports)
            {
                foreach (var policy in policies)
                {
                    var fails = context.Fails(report, policy);
                    fails.ShouldBe(context.FailureReason(report, policy) is not null, $"{report.Article.Path}, {policy}, fail below {failBelow}");
                    (failing, passing) = fails ? (failing + 1, passing) : (failing, passing + 1);
                }
            }
        }

        // Both answers occur, or the comparison says nothing.
        failing.ShouldBeGreaterThan(10);
        passing.ShouldBeGreaterThan(10);
    }
}
