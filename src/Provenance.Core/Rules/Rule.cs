using System.Collections.Immutable;
using System.Globalization;
using Provenance.Analysis;

namespace Provenance.Rules;

/// <summary>
/// A compiled rule: its descriptor, the blocks it reads, the signal it emits, and a matcher
/// supplied by its kind. Immutable and safe to run on many articles at once.
/// </summary>
public abstract class Rule
{
    private protected Rule(RuleCommon common)
    {
        Descriptor = common.Descriptor;
        Scope = common.Scope;
        Signal = common.Signal;
        Examples = common.Examples;
        Where = common.Where;
        Exceptions = common.Exceptions;
        Fix = common.Fix;
        Formats = common.Formats.IsDefault ? [] : common.Formats;
    }

    /// <summary>The article formats the rule reads; empty for all. "No byline" means something only where the format has a place for one.</summary>
    public ImmutableArray<Articles.ArticleFormat> Formats { get; }

    /// <summary>Whether the rule reads articles of <paramref name="format"/>.</summary>
    public bool Reads(Articles.ArticleFormat format) => Formats.IsEmpty || Formats.Contains(format);

    /// <summary>What the rule is.</summary>
    public RuleDescriptor Descriptor { get; }

    /// <summary>The rule's id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Which blocks it reads.</summary>
    public RuleScope Scope { get; }

    /// <summary>The signal each match emits, or <see langword="null"/>.</summary>
    public string? Signal { get; }

    /// <summary>Example articles that show where the rule fires and where it does not.</summary>
    public RuleExamples Examples { get; }

    /// <summary>Where in the article a block must sit for the rule to read it, beyond its scope.</summary>
    public BlockFilter? Where { get; }

    /// <summary>The fix the rule offers (<c>remove-block</c>, <c>remove-match</c>), or <see langword="null"/>.</summary>
    public string? Fix { get; }

    /// <summary>Expressions that, when found in a match's text, drop the match.</summary>
    public ImmutableArray<System.Text.RegularExpressions.Regex> Exceptions { get; }

    /// <summary>The rule's kind as named in rule files (pattern, lexicon, outlet, link, proximity, structure, metadata, absence, count, echo).</summary>
    public abstract string Kind { get; }

    /// <summary>Rules that look at other rules' signals run after the rules that read text.</summary>
    internal virtual bool RunsAfterSignals => false;

    /// <summary>The signals of other rules this rule reads (count, share, absence): a signal read here is used even if nothing scores it.</summary>
    internal virtual IEnumerable<string> ReadsSignals => [];

    /// <summary>Formats the rule's message with the given arguments.</summary>
    public string FormatMessage(ImmutableArray<string> arguments) =>
        string.Format(CultureInfo.InvariantCulture, Descriptor.MessageFormat, [.. arguments]);

    /// <summary>Reports every match of the rule in the article to <paramref name="context"/>.</summary>
    internal abstract void Run(RuleContext context);

    /// <summary>The regular expressions the rule runs over block text, each screened by the rule set's <c>ScreenIndex</c>.</summary>
    internal virtual IEnumerable<System.Text.RegularExpressions.Regex> Expressions => [];

    /// <summary>The rule's other expressions, which no screen guards (a line's shape, a metadata field, a link's text, an outlet's after-context).</summary>
    internal virtual IEnumerable<System.Text.RegularExpressions.Regex> UnscreenedExpressions => [];
}

/// <summary>The keys every rule has, read before its kind's own keys.</summary>
internal sealed record RuleCommon(RuleDescriptor Descriptor, RuleScope Scope, string? Signal, RuleExamples Examples, BlockFilter? Where, ImmutableArray<System.Text.RegularExpressions.Regex> Exceptions, string? Fix = null, ImmutableArray<Articles.ArticleFormat> Formats = default);
