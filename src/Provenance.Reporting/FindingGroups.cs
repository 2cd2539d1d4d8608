using Provenance.Analysis;

namespace Provenance.Reporting;

/// <summary>
/// Findings that repeat (the same rule, severity and message: 47 × "Cites Facebook" in an essay
/// about Facebook) gathered into one entry with every place, so a scorecard lists what was found
/// once and where, not the same line 47 times. Order is that of each group's first finding.
/// </summary>
internal static class FindingGroups
{
    /// <summary>The groups of <paramref name="findings"/>; each holds its findings' indexes in the list given.</summary>
    public static List<List<int>> Of(IReadOnlyList<Finding> findings)
    {
        var groups = new List<List<int>>();
        var byKey = new Dictionary<(string, Rules.Severity, string), List<int>>();
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var key = (f.RuleId, f.Severity, f.Message);
            if (!byKey.TryGetValue(key, out var group))
            {
                byKey[key] = group = [];
                groups.Add(group);
            }

            group.Add(i);
        }

        return groups;
    }

    /// <summary>Where a finding is, as <c>line:column</c> (1-based, UTF-16 code units), or a dash for one about the whole article.</summary>
    public static string Place(Finding finding) =>
        finding.IsArticleLevel ? "—" : $"{finding.Location.Start.Line}:{finding.Location.Start.Column}";
}
