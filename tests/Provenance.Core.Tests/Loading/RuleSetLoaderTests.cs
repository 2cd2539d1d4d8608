using Provenance.Json;
using Provenance.Rules;
using Provenance.Tests;

namespace Provenance.Core.Tests.Loading;

/// <summary>
/// Broken rule files are rejected with the file, line, column and JSON path of the problem and a
/// message saying what was expected. Fixtures under invalid/ break the JSON Schema too (see
/// <see cref="SchemaValidationTests"/>); those under semantic/ are errors no schema can express
/// (an invalid regex, a duplicate id, a message argument the rule does not supply).
/// </summary>
public sealed class RuleSetLoaderTests
{
    public static TheoryData<string, int, string, string> InvalidFixtures => new()
    {
        { "invalid/syntax-error.rules.json", 5, "$.rules[0].id", "invalid JSON" },
        { "invalid/unknown-key.rules.json", 12, "$.rules[0].scopee", "unknown key 'scopee'; did you mean 'scope'?" },
        { "semantic/invalid-regex.rules.json", 12, "$.rules[0].patterns[0]", "invalid regular expression" },
        { "invalid/wrong-type.rules.json", 12, "$.rules[0].phrases", "expected an array of strings, found a string" },
        { "invalid/missing-key.rules.json", 5, "$.rules[0]", "missing required key 'title'" },
        { "semantic/duplicate-id.rules.json", 6, "$.rules[1].id", "duplicate rule id PRV9001; it is already defined in semantic/duplicate-id.rules.json at line 5" },
        { "invalid/bad-severity.rules.json", 5, "$.rules[0].defaultSeverity", "expected one of hidden, info, warning, error; found \"warn\" (did you mean \"warning\"?)" },
        { "invalid/bad-id.rules.json", 5, "$.rules[0].id", "expected PRV followed by four digits" },
        { "invalid/unknown-kind.rules.json", 5, "$.rules[0].kind", "expected one of pattern, lexicon, outlet, link, proximity, structure, metadata, absence, language, count, share, echo, quote; found \"regex\"" },
        { "invalid/bad-scope.rules.json", 5, "$.rules[0].scope[1]", "expected one of title, heading, body, footer, any; found \"sidebar\"" },
        { "semantic/missing-capture.rules.json", 5, "$.rules[0].patterns[0]", "no capture named 'who'" },
        { "semantic/bad-message-format.rules.json", 5, "$.rules[0].messageFormat", "uses an argument the rule does not supply" },
        { "invalid/reserved-id.rules.json", 5, "$.rules[0].id", "PRV0001 is reserved" },
        { "invalid/reserved-copy-id.rules.json", 5, "$.rules[0].id", "PRV8001 is reserved: PRV8xxx ids belong to the copy rules" },
        { "invalid/bad-reliability.rules.json", 5, "$.rules[0].reliability[0]", "expected one of generally_reliable, no_consensus, marginal, generally_unreliable, deprecated, unrated; found \"shaky\"" },
        { "invalid/count-without-signals.rules.json", 5, "$.rules[0]", "missing required key 'signals'" },
        { "invalid/bad-where.rules.json", 5, "$.rules[0].where.lead", "expected a whole number from 1 to 1000, found 0" },
        { "semantic/invalid-exception.rules.json", 5, "$.rules[0].exceptions[0]", "invalid regular expression" },
        { "invalid/echo-suffix-not-letters.rules.json", 13, "$.rules[0].suffixes[1]", "expected letters only, found \"ment s\"" },
    };

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Invalid_rule_files_are_rejected_with_file_line_and_path(string file, int line, string path, string message)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", file));
        var error = Should.Throw<JsonLoadException>(() => RuleSetLoader.Load([new RuleSource(file, json)])).Errors[0];
        error.Source.ShouldBe(file);
        error.Line.ShouldBe(line);
        error.JsonPath.ShouldBe(path);
        error.Message.ShouldContain(message);
        error.ToString().ShouldStartWith($"{file}({line},");
        error.Column.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Columns_count_characters_on_a_file_written_as_one_line()
    {
        // Generated files (the outlet registry) are one long line: columns are counted in
        // characters, not bytes, however far along the line and whatever came before.
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "invalid", "unknown-key.rules.json"))
            .Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal)
            .Replace("\"Example\"", "\"Crédit — € 😀 " + new string('x', 5000) + "\"", StringComparison.Ordinal);
        var error = Should.Throw<JsonLoadException>(() => RuleSetLoader.Load([new RuleSource("one-line.rules.json", json)])).Errors[0];
        error.Line.ShouldBe(1);
        error.Column.ShouldBe(json.IndexOf("\"scopee\"", StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void Every_invalid_fixture_is_covered_by_a_case()
    {
        var covered = InvalidFixtures.Select(row => row.Data.Item1).ToHashSet();
        foreach (var folder in new[] { "invalid", "semantic" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", folder)))
            {
                covered.ShouldContain($"{folder}/{Path.GetFileName(file)}");
            }
        }
    }

    [Fact]
    public void All_errors_of_all_files_are_reported_together()
    {
        var bad = """{ "name": "x", "version": "1", "rules": [ { "id": "PRV9001", "kind": "lexicon", "title": "T", "messageFormat": "m", "category": "c", "defaultSeverity": "info", "phrases": [], "extra": 1 } ] }""";
        var errors = Should.Throw<JsonLoadException>(() => RuleSetLoader.Load([new RuleSource("a.rules.json", bad), new RuleSource("b.rules.json", "[]")])).Errors;
        errors.Select(e => (e.Source, e.JsonPath)).ShouldBe(
        [
            ("a.rules.json", "$.version"),
            ("a.rules.json", "$.rules[0].extra"),
            ("a.rules.json", "$.rules[0].phrases"),
            ("b.rules.json", "$"),
        ],
        ignoreOrder: true);
    }

    [Fact]
    public void Each_bad_item_of_a_list_is_reported_at_its_own_index()
    {
        var pack = """
            { "name": "p", "version": "1.0.0", "rules": [
              { "id": "PRV9001", "kind": "lexicon", "title": "T", "messageFormat": "m {0}", "category": "c", "defaultSeverity": "info",
                "phrases": ["fine", " ", 3, "also fine"] } ] }
            """;
        var errors = Should.Throw<JsonLoadException>(() => RuleSetLoader.Load([new RuleSource("a.rules.json", pack)])).Errors;
        errors.Select(e => (e.JsonPath, e.Message, e.Line)).ShouldBe(
        [
            ("$.rules[0].phrases[1]", "must not be empty", 3),
            ("$.rules[0].phrases[2]", "expected a string, found a number", 3),
        ]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_outlet_context_is_checked_as_written_not_as_wrapped(bool compile)
    {
        // "a)|(b" is invalid, but valid once wrapped in "(?:…)": the error must still be reported, in the file's own terms.
        var pack = """
            { "name": "p", "version": "1.0.0", "rules": [
              { "id": "PRV9001", "kind": "outlet", "title": "T", "messageFormat": "m {0}", "category": "c", "defaultSeverity": "info",
                "before": ["according\\s+to", "a)|(b"], "after": ["(unclosed"] } ] }
            """;
        var limits = RuleLimits.Default with { CompileExpressions = compile, PrecompiledExpressions = true };
        var errors = Should.Throw<JsonLoadException>(() => RuleSetLoader.Load([new RuleSource("a.rules.json", pack)], limits, new Lazy<Provenance.Outlets.OutletRegistry>(Provenance.Outlets.OutletRegistry.Empty), "r")).Errors;
        errors.Select(e => (e.JsonPath, e.Message[..e.Message.IndexOf('.', StringComparison.Ordinal)])).ShouldBe(
        [
            ("$.rules[0].before[1]", "invalid regular expression: Invalid pattern 'a)|(b' at offset 2"),
            ("$.rules[0].after[0]", "invalid regular expression: Invalid pattern '(unclosed' at offset 9"),
        ]);
    }

    [Fact]
    public void Empty_file_is_an_error_not_a_crash()
    {
        var error = Should.Throw<JsonLoadException>(() => RuleSetLoader.Load([new RuleSource("empty.rules.json", "  ")])).Errors.Single();
        error.Message.ShouldContain("empty");
    }

    [Fact]
    public void Duplicate_ids_across_files_name_the_first_definition()
    {
        var pack = """
            { "name": "p", "version": "1.0.0", "rules": [
              { "id": "PRV9001", "kind": "lexicon", "title": "T", "messageFormat": "m {0}", "category": "c", "defaultSeverity": "info", "phrases": ["x"] } ] }
            """;
        var error = Should.Throw<JsonLoadException>(() => RuleSetLoader.Load([new RuleSource("a.rules.json", pack), new RuleSource("b.rules.json", pack)])).Errors.Single();
        error.Source.ShouldBe("b.rules.json");
        error.Message.ShouldBe("duplicate rule id PRV9001; it is already defined in a.rules.json at line 2");
    }

    [Fact]
    public void Loading_the_registry_now_builds_its_name_searches_alongside_and_only_then()
    {
        // The first article would otherwise build them on the core that is analysing it.
        var now = DefaultRules.LoadRuleSet(RuleLimits.Default, loadRegistryNow: true);
        SpinWait.SpinUntil(() => now.Registry.Matcher.IsPrepared, TimeSpan.FromSeconds(30)).ShouldBeTrue();

        var later = DefaultRules.LoadRuleSet(RuleLimits.Default, loadRegistryNow: false);
        later.Registry.Matcher.IsPrepared.ShouldBeFalse();
    }

    [Fact]
    public void Default_packs_load_and_carry_versions()
    {
        var rules = DefaultRules.LoadRuleSet();
        rules.Rules.Length.ShouldBeGreaterThan(30);
        foreach (var pack in rules.Packs)
        {
            using var file = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, pack.Source)));
            pack.Version.ShouldBe(file.RootElement.GetProperty("version").GetString(), pack.Name);
        }

        rules.Rules.Select(r => r.Id).ShouldBeUnique();
        rules.Rules.ShouldAllBe(r => r.Descriptor.HelpUri == $"docs/rules/{r.Id}.md");
    }

    [Fact]
    public void The_embedded_files_read_as_the_files_in_the_rules_folder()
    {
        // The embedded bytes are decoded by hand; what comes out must be the text a reader gives.
        var embedded = DefaultRules.RuleSources().Append(DefaultRules.ScoringSource()).Append(DefaultRules.OutletsSource()).ToList();
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "rules"), "*.json").Select(f => "rules/" + Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

        embedded.Select(s => s.Name).Order(StringComparer.Ordinal).ShouldBe(files);
        foreach (var source in embedded)
        {
            source.Json.ShouldBe(File.ReadAllText(Path.Combine(RepoPaths.Root, source.Name)), source.Name);
        }

        DefaultRules.RuleSources().Select(s => s.Name).ShouldBe(DefaultRules.RuleSources().Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_fingerprint_changes_with_any_pack_or_the_registry_and_only_then()
    {
        // The cache trusts an analysis only under the same fingerprint; it is computed when first asked for.
        var pack = """
            { "name": "p", "version": "1.0.0", "rules": [
              { "id": "PRV9001", "kind": "lexicon", "title": "T", "messageFormat": "m {0}", "category": "c", "defaultSeverity": "info", "phrases": ["x"] } ] }
            """;
        var registry = new Lazy<Provenance.Outlets.OutletRegistry>(Provenance.Outlets.OutletRegistry.Empty);
        string Print(string json, string name = "a.rules.json", string registryPrint = "r1") =>
            RuleSetLoader.Load([new RuleSource(name, json)], RuleLimits.Default, registry, () => registryPrint).Fingerprint;

        var first = Print(pack);
        first.ShouldMatch("^[0-9a-f]{64}$");
        Print(pack).ShouldBe(first);
        Print(pack.Replace("[\"x\"]", "[\"y\"]", StringComparison.Ordinal)).ShouldNotBe(first);
        Print(pack, name: "b.rules.json").ShouldNotBe(first);
        Print(pack, registryPrint: "r2").ShouldNotBe(first);
        RuleSetLoader.Load([new RuleSource("a.rules.json", pack)], RuleLimits.Default, registry, "r1").Fingerprint.ShouldBe(first);

        var defaults = DefaultRules.LoadRuleSet();
        defaults.Fingerprint.ShouldMatch("^[0-9a-f]{64}$");
        DefaultRules.LoadRuleSet().Fingerprint.ShouldBe(defaults.Fingerprint);
    }

    [Fact]
    public void A_catastrophic_pattern_is_stopped_and_reported_against_the_rule()
    {
        var pack = """
            { "name": "p", "version": "1.0.0", "rules": [
              { "id": "PRV9001", "kind": "pattern", "title": "T", "messageFormat": "m {0}", "category": "c", "defaultSeverity": "info", "patterns": ["^(a+)+$"] } ] }
            """;
        var rules = RuleSetLoader.Load([new RuleSource("evil.rules.json", pack)], new RuleLimits(TimeSpan.FromMilliseconds(20), 500));
        var findings = rules.Analyze(Articles.Article.FromText(new string('a', 40) + "!"), TestContext.Current.CancellationToken).Findings;
        var timeout = findings.Single(f => f.RuleId == Provenance.Analysis.EngineDiagnostics.RuleTimedOut);
        timeout.Message.ShouldContain("PRV9001");
    }
}
