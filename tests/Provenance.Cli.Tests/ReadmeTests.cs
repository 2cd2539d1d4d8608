using System.Text.RegularExpressions;
using Provenance.Articles;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary>What the README promises about the samples is what the tool does.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void The_sample_scores_in_the_readme_are_the_scores_the_tool_gives()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var rows = ScoreRow().Matches(readme);
        rows.Count.ShouldBe(5);
        var checker = ProvenanceChecker.CreateDefault();
        foreach (Match row in rows)
        {
            var name = row.Groups["name"].Value + ".txt";
            var card = checker.Check(Article.FromText(File.ReadAllText(RepoPaths.Sample(name)), name), TestContext.Current.CancellationToken).Scorecard;
            (card.Score, card.Grade).ShouldBe((int.Parse(row.Groups["score"].Value, System.Globalization.CultureInfo.InvariantCulture), row.Groups["grade"].Value), name);
        }
    }

    [Fact]
    public void The_readme_shows_the_two_set_up_commands()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        readme.ShouldContain("dotnet run --project src/Provenance.Cli -- check samples");
        readme.ShouldContain("dotnet test Provenance.sln");
    }

    [Fact]
    public void The_readme_lists_every_report_format_once()
    {
        // A format registered in Reporters.All and left out of the table is one users never learn of.
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var listed = FormatRow().Matches(readme).Select(m => m.Groups["name"].Value).ToList();
        listed.ShouldBe(Provenance.Reporting.Reporters.Names);
    }

    [GeneratedRegex(@"^  \| `(?<name>[a-z]+)` \| ", RegexOptions.Multiline)]
    private static partial Regex FormatRow();

    [GeneratedRegex(@"^\| (?<name>[a-z0-9-]+) \| (?<score>\d+) \| (?<grade>[A-F]) \|$", RegexOptions.Multiline)]
    private static partial Regex ScoreRow();
}
