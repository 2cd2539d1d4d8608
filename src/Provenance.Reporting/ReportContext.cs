using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Reporting;

/// <summary>What every reporter needs besides the run: the rules and model used, and the policy that decides failure.</summary>
/// <param name="ToolVersion">The tool's version, as reports state it.</param>
/// <param name="Rules">The rule set the run used.</param>
/// <param name="Scoring">The scoring model the run used.</param>
/// <param name="FailOn">The least severe finding that fails an article.</param>
/// <param name="FailBelow">A score under which an article fails, if any.</param>
/// <param name="AsOf">The date relative ages are counted from ("published 2 years ago"); none gives plain dates.</param>
/// <param name="UseColor">Whether console output may use colours (a terminal, not a log).</param>
/// <param name="DocsBaseUri">Where the rule help pages are published, for absolute help links (SARIF); none leaves relative ones out.</param>
public sealed record ReportContext(string ToolVersion, RuleSet Rules, ScoringModel Scoring, Severity FailOn = Severity.Error, int? FailBelow = null, DateOnly? AsOf = null, bool UseColor = false, Uri? DocsBaseUri = null)
{
    /// <summary>Grade letters, best first.</summary>
    public IReadOnlyList<string> GradeOrder => [.. Scoring.Grades.Select(g => g.Grade)];

    /// <summary>Whether an article fails the policy: a finding at or above <see cref="FailOn"/>, or a score under <see cref="FailBelow"/>.</summary>
    public bool Fails(ArticleReport report, ArticlePolicy? policy = null)
    {
        // Asked of every article by several reporters: answered without the sentence's strings.
        ArgumentNullException.ThrowIfNull(report);
        var (failOn, failBelow) = Thresholds(policy);
        if (BelowThreshold(report.Scorecard.Score, failBelow, policy))
        {
            return true;
        }

        foreach (var finding in report.Analysis.Findings)
        {
            if (Counts(finding, failOn))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a run item fails: unreadable at the default level, or its article fails its own policy.</summary>
    public bool Fails(RunItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Report is null ? (item.Policy?.FailOn ?? FailOn) <= Severity.Error : Fails(item.Report, item.Policy);
    }

    // A score under the threshold fails, unless a baseline accepted that score (or a lower one) already.
    private static bool BelowThreshold(int score, int? failBelow, ArticlePolicy? policy) =>
        failBelow is { } threshold && score < threshold && (policy?.AcceptedScore is not { } accepted || score < accepted);

    /// <summary>Why an article fails, in one sentence, or null when it passes.</summary>
    public string? FailureReason(ArticleReport report, ArticlePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (failOn, failBelow) = Thresholds(policy);
        var failing = report.Analysis.Findings.Count(f => Counts(f, failOn));
        var reasons = new List<string>();
        if (BelowThreshold(report.Scorecard.Score, failBelow, policy))
        {
            reasons.Add(policy?.AcceptedScore is { } accepted
                ? $"score {report.Scorecard.Score} is below {failBelow} and below the {accepted} the baseline accepted"
                : $"score {report.Scorecard.Score} is below {failBelow}");
        }

        if (failing > 0)
        {
            reasons.Add($"{failing} {(failing == 1 ? "finding" : "findings")} at {failOn.ToName()} or above");
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    private (Severity FailOn, int? FailBelow) Thresholds(ArticlePolicy? policy) =>
        (policy?.FailOn ?? FailOn, policy is null ? FailBelow : policy.FailBelow);

    private static bool Counts(Analysis.Finding finding, Severity failOn) => finding.Severity != Severity.Hidden && finding.Severity >= failOn;
}
