using System.Collections.Immutable;

namespace Provenance.Rules;

/// <summary>What a rule is, independent of how it matches: the analogue of Roslyn's DiagnosticDescriptor.</summary>
/// <param name="Id">PRV followed by four digits; the first digit groups a family of related rules.</param>
/// <param name="Title">A short name for the rule.</param>
/// <param name="MessageFormat">The finding's message, with <c>{0}</c>-style arguments.</param>
/// <param name="Category">The scorecard category its findings count towards (Attribution, Sourcing, Transparency, Integrity).</param>
/// <param name="DefaultSeverity">The severity unless configuration changes it.</param>
/// <param name="IsEnabledByDefault">Whether the rule runs unless configuration enables it.</param>
/// <param name="HelpUri">Where the rule's documentation lives.</param>
/// <param name="Description">Why the rule matters for provenance.</param>
/// <param name="Tags">Free-form labels.</param>
/// <param name="Pack">The name of the rule pack that defines the rule.</param>
public sealed record RuleDescriptor(
    string Id,
    string Title,
    string MessageFormat,
    string Category,
    Severity DefaultSeverity,
    bool IsEnabledByDefault,
    string? HelpUri,
    string? Description,
    ImmutableArray<string> Tags,
    string Pack);

/// <summary>Example articles for a rule, in test markup: <c>{|PRV1234:text|}</c> marks where it fires.</summary>
/// <param name="Fires">Articles where the rule fires at the marked spans.</param>
/// <param name="Quiet">Articles where the rule must not fire.</param>
public sealed record RuleExamples(ImmutableArray<string> Fires, ImmutableArray<string> Quiet)
{
    /// <summary>No examples.</summary>
    public static RuleExamples None { get; } = new([], []);

    /// <summary>The format an example is written in: front matter means Markdown, a leading tag means HTML, else plain text.</summary>
    public static Articles.ArticleFormat FormatOf(string example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return example.StartsWith("---\n", StringComparison.Ordinal) ? Articles.ArticleFormat.Markdown
            : example.TrimStart().StartsWith('<') ? Articles.ArticleFormat.Html
            : Articles.ArticleFormat.Text;
    }
}
