using Provenance.Articles;

namespace Provenance.Rules;

/// <summary>Which blocks of an article a rule reads.</summary>
[Flags]
public enum RuleScope
{
    /// <summary>No block.</summary>
    None = 0,

    /// <summary>The headline.</summary>
    Title = 1,

    /// <summary>Section headings.</summary>
    Heading = 2,

    /// <summary>Body text of the main zone: standfirst, paragraphs, list items, quotes, bylines and metadata lines.</summary>
    Body = 4,

    /// <summary>The trailing footer zone.</summary>
    Footer = 8,

    /// <summary>Every block.</summary>
    Any = Title | Heading | Body | Footer,
}

/// <summary>Scope names as written in rule files.</summary>
public static class RuleScopes
{
    /// <summary>The names a rule's <c>scope</c> may use.</summary>
    public static IReadOnlyList<string> Names { get; } = ["title", "heading", "body", "footer", "any"];

    /// <summary>Parses one scope name.</summary>
    public static RuleScope Parse(string name) => name switch
    {
        "title" => RuleScope.Title,
        "heading" => RuleScope.Heading,
        "body" => RuleScope.Body,
        "footer" => RuleScope.Footer,
        "any" => RuleScope.Any,
        _ => RuleScope.None,
    };

    /// <summary>The names of the flags set in <paramref name="scope"/>.</summary>
    public static IEnumerable<string> ToNames(this RuleScope scope) =>
        scope == RuleScope.Any ? ["any"] : Names.Where(n => n != "any" && scope.HasFlag(Parse(n)));

    /// <summary>Whether a rule with this scope reads <paramref name="block"/>.</summary>
    public static bool Includes(this RuleScope scope, Block block) => (scope & Of(block)) != 0;

    /// <summary>The one scope flag <paramref name="block"/> falls under.</summary>
    public static RuleScope Of(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return block.Zone == Zone.Footer
            ? RuleScope.Footer
            : block.Kind switch
            {
                BlockKind.Title => RuleScope.Title,
                BlockKind.Heading => RuleScope.Heading,
                _ => RuleScope.Body,
            };
    }
}
