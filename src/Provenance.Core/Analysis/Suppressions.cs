using System.Text.RegularExpressions;
using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Analysis;

/// <summary>An inline suppression directive found in an article.</summary>
/// <param name="Kind">disable, enable, disable-next-line, disable-line or disable-file.</param>
/// <param name="RuleIds">The rules it names; empty for every rule.</param>
/// <param name="Span">Where the directive is.</param>
/// <param name="Line">The line it stands on.</param>
public sealed record SuppressionDirective(string Kind, IReadOnlyList<string> RuleIds, TextSpan Span, int Line);

/// <summary>
/// Inline suppressions, like <c>#pragma warning disable</c>: <c>&lt;!-- provenance-disable PRV1234 --&gt;</c>
/// until <c>provenance-enable</c>, <c>-disable-next-line</c>, <c>-disable-line</c> and
/// <c>-disable-file</c>, in HTML comments (Markdown, HTML, text) or, in plain text, alone on a line.
/// A directive that suppresses nothing is reported, so stale ones do not pile up.
/// </summary>
public static partial class Suppressions
{
    /// <summary>The directives in an article, in order.</summary>
    public static IReadOnlyList<SuppressionDirective> Find(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var found = new List<SuppressionDirective>();
        var text = article.Source.Text;
        if (!text.Contains("provenance-", StringComparison.Ordinal))
        {
            return found;
        }

        foreach (Match match in Comment().Matches(text))
        {
            found.Add(Directive(article, match));
        }

        if (!Reading.ArticleReaders.For(article.Format).HasComments)
        {
            foreach (Match match in BareLine().Matches(text))
            {
                if (!found.Any(d => d.Span.OverlapsWith(new TextSpan(match.Index, match.Length))))
                {
                    found.Add(Directive(article, match));
                }
            }
        }

        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return found;
    }

    /// <summary>Whether a line of plain text is a bare directive, which the text reader leaves out of the article's blocks.</summary>
    public static bool IsDirectiveLine(ReadOnlySpan<char> line) =>
        line.Contains("provenance-", StringComparison.Ordinal) && BareLine().IsMatch(line.Trim());

    /// <summary>
    /// Drops findings the directives suppress; returns the findings kept and, per directive, whether it suppressed anything.
    /// </summary>
    internal static (List<RawMatch> Kept, bool[] Used) Apply(Article article, IReadOnlyList<SuppressionDirective> directives, List<RawMatch> matches)
    {
        var used = new bool[directives.Count];
        if (directives.Count == 0)
        {
            return (matches, used);
        }

        var kept = new List<RawMatch>(matches.Count);
        foreach (var match in matches)
        {
            var line = article.Source.GetLinePosition(match.Span.Start).Line;
            var suppressedBy = -1;
            var disabled = new Dictionary<string, int>(StringComparer.Ordinal);
            var allDisabledBy = -1;
            for (var i = 0; i < directives.Count && suppressedBy < 0; i++)
            {
                var d = directives[i];
                var names = d.RuleIds.Count == 0 || d.RuleIds.Contains(match.Rule.Id);
                switch (d.Kind)
                {
                    case "disable-file" when names:
                        suppressedBy = i;
                        break;
                    case "disable-line" when names && d.Line == line && !match.Span.IsEmpty:
                    case "disable-next-line" when names && d.Line + 1 == line && !match.Span.IsEmpty:
                        suppressedBy = i;
                        break;
                    case "disable" when d.Span.Start <= match.Span.Start && !match.Span.IsEmpty:
                        if (d.RuleIds.Count == 0)
                        {
                            allDisabledBy = i;
                        }
                        else
                        {
                            foreach (var id in d.RuleIds)
                            {
                                disabled[id] = i;
                            }
                        }

                        break;
                    case "enable" when d.Span.Start <= match.Span.Start:
                        if (d.RuleIds.Count == 0)
                        {
                            allDisabledBy = -1;
                            disabled.Clear();
                        }
                        else
                        {
                            foreach (var id in d.RuleIds)
                            {
                                disabled.Remove(id);
                            }
                        }

                        break;
                }
            }

            if (suppressedBy < 0)
            {
                suppressedBy = disabled.TryGetValue(match.Rule.Id, out var byId) ? byId : allDisabledBy;
            }

            if (suppressedBy >= 0)
            {
                used[suppressedBy] = true;
            }
            else
            {
                kept.Add(match);
            }
        }

        return (kept, used);
    }

    private static SuppressionDirective Directive(Article article, Match match)
    {
        var ids = RuleId().Matches(match.Groups["ids"].Value).Select(m => m.Value).ToList();
        var line = article.Source.GetLinePosition(match.Index).Line;
        return new SuppressionDirective(match.Groups["kind"].Value, ids, new TextSpan(match.Index, match.Length), line);
    }

    [GeneratedRegex(@"<!--\s*provenance-(?<kind>disable-next-line|disable-line|disable-file|disable|enable)\b(?<ids>[^>]*?)\s*-->", RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^[ \t]*(?:#|//)?[ \t]*provenance-(?<kind>disable-next-line|disable-line|disable-file|disable|enable)\b(?<ids>[^\r\n]*)$", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex BareLine();

    [GeneratedRegex(@"PRV\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex RuleId();
}
