using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Analysis;
using Provenance.Articles;
using Provenance.Outlets;
using Provenance.Text;

namespace Provenance.Rules;

/// <summary>Name and version of a loaded rule pack.</summary>
/// <param name="Name">The pack's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Source">The file it came from.</param>
public sealed record RulePackInfo(string Name, string Version, string Source);

/// <summary>
/// A compiled, immutable set of rules. Build it once (<see cref="RuleSetLoader"/>) and share it:
/// <c>Analyze</c> may run on many articles from many threads at once.
/// </summary>
public sealed class RuleSet
{
    private const int ExcerptWidth = 160;

    // A plain dictionary: freezing the ids costs a one-file check more (the frozen types' start-up)
    // than a run's lookups, a few per article, ever save.
    private readonly Dictionary<string, Rule> _byId;
    private readonly ImmutableArray<Rule> _textRules;
    private readonly ImmutableArray<Rule> _signalRules;
    private readonly Lazy<OutletRegistry> _registry;

    // Only a cache asks for the fingerprint; hashing the packs and the registry loads the platform's
    // cryptography, which costs a one-file check more than the hash itself.
    private readonly Lazy<string> _fingerprint;

    // The screens are built once the set has analysed enough blocks to repay them: reading every
    // expression's syntax for its required strings costs more than running the rules over a few
    // articles, so a check of one short article or a run served from a cache never builds them.
    // Screens never change what is found, only how fast, so when they start to apply does not matter.
    private const int ScreenAfterBlocks = 64;

    // One article this long repays the screens by itself: unscreened, a lone check of 210,000
    // characters took 280 ms against 215 ms screened, of 30,000 characters 275 ms against 295 ms, and
    // of a 3 MB file of long name lists 10.6 s against 1.4 s.
    private const int ScreenLoneArticleChars = 100_000;
    private readonly Lazy<ScreenIndex> _screens;
    private int _blocksBeforeScreens;
    private int _screensClaimed;

    internal RuleSet(ImmutableArray<Rule> rules, ImmutableArray<RulePackInfo> packs, RuleLimits limits, Lazy<OutletRegistry> registry, Lazy<string>? fingerprint = null)
    {
        _fingerprint = fingerprint ?? new(string.Empty);
        Rules = rules;
        Packs = packs;
        Limits = limits;
        _registry = registry;
        _byId = new Dictionary<string, Rule>(rules.Length, StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            _byId.Add(rule.Id, rule);
        }

        _textRules = [.. rules.Where(r => !r.RunsAfterSignals)];
        _signalRules = [.. rules.Where(r => r.RunsAfterSignals)];
        _screens = new(() => ScreenIndex.Build(rules.SelectMany(r => r.Expressions)));
    }

    /// <summary>The screens of every rule's expressions, built now if they were not.</summary>
    internal ScreenIndex Screens => _screens.Value;

    /// <summary>Whether the screens have been built (after <see cref="ScreenAfterBlocks"/> blocks).</summary>
    internal bool ScreensBuilt => _screens.IsValueCreated;

    /// <summary>Every rule, enabled or not, ordered by id.</summary>
    public ImmutableArray<Rule> Rules { get; }

    /// <summary>The packs the rules came from.</summary>
    public ImmutableArray<RulePackInfo> Packs { get; }

    /// <summary>The bounds every rule runs under.</summary>
    public RuleLimits Limits { get; }

    /// <summary>The outlet registry the outlet rules consult, loaded when first needed.</summary>
    public OutletRegistry Registry => _registry.Value;

    /// <summary>A hash of the rule files and registry this set was built from: equal sets find the same things.</summary>
    public string Fingerprint => _fingerprint.Value;

