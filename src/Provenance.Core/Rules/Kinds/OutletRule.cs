using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Analysis;
using Provenance.Json;
using Provenance.Outlets;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Recognises outlets by name and domain from the outlet registry. With attribution contexts it
/// fires only where the text attributes something to the outlet: a <c>before</c> phrase ends right
/// before the mention ("Original Source: www.cnn.com", "according to Reuters", "told the BBC"), an
/// <c>after</c> phrase starts right after it ("CNN reported", "a Fox News poll"), the name links to
/// the outlet's own site (<c>siteLinks</c>), a page address is written out (<c>pageAddresses</c>),
/// or the mention is listed with one that is cited (<c>lists</c>: "Sources: Reuters, AP"). Weak
/// aliases ("The Hill") count only in a context. Mentions of the article's own publisher are never
/// reported (<c>skipPublisher</c>). Filters by reliability and type let a rule say "an unreliable
/// outlet is cited". Arguments: {0} the outlet's name (with the domain when it was named by
/// domain), {1} how it is rated and by whom, {2} the text as matched, {3} the outlet's name alone.
/// </summary>
public sealed partial class OutletRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys =
    [
        "before", "after", "match", "includeUnknown", "unknownBefore", "unknownShapes", "unknownDescribedBy", "unknownAfter", "reliability", "excludeReliability",
        "types", "excludeTypes", "linked", "siteLinks", "pageAddresses", "lists", "skipPublisher", "highlight", "maxPerBlock",
    ];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("outlet", Keys, Create, _ => 4);

    private static readonly IReadOnlyCollection<string> MatchModes = ["names", "domains", "both"];
    private static readonly IReadOnlyCollection<string> Highlights = ["context", "mention"];

    private OutletRule(RuleCommon common, Settings settings)
        : base(common)
    {
        Options = settings;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    internal Settings Options { get; }

    internal static OutletRule? Create(RuleCommon common, ObjectReader reader, RuleLimits limits)
    {
        var options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

        // Each before-context is searched once per block; a mention counts when a context ends where it starts.
        var before = PatternList.Compile(reader, "before", options | limits.RegexOptions, limits, wrap: static r => "(?:" + r + @")\s*");
        // After-contexts are tried only where a mention ends, and shapes against one name: each
        // list is one alternation, built and run once rather than once per expression.
        var after = PatternList.CompileCombined(reader, "after", options | limits.RegexOptions, limits, @"\G\s*", string.Empty);
        var mode = reader.OneOf("match", MatchModes) ?? "both";
        var includeUnknown = reader.Bool("includeUnknown", false);

        // Shapes are matched against a whole capitalised name, so they are case-sensitive: "The Trace", "Des Moines Register".
        var shapes = PatternList.CompileCombined(reader, "unknownShapes", RegexOptions.CultureInvariant | limits.RegexOptions, limits, @"\A", @"\z");
        // What a text calls an outlet right before its name ("the Kurdish news source BasNews"):
        // one alternation, tried only against the few words before a name that has no outlet's shape.
        var describedBy = PatternList.CompileCombined(reader, "unknownDescribedBy", options | limits.RegexOptions, limits, string.Empty, @"\s+\z");
        var unknownAfter = PatternList.Compile(reader, "unknownAfter", options | limits.RegexOptions, limits);
        var unknownBefore = reader.Has("unknownBefore")
            ? PatternList.Compile(reader, "unknownBefore", options | limits.RegexOptions, limits, wrap: static r => "(?:" + r + @")\s*")
            : before;
        var reliability = Statuses(reader, "reliability");
        var excluded = Statuses(reader, "excludeReliability");
        var types = reader.Strings("types");
        var excludedTypes = reader.Strings("excludeTypes");
        var maxPerBlock = reader.Integer("maxPerBlock", min: 1) ?? int.MaxValue;
        bool? linked = reader.TryGetRaw("linked", out _) ? reader.Bool("linked", false) : null;
        var siteLinks = reader.Bool("siteLinks", false);
        var pageAddresses = reader.Bool("pageAddresses", false);
        var lists = reader.Bool("lists", false);
        var skipPublisher = reader.Bool("skipPublisher", true);
        var highlightMention = (reader.OneOf("highlight", Highlights) ?? "context") == "mention";
        if (includeUnknown && unknownBefore.IsEmpty && unknownAfter.IsEmpty)
        {
            reader.Error("includeUnknown", "an unknown name is only recognised next to a context; add 'before', 'unknownBefore' or 'unknownAfter', or remove includeUnknown");
        }

        foreach (var key in (ReadOnlySpan<string>)["unknownBefore", "unknownShapes", "unknownDescribedBy", "unknownAfter"])
        {
            if (!includeUnknown && reader.Has(key))
            {
                reader.Error(key, "only applies to unknown names; add \"includeUnknown\": true or remove it");
            }
        }

        if (lists && before.IsEmpty && after.IsEmpty && !siteLinks && !pageAddresses)
        {
            reader.Error("lists", "a list only extends an attribution context to the names listed with a cited one; add 'before', 'after', 'siteLinks' or 'pageAddresses'");
        }

        foreach (var type in types.Intersect(excludedTypes, StringComparer.Ordinal))
        {
            reader.Error("excludeTypes", $"'{type}' is also in 'types'; a type is either wanted or excluded");
        }

        return new OutletRule(common, new Settings(before, after, mode != "domains", mode != "names", includeUnknown, unknownBefore, shapes, describedBy, unknownAfter, reliability, excluded, types, excludedTypes, linked, siteLinks, pageAddresses, lists, skipPublisher, highlightMention, maxPerBlock));
    }

    internal override IEnumerable<Regex> Expressions => Options.Before.Concat(Options.UnknownBeforeIsBefore ? [] : Options.UnknownBefore).Concat(Options.UnknownAfter);

    // An after-context is matched only where a mention ends (\G), never screened: in the screen
    // index its strings would only lengthen every block's search. Shapes are matched against a name.
    internal override IEnumerable<Regex> UnscreenedExpressions => Options.After.Concat(Options.UnknownShapes).Concat(Options.UnknownDescribedBy);

    internal override void Run(RuleContext context)
    {
        var contextual = Options.IsContextual;

        // A mention may stand in context without a before-phrase only if something else can put it there.
        var needsBefore = contextual && Options.After.IsEmpty && !Options.SiteLinks && !Options.PageAddresses;

        // Each context's required strings: most blocks hold no credit phrase at all.
        var screens = context.ScreenIds(Options.Before);
        var unknownScreens = Options.UnknownBeforeIsBefore ? screens : context.ScreenIds(Options.UnknownBefore);
        var unknownAfterScreens = Options.UnknownAfter.IsEmpty ? null : context.ScreenIds(Options.UnknownAfter);
        foreach (var block in context.ScopedBlocks())
        {
            var text = block.Text;

            // A rule that needs a phrase before every name looks for the phrases first (few blocks
            // hold one); the others look for the names first (few blocks name an outlet) and search
            // for the phrases, the costlier part, only around names. Unknown names are looked for
            // after their own phrases, which the rule keeps few and plain.
            Dictionary<int, int>? contexts = null;
            if (needsBefore)
            {
                contexts = ContextEnds(context, Options.Before, screens);
            }

            var unknownEnds = !Options.IncludeUnknown ? null
                : Options.UnknownBeforeIsBefore && needsBefore ? contexts
                : ContextEnds(context, Options.UnknownBefore, unknownScreens);
            var unknownAfter = Options.UnknownAfter.IsEmpty ? null : UnknownAfterStarts(context, unknownAfterScreens);
            if (needsBefore && contexts is null && unknownAfter is null)
            {
                continue;
            }

            // The mentions are shared by the outlet rules; unknown names are added to a copy.
            var mentions = context.Mentions(block, Options.Names, Options.Domains, weak: contextual);
            var unknownPossible = unknownEnds is not null || unknownAfter is not null;
            if (mentions.Count == 0 && !unknownPossible)
            {
                continue;
            }

            var candidates = new List<Candidate>(mentions.Count + 1);
            foreach (var mention in mentions)
            {
                candidates.Add(new Candidate(mention, mention.Index, mention.End, false));
            }

            if (unknownPossible)
            {
                AddUnknownNames(context.Registry, text, candidates, unknownEnds, unknownAfter);
            }

            // Whether a name is cited is asked only where the rule would report some name: most
            // blocks name only outlets it does not want (reliable ones, for an unreliable-outlet
            // rule; unlinked ones, for a linked-outlet rule) or its own publisher.
            if (!AnyWanted(context, block, text, candidates))
            {
                continue;
            }

            if (contextual)
            {
                if (!needsBefore)
                {
                    contexts = Options.UnknownBeforeIsBefore && unknownEnds is not null ? unknownEnds : ContextEnds(context, Options.Before, screens);
                }

                MarkCited(context, block, text, candidates, contexts);
            }

            Report(context, block, text, candidates, contextual);
        }
    }

    private void Report(RuleContext context, Articles.Block block, string text, List<Candidate> candidates, bool contextual)
    {
        var reported = 0;
        foreach (var candidate in candidates)
        {
            if (reported >= Options.MaxPerBlock)
            {
                break;
            }

            var mention = candidate.Mention;
            if ((contextual && !candidate.Cited) || !Wanted(context, block, text, mention))
            {
                continue;
            }

            var written = text.Substring(mention.Index, mention.Length);
            reported++;
            var lookup = mention.Lookup;
            var start = Options.HighlightMention ? mention.Index : candidate.Start;
            var end = Options.HighlightMention ? mention.End : candidate.End;
            var name = (lookup.Outlet, mention.IsDomain) switch
            {
                ({ } outlet, true) => $"{outlet.Name} ({written})",
                ({ } outlet, false) => outlet.Name,

                // A name the registry knows only through the domain it spells: say which domain is rated.
                (null, false) when lookup.Host is { } host => $"{written} ({host})",
                _ => written,
            };
            var plain = lookup.Outlet?.Name ?? written;
            context.Report(block.Map.ToSource(Text.TextSpan.FromBounds(start, end)), [name, context.Registry.Describe(lookup), text[start..end], plain]);
        }
    }

    private bool AnyWanted(RuleContext context, Articles.Block block, string text, List<Candidate> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (Wanted(context, block, text, candidate.Mention))
            {
                return true;
            }
        }

        return false;
    }

    // Whether the rule reports this mention once it is cited: its rating and type, not the
    // publisher's, linked or not as the rule asks.
    private bool Wanted(RuleContext context, Articles.Block block, string text, OutletMention mention) =>
        Accepts(mention, text)
        && !(Options.SkipPublisher && context.Publisher.Publishes(mention.Lookup, text.Substring(mention.Index, mention.Length)))
        && (Options.Linked is not { } wantLinked || IsLinked(context, block.Map.ToSource(Text.TextSpan.FromBounds(mention.Index, mention.End))) == wantLinked);

    // A mention is linked when a hyperlink's text covers it ("according to <a>Reuters</a>").
    private static bool IsLinked(RuleContext context, Text.TextSpan mention)
    {
        foreach (var link in context.Article.Links)
        {
            if (link.Span.OverlapsWith(mention))
            {
                return true;
            }
        }

        return false;
    }

    private bool Accepts(OutletMention mention, string text)
    {
        var lookup = mention.Lookup;
        var status = lookup.Reliability;
        if (!Options.Reliability.IsEmpty && !Options.Reliability.Contains(status))
        {
            return false;
        }

        if (Options.ExcludeReliability.Contains(status))
        {
            return false;
        }

        // A name or address the registry knows nothing of is a source only where the rule takes
        // unknown names, and an unknown address only as a site's name ("Mediaite.com"): one with a
        // path is a link (t.co/…, bit.ly/…), which says nothing of who published it.
        if (lookup.Outlet is null && lookup.Domain is null)
        {
            return Options.IncludeUnknown && !(mention.IsDomain && HasPath(text.AsSpan(mention.Index, mention.Length)));
        }

        var type = lookup.Type;
        return (Options.Types.IsEmpty || Options.Types.Contains(type)) && !Options.ExcludeTypes.Contains(type);
    }

    private static ImmutableArray<string> Statuses(ObjectReader reader, string key)
    {
        var statuses = reader.Strings(key);
        for (var i = 0; i < statuses.Length; i++)
        {
            if (!OutletStatuses.All.Contains(statuses[i]))
            {
                reader.Context.Error(JsonPositions.Index(reader.ChildPath(key), i), $"expected one of {string.Join(", ", OutletStatuses.All)}; found \"{statuses[i]}\"");
            }
        }

        return statuses;
    }

    /// <summary>A mention and, once it is found cited, the span of its attribution context.</summary>
    private record struct Candidate(OutletMention Mention, int Start, int End, bool Cited);

    internal sealed record Settings(
        ImmutableArray<Regex> Before,
        ImmutableArray<Regex> After,
        bool Names,
        bool Domains,
        bool IncludeUnknown,
        ImmutableArray<Regex> UnknownBefore,
        ImmutableArray<Regex> UnknownShapes,
        ImmutableArray<Regex> UnknownDescribedBy,
        ImmutableArray<Regex> UnknownAfter,
        ImmutableArray<string> Reliability,
        ImmutableArray<string> ExcludeReliability,
        ImmutableArray<string> Types,
        ImmutableArray<string> ExcludeTypes,
        bool? Linked,
        bool SiteLinks,
        bool PageAddresses,
        bool Lists,
        bool SkipPublisher,
        bool HighlightMention,
        int MaxPerBlock)
    {
        /// <summary>Whether unknown names are looked for after the before-contexts themselves (no unknownBefore of their own).</summary>
        public bool UnknownBeforeIsBefore => UnknownBefore == Before;

        /// <summary>Whether a mention must be cited in some way to count, rather than named anywhere.</summary>
        public bool IsContextual => !Before.IsEmpty || !After.IsEmpty || !UnknownAfter.IsEmpty || SiteLinks || PageAddresses;
    }
}
