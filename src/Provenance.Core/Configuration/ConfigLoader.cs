using System.Collections.Immutable;
using System.Text.Json;
using Provenance.Json;
using Provenance.Rules;

namespace Provenance.Configuration;

/// <summary>
/// Loads <c>provenance.json</c> (comments allowed), reporting every problem with its file, line and
/// JSON path; unknown keys, unknown severities and malformed globs are errors. A rule id that no
/// loaded pack defines is checked by <see cref="CheckRuleIds"/>, once the rules are known.
/// </summary>
public static class ConfigLoader
{
    private static readonly IReadOnlyCollection<string> RootKeys =
        ["root", "rules", "categories", "ruleOptions", "failOn", "failBelow", "maxWarnings", "ignore", "ruleDirectories", "overrides", "copies"];
    private static readonly IReadOnlyCollection<string> OverrideKeys = ["files", "rules", "categories", "ruleOptions", "failOn", "failBelow", "maxWarnings"];
    private static readonly IReadOnlyCollection<string> CountKeys = ["atLeast", "atMost"];
    private static readonly IReadOnlyCollection<string> CopyKeys = ["minShare", "minShingles"];
    private static readonly IReadOnlyCollection<string> SeverityValues = ["error", "warning", "info", "hidden", "none"];
    private static readonly IReadOnlyCollection<string> FailValues = ["error", "warning", "info", "none"];

    /// <summary>Loads a configuration from <paramref name="json"/>.</summary>
    /// <param name="source">The file's name as shown to the user.</param>
    /// <param name="directory">The folder the file is in.</param>
    /// <param name="json">The file's text.</param>
    /// <exception cref="JsonLoadException">The file has errors; the exception lists them all.</exception>
    public static ProvenanceConfig Load(string source, string directory, string json)
    {
        var errors = new List<JsonLoadError>();
        if (JsonLoadContext.Parse(source, json, errors) is not { } parsed)
        {
            throw new JsonLoadException(errors);
        }

        using var document = parsed.Document;
        var context = parsed.Context;
        var root = ObjectReader.Open(context, document.RootElement, "$", RootKeys) ?? throw new JsonLoadException(errors);
        var isRoot = root.Bool("root", false);
        var settings = ReadSettings(root);

        // Copy thresholds belong to the run, which compares articles with each other: top level only.
        if (root.Object("copies", CopyKeys) is { } copies)
        {
            var share = copies.Number("minShare", min: 0, max: 1);
            if (share == 0)
            {
                copies.Error("minShare", "expected a share above 0 and at most 1, such as 0.5");
            }

            settings = settings with { CopyMinShare = share, CopyMinShingles = copies.Integer("minShingles", min: 1) };
        }

        var ignore = Globs(root, "ignore");
        var ruleDirectories = root.Strings("ruleDirectories");
        var overrides = ImmutableArray.CreateBuilder<ConfigOverride>();
        foreach (var (element, path) in root.Array("overrides"))
        {
            if (ObjectReader.Open(context, element, path, OverrideKeys) is { } section)
            {
                var files = Globs(section, "files", required: true);
                overrides.Add(new ConfigOverride(files, ReadSettings(section)));
            }
        }

        return errors.Count > 0
            ? throw new JsonLoadException(errors)
            : new ProvenanceConfig(source, directory, isRoot, settings, ignore, ruleDirectories, overrides.ToImmutable());
    }

