using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Analysis;
using Provenance.Json;
using Provenance.Outlets;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Recognises outlets by name and domain from the outlet registry. With <c>before</c> or
/// <c>after</c> contexts it fires only where an attribution phrase ends right before the mention
/// ("Original Source: www.cnn.com", "according to Reuters") or starts right after it ("CNN
/// reported"); weak aliases ("The Hill") count only there. Filters by reliability and type let a
/// rule say "an unreliable outlet is credited". Arguments: {0} the outlet's name (with the domain
/// when it was named by domain), {1} how it is rated and by whom, {2} the text as matched, {3} the
/// outlet's name alone.
/// </summary>
public sealed partial class OutletRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys =
        ["before", "after", "match", "includeUnknown", "reliability", "excludeReliability", "types", "linked", "maxPerBlock"];

    private static readonly IReadOnlyCollection<string> MatchModes = ["names", "domains", "both"];

    private OutletRule(RuleCommon common, Settings settings)
        : base(common)
    {
        Options = settings;
    }

    /// <inheritdoc/>
    public override string Kind => "outlet";

    internal Settings Options { get; }

    internal static OutletRule? Create(RuleCommon common, ObjectReader reader, RuleLimits limits)
    {
        var options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

        // Each before-context is searched once per block; a mention counts when a context ends where it starts.
        var before = PatternList.Compile(reader, "before", options | limits.RegexOptions, limits, wrap: static r => "(?:" + r + @")\s*");
        var after = PatternList.Compile(reader, "after", options | limits.RegexOptions, limits, wrap: static r => @"\G\s*(?:" + r + ")");
        var mode = reader.OneOf("match", MatchModes) ?? "both";
        var includeUnknown = reader.Bool("includeUnknown", false);
        var reliability = Statuses(reader, "reliability");
        var excluded = Statuses(reader, "excludeReliability");
        var types = reader.Strings("types");
        var maxPerBlock = reader.Integer("maxPerBlock", min: 1) ?? int.MaxValue;
        bool? linked = reader.TryGetRaw("linked", out _) ? reader.Bool("linked", false) : null;
        if (includeUnknown && before.IsEmpty)
        {
            reader.Error("includeUnknown", "an unknown name is only recognised after a 'before' context; add one or remove includeUnknown");
        }

        return new OutletRule(common, new Settings(before, after, mode != "domains", mode != "names", includeUnknown, reliability, excluded, types, linked, maxPerBlock));
    }

    internal override IEnumerable<Regex> Expressions => Options.Before;

    // An after-context is matched only where a mention ends (\G), never screened: in the screen
    // index its strings would only lengthen every block's search.
    internal override IEnumerable<Regex> UnscreenedExpressions => Options.After;

    internal override void Run(RuleContext context)
    {
        var contextual = !Options.Before.IsEmpty || !Options.After.IsEmpty;

        // Each before-context's required strings: most blocks hold no credit phrase at all.
        var screens = context.ScreenIds(Options.Before);
        foreach (var block in context.ScopedBlocks())
        {
            var text = block.Text;
            var contexts = ContextEnds(context, screens, text);
            if (contextual && Options.After.IsEmpty && contexts is null)
            {
                continue;
            }

            // The mentions are shared by the outlet rules; unknown names are added to a copy.
            var mentions = context.Mentions(block, Options.Names, Options.Domains, weak: contextual);
            if (Options.IncludeUnknown)
            {
                var withUnknown = mentions.ToList();
                AddUnknownNames(text, withUnknown, contexts);
                mentions = withUnknown;
            }

            var reported = 0;
            for (var m = 0; m < mentions.Count; m++)
            {
                var mention = mentions[m];
                if (reported >= Options.MaxPerBlock)
                {
                    break;
                }

                if (!Accepts(mention.Lookup))
                {
                    continue;
                }

                var start = mention.Index;
                var end = mention.End;
                if (contextual && !InContext(text, mention, contexts, ref start, ref end))
                {
                    continue;
                }

                if (mention.Lookup.Outlet is null && mention.Lookup.Domain is null && !Options.IncludeUnknown)
                {
                    continue;
                }

                var sourceSpan = block.Map.ToSource(Text.TextSpan.FromBounds(mention.Index, mention.End));
                if (Options.Linked is { } wantLinked && IsLinked(context, sourceSpan) != wantLinked)
                {
                    continue;
                }

                reported++;
                var lookup = mention.Lookup;
                var name = lookup.Outlet is not null && mention.IsDomain
                    ? $"{lookup.Outlet.Name} ({text.Substring(mention.Index, mention.Length)})"
                    : lookup.Outlet?.Name ?? text.Substring(mention.Index, mention.Length);
                var plain = lookup.Outlet?.Name ?? text.Substring(mention.Index, mention.Length);
                context.Report(block.Map.ToSource(Text.TextSpan.FromBounds(start, end)), [name, context.Registry.Describe(lookup), text[start..end], plain]);
            }
        }
    }

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

    private bool Accepts(OutletLookup lookup)
    {
        var status = lookup.Reliability;
        if (!Options.Reliability.IsEmpty && !Options.Reliability.Contains(status))
        {
            return false;
        }

        if (Options.ExcludeReliability.Contains(status))
        {
            return false;
        }

        return Options.Types.IsEmpty || Options.Types.Contains(lookup.Type);
    }

    private bool InContext(string text, OutletMention mention, Dictionary<int, int>? contexts, ref int start, ref int end)
    {
        if (contexts is not null && contexts.TryGetValue(mention.Index, out var contextStart))
        {
            start = contextStart;
            return true;
        }

        foreach (var after in Options.After)
        {
            var match = after.Match(text, mention.End);
            if (match.Success)
            {
                end = match.Index + match.Length;
                return true;
            }
        }

        return false;
    }

    // After a credit phrase, a capitalised name the registry does not know ("Original Source:
    // Example Gazette") is still a credited source, reported as unrated.
    private static void AddUnknownNames(string text, List<OutletMention> mentions, Dictionary<int, int>? contexts)
    {
        foreach (Match name in UnknownName().Matches(text))
        {
            if (mentions.Any(m => m.Index < name.Index + name.Length && name.Index < m.End))
            {
                continue;
            }

            if (contexts is not null && contexts.ContainsKey(name.Index))
            {
                mentions.Add(new OutletMention(name.Index, name.Length, new OutletLookup(null, null, null), false, false));
            }
        }

        mentions.Sort((a, b) => a.Index.CompareTo(b.Index));
    }

    // Where each before-context ends in the block (its trailing white space included), with the
    // earliest start of a context ending there: one pass per context, not one per mention. Null
    // when none does, as in nearly every block: a dictionary per block and outlet rule was the
    // largest allocation of an analysis (8 of 49 KB per article).
    private Dictionary<int, int>? ContextEnds(RuleContext context, int[]? screens, string text)
    {
        Dictionary<int, int>? ends = null;
        for (var i = 0; i < Options.Before.Length; i++)
        {
            if (!context.MayMatch(screens, i))
            {
                continue;
            }

            for (var match = Options.Before[i].Match(text); match.Success; match = match.NextMatch())
            {
                var end = match.Index + match.Length;
                ends ??= [];
                ends[end] = ends.TryGetValue(end, out var start) ? Math.Min(start, match.Index) : match.Index;
            }
        }

        return ends;
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

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:The\s+)?\p{Lu}[\p{L}\p{N}&'’-]*(?:\s+(?:of\s+|the\s+|and\s+|&\s+)?\p{Lu}[\p{L}\p{N}&'’-]*){0,5}", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownName();

    internal sealed record Settings(
        ImmutableArray<Regex> Before,
        ImmutableArray<Regex> After,
        bool Names,
        bool Domains,
        bool IncludeUnknown,
        ImmutableArray<string> Reliability,
        ImmutableArray<string> ExcludeReliability,
        ImmutableArray<string> Types,
        bool? Linked,
        int MaxPerBlock);
}
