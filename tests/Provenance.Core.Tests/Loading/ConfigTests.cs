using System.Text.Json;
using Provenance.Configuration;
using Provenance.Json;
using Provenance.Rules;
using Provenance.Tests;

namespace Provenance.Core.Tests.Loading;

public sealed class ConfigTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "config", "provenance.json");

    [Fact]
    public void The_example_configuration_is_valid_against_its_schema_and_loads()
    {
        using var result = JsonDocument.Parse(NodeTools.Run("validate.mjs", Path.Combine(RepoPaths.Root, "docs", "provenance.config.schema.json"), Fixture));
        result.RootElement.GetProperty("valid").GetBoolean().ShouldBeTrue(result.RootElement.GetProperty("errors").ToString());
        var config = ConfigLoader.Load("provenance.json", "/site", File.ReadAllText(Fixture));
        config.Root.ShouldBeTrue();
        config.Settings.FailOn.ShouldBe(Severity.Warning);
        config.Settings.Rules["PRV6002"].ShouldBeNull();
        config.SettingsFor("opinion/a.md").FailBelow.ShouldBe(20);
        config.SettingsFor("news/a.md").FailBelow.ShouldBe(40);
        config.Ignores("drafts/x.txt").ShouldBeTrue();
        config.Ignores("news/deep/a.tmp.md").ShouldBeTrue();
        config.Ignores("news/a.md").ShouldBeFalse();
        config.Settings.CopyOptions().ShouldBe(new Provenance.Corpus.CopyOptions(0.3, 25));
    }

    [Fact]
    public void Copy_thresholds_merge_key_by_key_belong_to_the_top_level_and_bad_ones_are_located()
    {
        var parent = ConfigLoader.Load("a", "/", """{ "copies": { "minShare": 0.2, "minShingles": 40 } }""").Settings;
        var child = ConfigLoader.Load("b", "/x", """{ "copies": { "minShingles": 30 } }""").Settings;
        parent.Merge(child).CopyOptions().ShouldBe(new Provenance.Corpus.CopyOptions(0.2, 30));
        ConfigSettings.Empty.CopyOptions().ShouldBe(new Provenance.Corpus.CopyOptions());
        parent.ShouldNotBe(parent with { CopyMinShare = 0.3 });

        var errors = Should.Throw<JsonLoadException>(() => ConfigLoader.Load("provenance.json", "/", "{\n  \"copies\": { \"minShare\": 0, \"minShingles\": 0,\n    \"minWords\": 3 },\n  \"overrides\": [ { \"files\": [\"a/**\"], \"copies\": {} } ]\n}")).Errors;
        errors.Select(e => (e.Line, e.JsonPath)).ShouldBe([(2, "$.copies.minShare"), (2, "$.copies.minShingles"), (3, "$.copies.minWords"), (4, "$.overrides[0].copies")]);
    }

    [Theory]
    [InlineData("*.md", "a.md", true)]
    [InlineData("*.md", "news/a.md", true)]
    [InlineData("news/*.md", "news/a.md", true)]
    [InlineData("news/*.md", "news/deep/a.md", false)]
    [InlineData("news/**/*.md", "news/deep/er/a.md", true)]
    [InlineData("news/**/*.md", "news/a.md", true)]
    [InlineData("{news,opinion}/**", "opinion/x.txt", true)]
    [InlineData("drafts", "drafts/a.txt", true)]
    [InlineData("a?.txt", "ab.txt", true)]
    public void Globs_match_as_configuration_files_mean_them(string pattern, string path, bool expected)
    {
        new Glob(pattern).IsMatch(path).ShouldBe(expected);
    }

    [Fact]
    public void Nearer_settings_win_key_by_key()
    {
        var parent = ConfigLoader.Load("a", "/", """{ "rules": { "PRV2003": "error", "PRV2002": "info" }, "failBelow": 30 }""").Settings;
        var child = ConfigLoader.Load("b", "/x", """{ "rules": { "PRV2003": "none" } }""").Settings;
        var merged = parent.Merge(child);
        merged.Rules["PRV2003"].ShouldBeNull();
        merged.Rules["PRV2002"].ShouldBe(Severity.Info);
        merged.FailBelow.ShouldBe(30);
    }

    [Fact]
    public void Unknown_rule_ids_are_found_once_the_rules_are_known()
    {
        const string json = """
            { "rules": { "PRV2003": "info" },
              "overrides": [ { "files": ["a/**"], "rules": { "PRV9998": "none" }, "categories": { "Gossip": "none" } } ] }
            """;
        var errors = ConfigLoader.CheckRuleIds("provenance.json", json, DefaultRules.LoadRuleSet());
        errors.Select(e => e.JsonPath).ShouldBe(["$.overrides[0].rules.PRV9998", "$.overrides[0].categories.Gossip"]);
        errors[0].Line.ShouldBe(2);
    }

    [Fact]
    public void Bad_values_are_located()
    {
        var errors = Should.Throw<JsonLoadException>(() => ConfigLoader.Load("provenance.json", "/", "{\n  \"failOn\": \"sometimes\",\n  \"rules\": { \"X1\": \"info\" }\n}")).Errors;
        errors.Select(e => (e.Line, e.JsonPath)).ShouldBe([(2, "$.failOn"), (3, "$.rules.X1")]);
    }

    [Fact]
    public void Settings_merged_from_the_same_files_are_equal_so_articles_share_one_analysis()
    {
        // Each file's settings are merged afresh (new dictionaries each time); equal content must be
        // equal settings, or a run and the service would keep one entry per article.
        var parent = ConfigLoader.Load("a", "/", """{ "rules": { "PRV2003": "error", "PRV2002": "info" }, "categories": { "Integrity": "info" }, "ruleOptions": { "PRV2010": { "atLeast": 5 } }, "failBelow": 30 }""");
        var child = ConfigLoader.Load("b", "/x", """{ "rules": { "PRV2003": "none" } }""");
        var first = ConfigSettings.Empty.Merge(parent.SettingsFor("x/a.txt")).Merge(child.SettingsFor("a.txt"));
        var second = ConfigSettings.Empty.Merge(parent.SettingsFor("x/b.txt")).Merge(child.SettingsFor("b.txt"));
        first.ShouldNotBeSameAs(second);
        first.ShouldBe(second);
        first.GetHashCode().ShouldBe(second.GetHashCode());
        first.ShouldNotBe(ConfigSettings.Empty.Merge(parent.SettingsFor("x/a.txt")));
        first.ShouldNotBe(first with { FailBelow = 31 });
    }
}