    // Until December 2026 the built-in rules were filed under seven families; they now use the
    // scorecard's four categories, and a configuration naming an old one is told where it went.
    private static readonly Dictionary<string, string> FormerCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Disclosure"] = "Transparency",
        ["Metadata"] = "Transparency",
        ["Commercial"] = "Integrity",
        ["Boilerplate"] = "Integrity",
        ["Language"] = "Integrity",
    };

    /// <summary>Errors for rule ids and categories the configuration names but no loaded rule has.</summary>
    public static IReadOnlyList<JsonLoadError> CheckRuleIds(string source, string json, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<JsonLoadError>();
        if (JsonLoadContext.Parse(source, json, errors) is not { } parsed)
        {
            return errors;
        }

        using var document = parsed.Document;
        // The copy rules (PRV8xxx) are reported by runs that look for copies, outside the rule set.
        var categories = rules.Rules.Select(r => r.Descriptor.Category).ToHashSet(StringComparer.OrdinalIgnoreCase);
        void Check(JsonElement section, string path)
        {
            foreach (var (key, known, what) in new[] { ("rules", (Func<string, bool>)(id => rules.Find(id) is not null || Corpus.CopyVerdicts.Descriptors.Any(d => d.Id == id)), "rule"), ("ruleOptions", id => rules.Find(id) is not null, "rule"), ("categories", categories.Contains, "category") })
            {
                if (section.TryGetProperty(key, out var map) && map.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in map.EnumerateObject().Where(p => !known(p.Name)))
                    {
                        var hint = what != "category" ? string.Empty
                            : $" (categories: {string.Join(", ", categories.Order(StringComparer.Ordinal))}"
                              + (FormerCategories.TryGetValue(property.Name, out var now) ? $"; '{property.Name}' rules are now under '{now}')" : ")");
                        parsed.Context.Error(JsonPositions.Child(JsonPositions.Child(path, key), property.Name), $"no {what} '{property.Name}' is defined by the loaded rule packs{hint}");
                    }
                }
            }
        }

        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            Check(root, "$");
            if (root.TryGetProperty("overrides", out var overrides) && overrides.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var section in overrides.EnumerateArray())
                {
                    if (section.ValueKind == JsonValueKind.Object)
                    {
                        Check(section, JsonPositions.Index("$.overrides", i));
                    }

                    i++;
                }
            }
        }

        return errors;
    }

    private static ConfigSettings ReadSettings(ObjectReader reader)
    {
        var rules = Severities(reader, "rules", id => id.StartsWith("PRV", StringComparison.Ordinal) && id.Length == 7, "a rule id such as PRV1001");
        var categories = Severities(reader, "categories", _ => true, "a category");
        var options = ImmutableDictionary.CreateBuilder<string, (int?, int?)>(StringComparer.Ordinal);
        if (reader.TryGetRaw("ruleOptions", out var map) && map.ValueKind != JsonValueKind.Object)
        {
            reader.Error("ruleOptions", $"expected an object of rule id to options, found {JsonLoadContext.Describe(map.ValueKind)}");
        }

        foreach (var (property, path) in Properties(reader, "ruleOptions"))
        {
            if (ObjectReader.Open(reader.Context, property.Value, path, CountKeys) is { } count)
            {
                options[property.Name] = (count.Integer("atLeast", min: 0), count.Integer("atMost", min: 0));
            }
        }

        var failOn = reader.OneOf("failOn", FailValues);
        return new ConfigSettings(
            rules,
            categories,
            options.ToImmutable(),
            failOn is null ? null : failOn == "none" ? (Severity)int.MaxValue : Parse(failOn),
            reader.Integer("failBelow", min: 0, max: 101),
            reader.Integer("maxWarnings", min: 0));
    }

    private static ImmutableDictionary<string, Severity?> Severities(ObjectReader reader, string key, Func<string, bool> validKey, string expected)
    {
        var result = ImmutableDictionary.CreateBuilder<string, Severity?>(StringComparer.Ordinal);
        if (!reader.TryGetRaw(key, out var map))
        {
            return result.ToImmutable();
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            reader.Error(key, $"expected an object of {expected} to severity, found {JsonLoadContext.Describe(map.ValueKind)}");
            return result.ToImmutable();
        }

        foreach (var property in map.EnumerateObject())
        {
            var path = JsonPositions.Child(reader.ChildPath(key), property.Name);
            if (!validKey(property.Name))
            {
                reader.Context.Error(path, $"expected {expected}, found \"{property.Name}\"");
                continue;
            }

            var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            if (value is null || !SeverityValues.Contains(value))
            {
                reader.Context.Error(path, $"expected one of {string.Join(", ", SeverityValues)}; found {property.Value.GetRawText()}");
                continue;
            }

            result[property.Name] = value == "none" ? null : Parse(value);
        }

        return result.ToImmutable();
    }

    private static IEnumerable<(JsonProperty Value, string Path)> Properties(ObjectReader reader, string key)
    {
        if (reader.TryGetRaw(key, out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in map.EnumerateObject())
            {
                yield return (property, JsonPositions.Child(reader.ChildPath(key), property.Name));
            }
        }
    }

    private static ImmutableArray<Glob> Globs(ObjectReader reader, string key, bool required = false) =>
        [.. reader.Strings(key, required: required, nonEmpty: required).Select(p => new Glob(p))];

    private static Severity Parse(string name) => SeverityNames.TryParse(name, out var severity) ? severity : Severity.Error;
}
