using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Analysis;
using Provenance.Json;
using Provenance.Outlets;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Fires on the article's hyperlinks: by rel token (sponsored, ugc, nofollow), by the target's
/// rating in the outlet registry, by text. Arguments: {0} the link text, {1} its target, {2} its
/// domain, {3} how the domain is rated and by whom.
/// </summary>
public sealed class LinkRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["rel", "reliability", "types", "textPatterns"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("link", Keys, Create, _ => 4);

    private readonly ImmutableArray<Regex> _text;

    private LinkRule(RuleCommon common, ImmutableArray<string> rel, ImmutableArray<string> reliability, ImmutableArray<string> types, ImmutableArray<Regex> text)
        : base(common)
    {
        Rel = rel;
        Reliability = reliability;
        Types = types;
        _text = text;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    /// <summary>Rel tokens any one of which a link must carry, when not empty.</summary>
    public ImmutableArray<string> Rel { get; }

    /// <summary>Statuses the target's outlet must have, when not empty.</summary>
    public ImmutableArray<string> Reliability { get; }

    /// <summary>Outlet types the target must have, when not empty.</summary>
    public ImmutableArray<string> Types { get; }

    internal static LinkRule? Create(RuleCommon common, ObjectReader reader, RuleLimits limits)
    {
        var rel = reader.Strings("rel");
        var reliability = reader.Strings("reliability");
        for (var i = 0; i < reliability.Length; i++)
        {
            if (!OutletStatuses.All.Contains(reliability[i]))
            {
                reader.Context.Error(JsonPositions.Index(reader.ChildPath("reliability"), i), $"expected one of {string.Join(", ", OutletStatuses.All)}; found \"{reliability[i]}\"");
            }
        }

        var types = reader.Strings("types");
        var text = PatternList.Compile(reader, "textPatterns", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, limits);
        return new LinkRule(common, rel, reliability, types, text);
    }

    internal override IEnumerable<Regex> UnscreenedExpressions => _text;

    internal override void Run(RuleContext context)
    {
        foreach (var link in context.Article.Links)
        {
            if (!Rel.IsEmpty && !link.Rel.Any(r => Rel.Contains(r)))
            {
                continue;
            }

            if (!_text.IsEmpty && !_text.Any(t => t.IsMatch(link.Text)))
            {
                continue;
            }

            var lookup = link.Domain is null ? new OutletLookup(null, null, null) : context.Registry.FindByHost(link.Domain);
            if ((!Reliability.IsEmpty && !Reliability.Contains(lookup.Reliability)) || (!Types.IsEmpty && !Types.Contains(lookup.Type)))
            {
                continue;
            }

            context.Report(link.Span, [link.Text, link.Url ?? link.Href, link.Domain ?? string.Empty, context.Registry.Describe(lookup)]);
        }
    }
}
