using System.Globalization;
using System.Text;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Reporting;

/// <summary>
/// Renders a rule's help page (docs/rules/PRV1234.md) from its rule file and the scoring model:
/// what it finds, why it matters, its score effect, examples that fire and that do not, and how
/// to configure it. Pages are generated, never edited by hand; a test fails when one is stale.
/// </summary>
public static class RuleDocumentation
{
    // Why each family of rules matters, by the first digit of its ids (PRV1xxx attribution …
    // PRV7xxx metadata): more particular than the four scorecard categories the families score in.
    private static readonly Dictionary<char, string> WhyByFamily = new()
    {
        ['1'] = "Attribution says where a text came from. An editor can check a credited original, a wire dateline or a named outlet against its source; a text that credits nothing, or only asserts its sources, cannot be checked.",
        ['2'] = "Sourcing says who stands behind each claim. Named people quoted in their own words can be checked and held to account; anonymous and vague attributions ask the reader to trust the writer instead.",
        ['3'] = "Disclosure tells readers how a text was made: whether AI wrote the text or only an image, and whether errors were corrected. Undisclosed generation, such as chatbot text left in place, is a breach of that trust.",
        ['4'] = "Commercial content has a motive other than informing: promotion, sponsorship and press releases are written by an interested party and must be weighed as such.",
        ['5'] = "Page debris copied in with the text (comment forms, share prompts, tag lists, content-farm bios) shows the article was scraped or mass-produced rather than edited.",
        ['6'] = "Template and spun language are the fingerprints of generated, rewritten or paraphrased copy. Each is a weak signal; together they point at text no reporter wrote.",
        ['7'] = "Who wrote an article and when are the first facts a reader needs to judge it; credibility frameworks from NewsGuard to the W3C Credible Web group list both.",
    };

