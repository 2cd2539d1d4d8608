using System.Text.Encodings.Web;
using System.Text.Json;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Reporting;

/// <summary>The rules as JSON, for <c>provenance rules list --format json</c> and the service's <c>/v1/rules</c>.</summary>
public static class RuleCatalog
{
    /// <summary>Indented, with non-ASCII text kept readable.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes every rule of <paramref name="rules"/> as an array of summaries.</summary>
    public static void WriteList(Utf8JsonWriter json, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(rules);
        json.WriteStartArray();
        foreach (var rule in rules.Rules)
        {
            json.WriteStartObject();
            WriteFields(json, rule);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes one rule with its description, message, score effect and generated help page (Markdown).</summary>
    public static void WriteDetail(Utf8JsonWriter json, Rule rule, ScoringModel scoring)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(rule);
        json.WriteStartObject();
        WriteFields(json, rule);
        json.WriteString("description", rule.Descriptor.Description ?? rule.Descriptor.Title);
        json.WriteString("message", rule.Descriptor.MessageFormat);
        json.WriteString("scoreEffect", RuleDocumentation.ScoreEffect(rule, scoring));
        json.WriteString("documentation", RuleDocumentation.Render(rule, scoring));
        json.WriteEndObject();
    }

    /// <summary>The list as a UTF-8 JSON document.</summary>
    public static byte[] ListToUtf8(RuleSet rules) => ToUtf8(json => WriteList(json, rules));

    /// <summary>One rule's detail as a UTF-8 JSON document.</summary>
    public static byte[] DetailToUtf8(Rule rule, ScoringModel scoring) => ToUtf8(json => WriteDetail(json, rule, scoring));

    private static byte[] ToUtf8(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(json);
        }

        return buffer.ToArray();
    }

    private static void WriteFields(Utf8JsonWriter json, Rule rule)
    {
        var d = rule.Descriptor;
        json.WriteString("id", d.Id);
        json.WriteString("category", d.Category);
        json.WriteString("severity", d.DefaultSeverity.ToName());
        json.WriteString("kind", rule.Kind);
        json.WriteString("title", d.Title);
        json.WriteBoolean("enabled", d.IsEnabledByDefault);
        json.WriteString("pack", d.Pack);
        if (rule.Signal is not null)
        {
            json.WriteString("signal", rule.Signal);
        }

        if (d.HelpUri is not null)
        {
            json.WriteString("helpUri", d.HelpUri);
        }
    }
}
