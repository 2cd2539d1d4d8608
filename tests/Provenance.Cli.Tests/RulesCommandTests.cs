using System.Text.Json;
using Provenance.Cli;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

public sealed class RulesCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("provenance-rules-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void List_shows_every_rule_with_its_category_severity_and_title()
    {
        var output = new StringWriter();
        RulesCommand.List(null, "text", RepoPaths.Root, output, TextWriter.Null).ShouldBe(0);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Id");
        lines.ShouldContain(l => l.StartsWith("PRV1001  Attribution  info     outlet     Original source credited", StringComparison.Ordinal));
        lines[^1].ShouldMatch(@"^\d+ rules in 7 packs$");
    }

    [Fact]
    public void List_as_json_is_an_array_of_rules()
    {
        var output = new StringWriter();
        RulesCommand.List(null, "json", RepoPaths.Root, output, TextWriter.Null).ShouldBe(0);
        using var document = JsonDocument.Parse(output.ToString());
        var rules = document.RootElement.EnumerateArray().ToList();
        rules.Count.ShouldBe(DefaultRules.LoadRuleSet().Rules.Length);
        rules[0].GetProperty("id").GetString().ShouldBe("PRV1001");
        rules[0].GetProperty("severity").GetString().ShouldBe("info");
    }

    [Fact]
    public void Explain_prints_the_rules_page()
    {
        var output = new StringWriter();
        RulesCommand.Explain("prv2002", null, RepoPaths.Root, output, TextWriter.Null).ShouldBe(0);
        output.ToString().ShouldStartWith("# PRV2002: Anonymous source");
        output.ToString().ShouldContain("| Score effect | -4 sourcing, up to 4 times |");
    }

    [Fact]
    public void The_copy_rules_are_listed_and_explained_with_their_score_effect()
    {
        var list = new StringWriter();
        RulesCommand.List(null, "text", RepoPaths.Root, list, TextWriter.Null).ShouldBe(0);
        list.ToString().ShouldContain("PRV8001  Integrity    warning  copies     Uncredited copy (check --copies)");

        var output = new StringWriter();
        RulesCommand.Explain("prv8001", null, RepoPaths.Root, output, TextWriter.Null).ShouldBe(0);
        output.ToString().ShouldStartWith("# PRV8001: Uncredited copy");
        output.ToString().ShouldContain("| Score effect | -10 Integrity, counted once |");
        output.ToString().ShouldContain("`provenance check --copies`");
    }

    [Fact]
    public void Explain_of_an_unknown_id_is_a_usage_error()
    {
        var error = new StringWriter();
        RulesCommand.Explain("PRV9999", null, RepoPaths.Root, TextWriter.Null, error).ShouldBe(2);
        error.ToString().ShouldContain("no rule PRV9999");
    }

    [Fact]
    public void Validate_accepts_the_shipped_rules_folder()
    {
        var output = new StringWriter();
        RulesCommand.Validate("rules", RepoPaths.Root, output, TextWriter.Null).ShouldBe(0);
        var version = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Rules, "attribution.rules.json"))).RootElement.GetProperty("version").GetString();
        output.ToString().ShouldContain($"rules/attribution.rules.json: provenance.attribution {version}");
        output.ToString().ShouldContain("7 packs: valid");
    }

    [Fact]
    public void Validate_reports_every_error_with_its_location_and_exit_code_2()
    {
        File.WriteAllText(Path.Combine(_temp, "a.rules.json"), """
            { "name": "a", "version": "1.0.0", "rules": [
              { "id": "PRV9001", "kind": "outlet", "title": "T", "messageFormat": "{0} {4}", "category": "c", "defaultSeverity": "info", "reliability": ["shaky"] } ] }
            """);
        var error = new StringWriter();
        RulesCommand.Validate(_temp, _temp, TextWriter.Null, error).ShouldBe(2);
        var text = error.ToString();
        text.ShouldContain("a.rules.json(2,");
        text.ShouldContain("$.rules[0].reliability[0]: expected one of generally_reliable");
        text.ShouldNotContain("   at ");
    }

    [Fact]
    public void Docs_writes_a_page_per_rule_and_an_index()
    {
        var output = new StringWriter();
        RulesCommand.Docs(_temp, null, RepoPaths.Root, output, TextWriter.Null).ShouldBe(0);
        var rules = DefaultRules.LoadRuleSet().Rules;
        Directory.GetFiles(_temp, "PRV*.md").Length.ShouldBe(rules.Length);
        File.ReadAllText(Path.Combine(_temp, "README.md")).ShouldContain("[PRV1001](PRV1001.md)");
        Directory.GetFiles(_temp, "*.tmp").ShouldBeEmpty();
    }
}