    // For a rule outside the built-in families (a house rule, PRV9xxx) or filed away from its
    // family's category: why its scorecard category matters.
    private static readonly Dictionary<string, char> FamilyOfCategory = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Attribution"] = '1',
        ["Sourcing"] = '2',
    };

    private static readonly Dictionary<string, string> WhyByCategory = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Transparency"] = "Transparency is what a text says about how it was made: who wrote it and when, whether AI was used, whether errors were corrected. Each lets a reader weigh the text; each missing one asks for trust instead.",
        ["Integrity"] = "Integrity is whether the text is reporting at all: promotion, sponsorship, press-release copy, scraped debris and spun or template language pad an article with material no reporter stands behind.",
    };

    // The family's reason when the rule is one of a built-in family filed where the family is;
    // otherwise its category's.
    private static string? Why(RuleDescriptor d)
    {
        if (d.Id.Length > 3 && WhyByFamily.TryGetValue(d.Id[3], out var family) && DefaultCategoryOf(d.Id[3]).Equals(d.Category, StringComparison.OrdinalIgnoreCase))
        {
            return family;
        }

        return FamilyOfCategory.TryGetValue(d.Category, out var digit) ? WhyByFamily[digit] : WhyByCategory.GetValueOrDefault(d.Category);
    }

    private static string DefaultCategoryOf(char family) => family switch
    {
        '1' => "Attribution",
        '2' => "Sourcing",
        '3' or '7' => "Transparency",
        _ => "Integrity",
    };

    /// <summary>The file name of a rule's page.</summary>
    public static string FileName(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Id + ".md";
    }

    /// <summary>Renders the help page of <paramref name="rule"/>.</summary>
    public static string Render(Rule rule, ScoringModel scoring)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(scoring);
        var d = rule.Descriptor;
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"# {d.Id}: {d.Title}\n\n");
        page.Append("<!-- Generated from the rule file by `provenance rules docs`; do not edit. -->\n\n");
        page.Append("| | |\n|---|---|\n");
        page.Append(CultureInfo.InvariantCulture, $"| Category | {d.Category} |\n");
        page.Append(CultureInfo.InvariantCulture, $"| Default severity | {d.DefaultSeverity.ToName()} |\n");
        page.Append(CultureInfo.InvariantCulture, $"| Enabled by default | {(d.IsEnabledByDefault ? "yes" : "no")} |\n");
        page.Append(CultureInfo.InvariantCulture, $"| Kind | `{rule.Kind}` |\n");
        page.Append(CultureInfo.InvariantCulture, $"| Scope | {string.Join(", ", rule.Scope.ToNames())} |\n");
        page.Append(CultureInfo.InvariantCulture, $"| Signal | {(rule.Signal is null ? "none" : $"`{rule.Signal}`")} |\n");
        page.Append(CultureInfo.InvariantCulture, $"| Score effect | {ScoreEffect(rule, scoring)} |\n");
        page.Append(CultureInfo.InvariantCulture, $"| Message | {EscapeCell(d.MessageFormat)} |\n");
        page.Append(CultureInfo.InvariantCulture, $"| Fix | {(rule.Fix is null ? "none" : $"`{rule.Fix}` (`provenance fix`)")} |\n");
        page.Append(CultureInfo.InvariantCulture, $"| Rule pack | {d.Pack} |\n\n");

        page.Append("## What it finds\n\n").Append(d.Description ?? d.Title).Append("\n\n");
        if (Why(d) is { } why)
        {
            page.Append("## Why it matters for provenance\n\n").Append(why).Append("\n\n");
        }

        page.Append("## Examples\n\nText marked `{|" + d.Id + ":…|}` is what the rule reports; `{|" + d.Id + ":|}` marks a finding about the whole article. Examples starting with front matter are read as Markdown, with a tag as HTML.\n\n");
        AppendExamples(page, "Fires", rule.Examples.Fires);
        AppendExamples(page, "Does not fire", rule.Examples.Quiet);

        page.Append("## Configuration\n\n");
        page.Append(CultureInfo.InvariantCulture, $"The rule is defined in the `{d.Pack}` pack under `rules/`. To change its severity for a folder of articles, or turn it off, ");
        page.Append(CultureInfo.InvariantCulture, $"say so in a `provenance.json` there: `{{ \"rules\": {{ \"{d.Id}\": \"error\" }} }}` (or `warning`, `info`, `none`); ");
        page.Append(CultureInfo.InvariantCulture, $"inside one article, a `provenance-disable-next-line {d.Id}` comment (or `provenance-disable-file {d.Id}`). ");
        page.Append("Its score effect is set in `rules/scoring.json`");
        page.Append(rule.Signal is null ? ".\n" : $" under the signal `{rule.Signal}`; pass a model of your own with `--scoring`.\n");
        return page.ToString();
    }

    /// <summary>Renders the index page listing every rule.</summary>
    public static string RenderIndex(IEnumerable<Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var page = new StringBuilder("# Rules\n\n<!-- Generated by `provenance rules docs`; do not edit. -->\n\n");
        page.Append("| Id | Category | Severity | Kind | Title |\n|---|---|---|---|---|\n");
        foreach (var rule in rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var d = rule.Descriptor;
            page.Append(CultureInfo.InvariantCulture, $"| [{d.Id}]({FileName(rule)}) | {d.Category} | {d.DefaultSeverity.ToName()} | `{rule.Kind}` | {EscapeCell(d.Title)} |\n");
        }

        return page.ToString();
    }

    /// <summary>The score effect of the rule's signal in words ("+15 attribution, counted once").</summary>
    public static string ScoreEffect(Rule rule, ScoringModel scoring)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return ScoreEffect(rule.Signal, scoring);
    }

    /// <summary>
    /// The help page of a copy rule (PRV8001–PRV8004), which a run reports only when it looks for
    /// copies: what it finds, its category, severity and score effect, and how it is turned on.
    /// </summary>
    public static string RenderCopyRule(RuleDescriptor descriptor, ScoringModel scoring)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(scoring);
        var page = new StringBuilder();
        page.Append("# ").Append(descriptor.Id).Append(": ").Append(descriptor.Title).Append("\n\n");
        page.Append(descriptor.Description).Append("\n\n");
        page.Append("| | |\n|---|---|\n");
        page.Append("| Category | ").Append(descriptor.Category).Append(" |\n");
        page.Append("| Default severity | ").Append(descriptor.DefaultSeverity.ToName()).Append(" |\n");
        page.Append("| Score effect | ").Append(ScoreEffect(Corpus.CopyVerdicts.SignalOf(descriptor.Id), scoring)).Append(" |\n");
        page.Append("| Reported by | `provenance check --copies` (each article of a group of copies gets one of PRV8001–PRV8004) |\n\n");
        page.Append("Configure it like any rule in `provenance.json`: `\"rules\": { \"").Append(descriptor.Id).Append("\": \"error\" }`, or `\"none\"` to turn it off, finding and score alike.\n");
        return page.ToString();
    }

    private static string ScoreEffect(string? signal, ScoringModel scoring)
    {
        ArgumentNullException.ThrowIfNull(scoring);
        if (signal is null || scoring.FindEffect(signal) is not { } effect)
        {
            return "none";
        }

        var points = effect.Points.ToString("+0;-0;0", CultureInfo.InvariantCulture);
        var times = effect.MaxCount == 1 ? "counted once" : effect.Distinct ? $"each different value once, up to {effect.MaxCount}" : $"up to {effect.MaxCount} times";
        return $"{points} {scoring.FindCategory(effect.Category)?.Title ?? effect.Category}, {times}";
    }

    private static void AppendExamples(StringBuilder page, string heading, IReadOnlyList<string> examples)
    {
        page.Append("### ").Append(heading).Append("\n\n");
        foreach (var example in examples)
        {
            var fence = Reading.ArticleReaders.For(RuleExamples.FormatOf(example)).Name;
            page.Append("```").Append(fence).Append('\n').Append(example.ReplaceLineEndings("\n")).Append("\n```\n\n");
        }
    }

    private static string EscapeCell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