    /// <summary>
    /// Rebuilds an analysis from findings kept whole (a cache): the signals they carry are derived
    /// again from the rules, so an article need not be read or analysed to be scored and reported.
    /// </summary>
    public AnalysisResult Restore(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var kept = findings.ToImmutableArray();
        var signals = ImmutableArray.CreateBuilder<Signal>();
        foreach (var finding in kept)
        {
            if (Find(finding.RuleId)?.Signal is { } name)
            {
                signals.Add(new Signal(name, finding.Arguments.IsEmpty ? string.Empty : finding.Arguments[0], finding.RuleId, finding.Span, finding.Location));
            }
        }

        signals.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.RuleId, b.RuleId));
        return new AnalysisResult(kept, signals.ToImmutable());
    }

    /// <summary>The rule with this id, or <see langword="null"/>.</summary>
    public Rule? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Runs every enabled rule over <paramref name="article"/>.</summary>
    public AnalysisResult Analyze(Article article, CancellationToken cancellationToken = default) =>
        Analyze(article, AnalysisOptions.Default, cancellationToken);

    /// <summary>Runs the rules <paramref name="options"/> enables over <paramref name="article"/>, at the severities it sets, honouring inline suppressions.</summary>
    public AnalysisResult Analyze(Article article, AnalysisOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(options);
        var matches = new List<RawMatch>();
        var engineFindings = new List<Finding>();
        var signalCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var layout = new ArticleLayout(article, ScreensFor(article));
        var directives = Suppressions.Find(article);
        RunAll(_textRules, layout, options, matches, signalCounts, [], engineFindings, cancellationToken);

        // A suppressed finding is taken back whole: it is neither reported nor scored.
        var (kept, used) = Suppressions.Apply(article, directives, matches);

        // Rules that read signals see each place once, as the report will.
        var reported = WithoutOverlaps(kept).ToList();
        foreach (var match in reported)
        {
            if (match.Rule.Signal is { } name)
            {
                signalCounts[name] = signalCounts.GetValueOrDefault(name) + 1;
            }
        }

        var derived = new List<RawMatch>();
        RunAll(_signalRules, layout, options, derived, signalCounts, reported, engineFindings, cancellationToken);
        var (keptDerived, usedByDerived) = Suppressions.Apply(article, directives, derived);
        reported.AddRange(WithoutOverlaps(keptDerived));
        for (var i = 0; i < directives.Count; i++)
        {
            if (!used[i] && !usedByDerived[i] && directives[i].Kind != "enable")
            {
                var names = directives[i].RuleIds.Count == 0 ? "any rule" : string.Join(", ", directives[i].RuleIds);
                engineFindings.Add(EngineFinding(article, EngineDiagnostics.UnusedSuppression, Severity.Info, $"Unused suppression: provenance-{directives[i].Kind} {names} suppresses nothing here", directives[i].Span));
            }
        }

        foreach (var issue in article.Issues)
        {
            engineFindings.Add(EngineFinding(article, EngineDiagnostics.ReadIssue, Severity.Warning, issue.Message, issue.Span));
        }

        return Build(article, reported, engineFindings, options);
    }

    private ScreenIndex? ScreensFor(Article article)
    {
        if (_screens.IsValueCreated)
        {
            return _screens.Value;
        }

        // The first check past the threshold builds the screens (about 30 ms); checks on other
        // threads meanwhile go on without them instead of waiting, which left a core idle at the
        // start of every large run. A long article waits: unscreened it could cost seconds.
        var past = Volatile.Read(ref _blocksBeforeScreens) >= ScreenAfterBlocks;
        if ((past && Interlocked.Exchange(ref _screensClaimed, 1) == 0) || IsLong(article))
        {
            return _screens.Value;
        }

        if (!past)
        {
            Interlocked.Add(ref _blocksBeforeScreens, article.Blocks.Length);
        }

        return null;
    }

    private static bool IsLong(Article article)
    {
        var length = 0;
        foreach (var block in article.Blocks)
        {
            length += block.Text.Length;
            if (length >= ScreenLoneArticleChars)
            {
                return true;
            }
        }

        return false;
    }

    private void RunAll(ImmutableArray<Rule> rules, ArticleLayout layout, AnalysisOptions options, List<RawMatch> matches, Dictionary<string, int> signals, IReadOnlyList<RawMatch> earlier, List<Finding> engineFindings, CancellationToken cancellationToken)
    {
        var article = layout.Article;
        var ruleMatches = new List<RawMatch>();
        foreach (var rule in rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (options.SeverityOf(rule) is null || !rule.Reads(article.Format))
            {
                continue;
            }

            for (var attempt = 1; ; attempt++)
            {
                ruleMatches.Clear();
                try
                {
                    rule.Run(new RuleContext(layout, rule, Registry, ruleMatches, signals, cancellationToken, options) { Earlier = earlier });
                    break;
                }
                catch (RegexMatchTimeoutException) when (attempt == 1)
                {
                    // A compiled expression's first match includes its JIT compilation, which on a
                    // loaded machine can pass the limit by itself; the second run times the match
                    // alone. A catastrophic pattern times out again and is reported below.
                }
                catch (RegexMatchTimeoutException)
                {
                    engineFindings.Add(EngineFinding(article, EngineDiagnostics.RuleTimedOut, Severity.Warning,
                        $"Rule {rule.Id} took longer than {Limits.MatchTimeout.TotalMilliseconds:0} ms on this article, twice, and was stopped; its findings here are incomplete"));
                    break;
                }
            }

            if (ruleMatches.Count > Limits.MaxMatchesPerRule)
            {
                engineFindings.Add(EngineFinding(article, EngineDiagnostics.TooManyMatches, Severity.Info,
                    $"Rule {rule.Id} matched {ruleMatches.Count} times; only the first {Limits.MaxMatchesPerRule} are reported"));
                ruleMatches.RemoveRange(Limits.MaxMatchesPerRule, ruleMatches.Count - Limits.MaxMatchesPerRule);
            }

            matches.AddRange(ruleMatches);
        }
    }

    private static AnalysisResult Build(Article article, List<RawMatch> reported, List<Finding> engineFindings, AnalysisOptions options)
    {
        var source = article.Source;
        var findings = ImmutableArray.CreateBuilder<Finding>(reported.Count + engineFindings.Count);
        var signals = ImmutableArray.CreateBuilder<Signal>();
        foreach (var match in reported)
        {
            var descriptor = match.Rule.Descriptor;
            var location = source.GetLinePositionSpan(match.Span);
            findings.Add(new Finding(
                descriptor.Id,
                descriptor.Category,
                options.SeverityOf(match.Rule) ?? descriptor.DefaultSeverity,
                match.Rule.FormatMessage(match.Arguments),
                match.Span,
                location,
                source[match.Span],
                Excerpt(source, match.Span),
                match.Arguments));
            if (match.Rule.Signal is { } name)
            {
                signals.Add(new Signal(name, match.Arguments.IsEmpty ? string.Empty : match.Arguments[0], descriptor.Id, match.Span, location));
            }
        }

        findings.AddRange(engineFindings);
        findings.Sort(CompareFindings);
        signals.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.RuleId, b.RuleId));
        return new AnalysisResult(findings.ToImmutable(), signals.ToImmutable());
    }

    // Several patterns of one rule often find the same phrase ("according to sources familiar
    // with…" and "sources familiar with…"): one rule reports one finding per place, the earliest
    // and then longest match winning. Different rules may still report the same text.
    private static IEnumerable<RawMatch> WithoutOverlaps(List<RawMatch> matches)
    {
        // Sorted as objects with one comparison rather than by four LINQ keys over (match, index)
        // tuples: that was four key arrays per analysis, and sorting code over a value type that a
        // precompiled build still had to compile at start.
        var ordered = new Numbered[matches.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = new Numbered(matches[i], i);
        }

        Array.Sort(ordered, Numbered.Compare);
        RawMatch? last = null;
        var lastEnd = -1;
        foreach (var (match, _) in ordered)
        {
            if (last is null || match.Rule.Id != last.Rule.Id)
            {
                lastEnd = -1;
            }
            else if (match.Span.Start < lastEnd || (match.Span == last.Span && match.Arguments.SequenceEqual(last.Arguments)))
            {
                continue;
            }

            last = match;
            lastEnd = Math.Max(lastEnd, match.Span.End);
            yield return match;
        }
    }

    // A match with its place in the order found: the last tie-break, so the sort is stable.
    private sealed record Numbered(RawMatch Match, int Index)
    {
        // By rule, then earliest, then longest, then first found.
        public static int Compare(Numbered a, Numbered b)
        {
            var order = string.CompareOrdinal(a.Match.Rule.Id, b.Match.Rule.Id);
            if (order == 0)
            {
                order = a.Match.Span.Start.CompareTo(b.Match.Span.Start);
            }

            if (order == 0)
            {
                order = b.Match.Span.Length.CompareTo(a.Match.Span.Length);
            }

            return order != 0 ? order : a.Index.CompareTo(b.Index);
        }
    }

    private static int CompareFindings(Finding a, Finding b)
    {
        var order = a.Span.Start.CompareTo(b.Span.Start);
        if (order == 0)
        {
            order = string.CompareOrdinal(a.RuleId, b.RuleId);
        }

        if (order == 0)
        {
            order = a.Span.End.CompareTo(b.Span.End);
        }

        return order != 0 ? order : string.CompareOrdinal(a.Message, b.Message);
    }

    private static Finding EngineFinding(Article article, string id, Severity severity, string message, TextSpan? at = null)
    {
        var span = at ?? new TextSpan(0, 0);
        return new Finding(id, EngineDiagnostics.Category, severity, message, span, article.Source.GetLinePositionSpan(span), article.Source[span], Excerpt(article.Source, span), []);
    }

    /// <summary>The line the span starts on, cut to a window around the span when the line is long.</summary>
    internal static string Excerpt(SourceText source, TextSpan span)
    {
        if (span.IsEmpty && span.Start == 0)
        {
            return string.Empty;
        }

        var line = source.GetLineSpan(source.GetLinePosition(span.Start).Line);
        var text = source.Text;
        if (line.Length <= ExcerptWidth)
        {
            return text.Substring(line.Start, line.Length).Trim();
        }

        var matchEnd = Math.Min(span.End, line.End);
        var room = Math.Max(0, ExcerptWidth - (matchEnd - span.Start)) / 2;
        var start = Math.Max(line.Start, span.Start - room);
        var end = Math.Min(line.End, Math.Max(matchEnd + room, start + ExcerptWidth));
        // A cut is moved out past a character of two UTF-16 units (an emoji), not through it.
        start = start > line.Start ? Utf16Text.CutBefore(text, start) : start;
        end = end < line.End ? Utf16Text.CutAfter(text, end) : end;
        var excerpt = text[start..end].Trim();
        return (start > line.Start ? "…" : string.Empty) + excerpt + (end < line.End ? "…" : string.Empty);
    }
}
