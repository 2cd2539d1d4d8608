using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Provenance.Articles;
using Provenance.Json;
using Provenance.Outlets;
using Provenance.Rules.Kinds;

namespace Provenance.Rules;

/// <summary>
/// Loads rule packs from JSON and compiles them into a <see cref="RuleSet"/>. Every problem in every
/// file is collected and reported with its file, line, column and JSON path; unknown keys and
/// duplicate ids are errors.
/// </summary>
public static partial class RuleSetLoader
{
    private static readonly IReadOnlyCollection<string> PackKeys = ["name", "version", "description", "rules"];
    internal static readonly IReadOnlyCollection<string> CommonKeys =
        ["id", "kind", "title", "messageFormat", "category", "defaultSeverity", "enabled", "helpUri", "description", "tags", "scope", "where", "exceptions", "signal", "fix", "formats", "examples"];
    private static readonly IReadOnlyCollection<string> ExampleKeys = ["fires", "quiet"];

    private static readonly RuleCommon Placeholder = new(
        new RuleDescriptor("PRV9999", "placeholder", "{0}", "none", Severity.Hidden, false, null, null, [], "none"), RuleScope.Any, null, RuleExamples.None, null, []);

    /// <summary>The rule kinds the engine knows, with the keys each adds to the common ones.</summary>
    public static IReadOnlyCollection<string> Kinds => RuleKinds.Names;

    /// <summary>Loads and compiles rule packs.</summary>
    /// <exception cref="JsonLoadException">Any file has any error; the exception lists them all.</exception>
    public static RuleSet Load(IEnumerable<RuleSource> sources, RuleLimits? limits = null, OutletRegistry? registry = null)
    {
        var known = registry ?? OutletRegistry.Empty;
        return Load(sources, limits ?? RuleLimits.Default, new Lazy<OutletRegistry>(known), $"{known.Version}:{known.Outlets.Length}:{known.Domains.Length}");
    }

    /// <summary>
    /// Loads and compiles rule packs with an outlet registry loaded only when a rule first needs it
    /// (a run whose articles all come from a cache never does); <paramref name="registryFingerprint"/>
    /// identifies the registry in the rule set's fingerprint.
    /// </summary>
    /// <exception cref="JsonLoadException">Any file has any error; the exception lists them all.</exception>
    internal static RuleSet Load(IEnumerable<RuleSource> sources, RuleLimits limits, Lazy<OutletRegistry> registry, string registryFingerprint)
    {
        ArgumentNullException.ThrowIfNull(registryFingerprint);
        return Load(sources, limits, registry, () => registryFingerprint);
    }

    /// <summary>
    /// As <see cref="Load(IEnumerable{RuleSource}, RuleLimits, Lazy{OutletRegistry}, string)"/>, with the
    /// registry's fingerprint computed only if the rule set's <see cref="RuleSet.Fingerprint"/> is asked for.
    /// </summary>
    /// <exception cref="JsonLoadException">Any file has any error; the exception lists them all.</exception>
    internal static RuleSet Load(IEnumerable<RuleSource> sources, RuleLimits limits, Lazy<OutletRegistry> registry, Func<string> registryFingerprint)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(registryFingerprint);
        var errors = new List<JsonLoadError>();
        var rules = new List<Rule>();
        var packs = new List<RulePackInfo>();
        var defined = new Dictionary<string, (JsonLoadContext Context, string Path)>(StringComparer.Ordinal);
        // Stable: packs of the same name keep the order they were given in.
        var ordered = sources.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        foreach (var source in ordered)
        {
            LoadPack(source, limits, rules, packs, defined, errors);
        }

        if (errors.Count > 0)
        {
            throw new JsonLoadException(errors);
        }

