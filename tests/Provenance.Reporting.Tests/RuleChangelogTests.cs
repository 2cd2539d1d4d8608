using Provenance.Rules;
using Provenance.Tests;

namespace Provenance.Reporting.Tests;

/// <summary>RULES-CHANGELOG.md records every rule with its current category and severity, as Roslyn's release tracking does.</summary>
public sealed class RuleChangelogTests
{
    [Fact]
    public void Every_rule_is_recorded_with_its_current_category_and_severity()
    {
        var latest = ReadChangelog();
        foreach (var rule in DefaultRules.LoadRuleSet().Rules)
        {
            latest.ShouldContainKey(rule.Id, $"{rule.Id} is not in RULES-CHANGELOG.md");
            latest[rule.Id].ShouldBe((rule.Descriptor.Category, rule.Descriptor.DefaultSeverity.ToName()), $"{rule.Id} changed without a 'Changed Rules' entry");
        }
    }

    [Fact]
    public void No_rule_is_listed_that_does_not_exist_unless_it_was_removed()
    {
        var ids = DefaultRules.LoadRuleSet().Rules.Select(r => r.Id).ToHashSet();
        foreach (var id in ReadChangelog().Keys)
        {
            ids.ShouldContain(id, $"{id} is listed in RULES-CHANGELOG.md but no pack defines it; record it under 'Removed Rules'");
        }
    }

    // Later releases override earlier ones; "Removed Rules" drops an id.
    private static Dictionary<string, (string Category, string Severity)> ReadChangelog()
    {
        var latest = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var releases = new List<List<(string Section, string[] Cells)>>();
        string? section = null;
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "RULES-CHANGELOG.md")))
        {
            if (line.StartsWith("## Release", StringComparison.Ordinal))
            {
                releases.Add([]);
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                section = line[4..].Trim();
            }
            else if (line.StartsWith("PRV", StringComparison.Ordinal) && releases.Count > 0 && section is not null)
            {
                releases[^1].Add((section, [.. line.Split('|').Select(c => c.Trim())]));
            }
        }

        // The file lists the newest release first; replay from the oldest.
        foreach (var release in Enumerable.Reverse(releases))
        {
            foreach (var (name, cells) in release)
            {
                if (name == "Removed Rules")
                {
                    latest.Remove(cells[0]);
                }
                else
                {
                    latest[cells[0]] = (cells[1], cells[2]);
                }
            }
        }

        return latest;
    }
}
