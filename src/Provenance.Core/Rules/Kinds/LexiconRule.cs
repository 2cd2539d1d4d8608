using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Provenance.Analysis;
using Provenance.Json;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Matches a list of phrases. The phrases compile into one alternation, longest first; a block is
/// searched for the phrases' first words at once (one vectorised multi-string search whatever the
/// list's size), and the alternation is tried only where one starts. Spaces in a phrase match any
/// run of white space (a line break included).
/// </summary>
public sealed class LexiconRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["phrases", "caseSensitive", "wholeWord", "maxPerBlock"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("lexicon", Keys, Create, _ => 1);

    private readonly Regex _matcher;

    // The alternation held to where it is tried (\G), and the first words a match starts with.
    // Searching for the words is many times faster than the expression's own search for where it
    // may start, which stops at every letter a phrase begins with: PRV5004 over every block, 24
    // against 5 µs per article. Null when a first word has a letter with case rules of its own.
    private readonly Regex _anchored;
    private readonly SearchValues<string>? _starts;

    // The first words with the white space after them (" ", tab, line feed, carriage return) for
    // phrases of more than one word: "a" alone started a search at every a of a block, and a
    // one-letter string left the search a plain automaton where strings of two or more ASCII
    // characters get a vectorised one (PRV6001's first words over 2,000 articles: 59 ms and 684,000
    // places tried, against 22 ms and 111,000). A block with other white space (a no-break space)
    // is searched by the bare words in _starts. Null when that is all there is.
    private readonly SearchValues<string>? _spacedStarts;
    private readonly bool _wholeWord;
    private readonly bool _caseSensitive;

    private LexiconRule(RuleCommon common, ImmutableArray<string> phrases, Regex matcher, Regex anchored, SearchValues<string>? starts, SearchValues<string>? spacedStarts, bool wholeWord, bool caseSensitive, int maxPerBlock)
        : base(common)
    {
        Phrases = phrases;
        _matcher = matcher;
        _anchored = anchored;
        _starts = starts;
        _spacedStarts = spacedStarts;
        _wholeWord = wholeWord;
        _caseSensitive = caseSensitive;
        MaxPerBlock = maxPerBlock;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    /// <summary>The phrases, as written in the rule file.</summary>
    public ImmutableArray<string> Phrases { get; }

    /// <summary>The most matches reported in one block.</summary>
    public int MaxPerBlock { get; }

    internal static LexiconRule? Create(RuleCommon common, ObjectReader reader, RuleLimits limits)
    {
        var phrases = reader.Strings("phrases", required: true, nonEmpty: true);
        var caseSensitive = reader.Bool("caseSensitive", false);
        var wholeWord = reader.Bool("wholeWord", true);
        var maxPerBlock = reader.Integer("maxPerBlock", min: 1) ?? int.MaxValue;
        if (phrases.IsEmpty)
        {
            return null;
        }

        var seen = new HashSet<string>(caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < phrases.Length; i++)
        {
            if (!seen.Add(phrases[i]))
            {
                reader.Context.Error(JsonPositions.Index(reader.ChildPath("phrases"), i), $"the phrase \"{phrases[i]}\" is listed twice");
            }
        }

        var pattern = new StringBuilder(wholeWord ? @"(?<![\p{L}\p{N}_])(?:" : "(?:");
        var first = true;
        var firstWords = new List<string>();
        var spacedWords = new List<string>();
        var ordinalStarts = true;
        // Longest first, then in ordinal order. Sorted with one comparison rather than a query over
        // an int key, whose code is compiled at run time; the text must stay the same, as the
        // built-in expressions are looked up by it.
        var ordered = new List<string>(new HashSet<string>(phrases, StringComparer.Ordinal));
        ordered.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : string.CompareOrdinal(a, b));
        foreach (var phrase in ordered)
        {
            var trimmed = phrase.Trim();
            pattern.Append(first ? string.Empty : "|");
            pattern.Append(Regex.Escape(trimmed).Replace(@"\ ", @"\s+", StringComparison.Ordinal));
            first = false;
            var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
            var word = space < 0 ? trimmed : trimmed[..space];
            firstWords.Add(word);
            if (space < 0)
            {
                spacedWords.Add(word);
            }
            else
            {
                spacedWords.AddRange(Text.PhraseSpaces.Common.Select(c => word + c));
            }

            ordinalStarts &= caseSensitive || !Text.RegexScreen.HasOwnCaseRules(word);
        }

        pattern.Append(wholeWord ? @")(?![\p{L}\p{N}_])" : ")");
        var options = RegexOptions.CultureInvariant | limits.RegexOptions | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
        var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var starts = ordinalStarts ? SearchValues.Create([.. firstWords.Distinct(StringComparer.FromComparison(comparison))], comparison) : null;
        var spacedStarts = ordinalStarts && spacedWords.Count > firstWords.Count
            ? SearchValues.Create([.. spacedWords.Distinct(StringComparer.FromComparison(comparison))], comparison)
            : null;
        return new LexiconRule(
            common,
            phrases,
            RuleExpressions.Create(pattern.ToString(), options, limits),
            RuleExpressions.Create(@"\G" + pattern, options, limits),
            starts,
            spacedStarts,
            wholeWord,
            caseSensitive,
            maxPerBlock);
    }

    internal override IEnumerable<Regex> Expressions => [_matcher];

    internal override IEnumerable<Regex> UnscreenedExpressions => [_anchored];

    internal override void Run(RuleContext context)
    {
        // Blocks that hold none of the phrases' longest words are not searched.
        var screen = context.ScreenIds([_matcher]);
        foreach (var block in context.ScopedBlocks())
        {
            if (!context.MayMatch(screen, 0))
            {
                continue;
            }

            // A letter the expression takes for another (the Kelvin sign for k) may start a
            // match no ordinal search finds: such an article is searched by the expression alone.
            var byStarts = _caseSensitive || !context.CaseOddities;
            var oddWhitespace = _spacedStarts is not null && context.OddWhitespace;
            var reported = 0;
            for (var match = Next(block.Text, 0, byStarts, oddWhitespace); match is not null && reported < MaxPerBlock; match = Next(block.Text, match.Index + Math.Max(1, match.Length), byStarts, oddWhitespace))
            {
                reported++;
                context.Report(block.Map.ToSource(new Text.TextSpan(match.Index, match.Length)), [match.Value]);
            }
        }
    }

    /// <summary>
    /// The first match at or after <paramref name="at"/>: by the phrases' first words when
    /// <paramref name="byStarts"/> allows and the words allow, with the white space after them
    /// unless the text has <paramref name="oddWhitespace"/>, else by the expression's own search.
    /// </summary>
    internal Match? Next(string text, int at, bool byStarts, bool oddWhitespace) =>
        byStarts && (oddWhitespace ? _starts : _spacedStarts ?? _starts) is { } starts ? Next(text, at, starts)
        : _matcher.Match(text, at) is { Success: true } match ? match : null;

    // The first match at or after at, tried only where a phrase's first word starts: every match
    // starts with one, and the alternation tried there is the one the plain search would have tried.
    private Match? Next(string text, int at, SearchValues<string> starts)
    {
        while (at < text.Length)
        {
            var found = text.AsSpan(at).IndexOfAny(starts);
            if (found < 0)
            {
                return null;
            }

            var start = at + found;
            at = start + 1;

            // Inside a word the expression's look-behind fails; a letter is enough to say so.
            if (_wholeWord && start > 0 && char.IsLetter(text[start - 1]))
            {
                continue;
            }

            if (_anchored.Match(text, start) is { Success: true } match)
            {
                return match;
            }
        }

        return null;
    }
}