        var fingerprint = new Lazy<string>(() => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('\u001e', ordered.Select(s => s.Name + '\u001f' + s.Json)) + '\u001e' + registryFingerprint()))));
        return new RuleSet([.. rules.OrderBy(r => r.Id, StringComparer.Ordinal)], [.. packs], limits, registry, fingerprint);
    }

    private static void LoadPack(RuleSource source, RuleLimits limits, List<Rule> rules, List<RulePackInfo> packs,
        Dictionary<string, (JsonLoadContext Context, string Path)> defined, List<JsonLoadError> errors)
    {
        var parsed = JsonLoadContext.Parse(source.Name, source.Json, errors);
        if (parsed is not { } p)
        {
            return;
        }

        using var document = p.Document;
        var context = p.Context;
        var pack = ObjectReader.Open(context, document.RootElement, "$", PackKeys);
        if (pack is null)
        {
            return;
        }

        var name = pack.String("name", required: true) ?? source.Name;
        var version = pack.String("version", required: true) ?? "0.0.0";
        if (pack.Has("version") && !VersionPattern().IsMatch(version))
        {
            pack.Error("version", $"expected a version like 1.2.0, found \"{version}\"");
        }

        pack.String("description");
        packs.Add(new RulePackInfo(name, version, source.Name));
        foreach (var (element, path) in pack.Array("rules", required: true))
        {
            var rule = LoadRule(context, element, path, name, limits);
            if (rule is null)
            {
                continue;
            }

            if (defined.TryGetValue(rule.Id, out var first))
            {
                context.Error(JsonPositions.Child(path, "id"), $"duplicate rule id {rule.Id}; it is already defined in {first.Context.Source} at line {first.Context.Positions.Find(first.Path).Line}");
                continue;
            }

            // Where a rule is defined is looked up only for a duplicate: finding positions walks the whole file.
            defined.Add(rule.Id, (context, path));
            rules.Add(rule);
        }
    }

    private static Rule? LoadRule(JsonLoadContext context, JsonElement element, string path, string pack, RuleLimits limits)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            context.Error(path, $"expected a rule object, found {JsonLoadContext.Describe(element.ValueKind)}");
            return null;
        }

        // The kind decides which keys are allowed, so it is read before the object is checked.
        var kind = element.TryGetProperty("kind", out var kindElement) && kindElement.ValueKind == JsonValueKind.String
            ? kindElement.GetString()
            : null;
        var definition = RuleKinds.Find(kind);

        // With the kind unknown, any kind's key is accepted so the kind is the one error reported.
        var kindKeys = definition?.Keys ?? RuleKinds.AnyKeys;
        var errorsBefore = context.Errors.Count;
        var reader = new ObjectReader(context, element, path, [.. CommonKeys, .. kindKeys]);
        reader.OneOf("kind", Kinds, required: true);
        var common = ReadCommon(reader, pack, limits);

        // The kind's own keys are checked even when the common ones have errors, so one load
        // reports every problem of the rule; a placeholder descriptor stands in and is discarded.
        var rule = definition?.Create(common ?? Placeholder, reader, limits);
        if (rule is not null && common is not null)
        {
            CheckMessageFormat(reader, rule, definition!.MessageArguments(rule));
        }

        return common is null || context.Errors.Count > errorsBefore ? null : rule;
    }

    private static RuleCommon? ReadCommon(ObjectReader reader, string pack, RuleLimits limits)
    {
        var id = reader.String("id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            reader.Error("id", $"expected PRV followed by four digits (PRV1001), found \"{id}\"");
            id = null;
        }
        else if (id is not null && id.StartsWith("PRV0", StringComparison.Ordinal))
        {
            reader.Error("id", $"{id} is reserved: PRV0xxx ids belong to the engine's own diagnostics");
            id = null;
        }
        else if (id is not null && id.StartsWith("PRV8", StringComparison.Ordinal))
        {
            reader.Error("id", $"{id} is reserved: PRV8xxx ids belong to the copy rules a run that looks for copies reports (house rules take PRV9xxx)");
            id = null;
        }

        var title = reader.String("title", required: true);
        var messageFormat = reader.String("messageFormat", required: true);
        var category = reader.String("category", required: true);
        var severityName = reader.OneOf("defaultSeverity", SeverityNames.All, required: true);
        var enabled = reader.Bool("enabled", true);
        var helpUri = reader.String("helpUri");
        if (helpUri is not null && !Uri.TryCreate(helpUri, UriKind.RelativeOrAbsolute, out _))
        {
            reader.Error("helpUri", $"expected a URI, found \"{helpUri}\"");
        }

        var description = reader.String("description");
        var tags = reader.Strings("tags");
        var scopeNames = reader.Has("scope") ? reader.Strings("scope", nonEmpty: true, acceptSingle: true) : ["any"];
        var scope = RuleScope.None;
        for (var i = 0; i < scopeNames.Length; i++)
        {
            var parsed = RuleScopes.Parse(scopeNames[i]);
            if (parsed == RuleScope.None)
            {
                var at = reader.TryGetRaw("scope", out var raw) && raw.ValueKind == JsonValueKind.Array
                    ? JsonPositions.Index(reader.ChildPath("scope"), i)
                    : reader.ChildPath("scope");
                reader.Context.Error(at, $"expected one of {string.Join(", ", RuleScopes.Names)}; found \"{scopeNames[i]}\"");
            }

            scope |= parsed;
        }

        var signal = reader.String("signal");
        if (signal is not null && !SignalPattern().IsMatch(signal))
        {
            reader.Error("signal", $"expected a lower-case name with hyphens (original-source), found \"{signal}\"");
        }

        var fix = reader.OneOf("fix", ["remove-block", "remove-match"]);
        var formatNames = reader.Strings("formats");
        var formats = ImmutableArray.CreateBuilder<ArticleFormat>(formatNames.Length);
        for (var i = 0; i < formatNames.Length; i++)
        {
            if (ArticleFormats.TryParse(formatNames[i]) is { } format)
            {
                formats.Add(format);
            }
            else
            {
                reader.Context.Error(JsonPositions.Index(reader.ChildPath("formats"), i), $"expected one of {string.Join(", ", ArticleFormats.Names)}; found \"{formatNames[i]}\"");
            }
        }

        var where = BlockFilter.Read(reader);
        var exceptions = PatternList.Compile(reader, "exceptions", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, limits);
        var examples = RuleExamples.None;
        if (reader.Object("examples", ExampleKeys) is { } exampleReader)
        {
            examples = new RuleExamples(exampleReader.Strings("fires"), exampleReader.Strings("quiet"));
        }

        if (id is null || title is null || messageFormat is null || category is null || severityName is null)
        {
            return null;
        }

        SeverityNames.TryParse(severityName, out var severity);
        var descriptor = new RuleDescriptor(id, title, messageFormat, category, severity, enabled, helpUri, description, tags, pack);
        return new RuleCommon(descriptor, scope, signal, examples, where, exceptions, fix, formats.ToImmutable());
    }

    // A format with {3} when the rule supplies two arguments would only fail on the first match;
    // formatting once with placeholders at load time finds it before any article is read.
    private static void CheckMessageFormat(ObjectReader reader, Rule rule, int count)
    {
        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, rule.Descriptor.MessageFormat, [.. Enumerable.Repeat<object?>("x", count)]);
        }
        catch (FormatException)
        {
            reader.Error("messageFormat", $"the message uses an argument the rule does not supply (it supplies {count}: {{0}}{(count > 1 ? $" to {{{count - 1}}}" : string.Empty)}), or has an unescaped brace");
        }
    }

    [GeneratedRegex(@"^PRV\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SignalPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
