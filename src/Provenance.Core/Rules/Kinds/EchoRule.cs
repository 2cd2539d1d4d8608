using System.Collections.Immutable;
using System.Globalization;
using Provenance.Analysis;
using Provenance.Json;
using Provenance.Text;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Fires where a word ending in <c>ending</c> is echoed by its own stem: the stem comes back,
/// followed by one of <c>suffixes</c>, as the next word or after at most <c>wordsBetween</c>
/// words ("mediating mediation", "managing crisis management"). Arguments: {0} the phrase, {1}
/// the stem.
/// </summary>
/// <remarks>
/// It finds what <c>\b(?&lt;stem&gt;\p{L}{minStem,})ending\s+(?:\p{L}+\s+){0,wordsBetween}\k&lt;stem&gt;(?:suffix|…)\b</c>
/// finds (<c>tests/bench/patterns.mjs</c> writes that expression for the comparison tools), but
/// as a search for the ending instead of an expression: a back-reference makes every word start a
/// candidate, which cost a quarter of a plain-text article's analysis. Words are runs of letters;
/// a boundary is what the expression's <c>\b</c> takes, letters, digits, combining marks and
/// connectors being word characters. Letters compare ignoring case as ordinal comparisons do,
/// which is what the expression does but for a few letters with a second form: to it the Kelvin,
/// Ångström and Ohm signs and the capital sharp s are k, å, ω and ß, and the micro sign, final
/// sigma and curled beta are not μ, σ and β; to this kind, the other way round.
/// </remarks>
public sealed class EchoRule : Rule
{
    internal static readonly IReadOnlyCollection<string> Keys = ["ending", "minStem", "suffixes", "wordsBetween", "caseSensitive", "maxPerBlock"];

    /// <summary>The kind as the loader knows it: its name in rule packs, its keys, how a rule is built and how many message arguments it supplies.</summary>
    internal static readonly RuleKind Definition = new("echo", Keys, (common, reader, _) => Create(common, reader), _ => 2);

    private readonly StringComparison _comparison;

    private EchoRule(RuleCommon common, string ending, int minStem, ImmutableArray<string> suffixes, int wordsBetween, bool caseSensitive, int maxPerBlock)
        : base(common)
    {
        Ending = ending;
        MinStem = minStem;
        Suffixes = suffixes;
        WordsBetween = wordsBetween;
        CaseSensitive = caseSensitive;
        MaxPerBlock = maxPerBlock;
        _comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
    }

    /// <inheritdoc/>
    public override string Kind => Definition.Name;

    /// <summary>The letters the first word ends in ("ing"); what comes before them is the stem.</summary>
    public string Ending { get; }

    /// <summary>The fewest letters a stem has.</summary>
    public int MinStem { get; }

    /// <summary>What may follow the stem where it comes back, tried in order; the echoing word ends there.</summary>
    public ImmutableArray<string> Suffixes { get; }

    /// <summary>The most words between the first word and its echo.</summary>
    public int WordsBetween { get; }

    /// <summary>Whether letters compare with their case.</summary>
    public bool CaseSensitive { get; }

    /// <summary>The most findings in one block.</summary>
    public int MaxPerBlock { get; }

    internal static EchoRule? Create(RuleCommon common, ObjectReader reader)
    {
        var ending = reader.String("ending", required: true);
        var minStem = reader.Integer("minStem", min: 1) ?? 4;
        var suffixes = reader.Strings("suffixes", required: true, nonEmpty: true);
        var wordsBetween = reader.Integer("wordsBetween", min: 0, max: 8) ?? 1;
        var caseSensitive = reader.Bool("caseSensitive", false);
        var maxPerBlock = reader.Integer("maxPerBlock", min: 1) ?? int.MaxValue;
        if (ending is not null && !IsLetters(ending))
        {
            reader.Error("ending", $"expected letters only, found \"{ending}\": the ending closes a word");
        }

        for (var i = 0; i < suffixes.Length; i++)
        {
            if (!IsLetters(suffixes[i]))
            {
                reader.Context.Error(reader.ItemPath("suffixes", i), $"expected letters only, found \"{suffixes[i]}\": a suffix closes the echoing word");
            }
        }

        return ending is null || suffixes.IsEmpty ? null : new EchoRule(common, ending, minStem, suffixes, wordsBetween, caseSensitive, maxPerBlock);
    }

    internal override void Run(RuleContext context)
    {
        foreach (var block in context.ScopedBlocks())
        {
            var text = block.Text;
            var reported = 0;
            var from = 0;
            while (reported < MaxPerBlock && Next(text, from) is { } echo)
            {
                reported++;
                context.Report(block.Map.ToSource(TextSpan.FromBounds(echo.Start, echo.End)), [text[echo.Start..echo.End], text.Substring(echo.Start, echo.StemLength)]);
                from = echo.End;
            }
        }
    }

    /// <summary>The first echo that starts at or after <paramref name="from"/>: its bounds and its stem's length.</summary>
    internal (int Start, int End, int StemLength)? Next(string text, int from)
    {
        var span = text.AsSpan();
        var at = from;
        while (at < span.Length)
        {
            var found = span[at..].IndexOf(Ending, _comparison);
            if (found < 0)
            {
                return null;
            }

            var endingStart = at + found;
            var wordEnd = endingStart + Ending.Length;
            at = endingStart + 1;

            // The ending closes a word that white space follows; the stem is the rest of its letters.
            if (wordEnd >= span.Length || !char.IsWhiteSpace(span[wordEnd]))
            {
                continue;
            }

            var start = endingStart;
            while (start > 0 && char.IsLetter(span[start - 1]))
            {
                start--;
            }

            var stemLength = endingStart - start;
            if (stemLength < MinStem || start < from || (start > 0 && IsWordChar(span[start - 1])))
            {
                continue;
            }

            if (Echo(span, span.Slice(start, stemLength), wordEnd) is { } end)
            {
                return (start, end, stemLength);
            }
        }

        return null;
    }

    // As the expression's greedy (?:\p{L}+\s+){0,n}: the echo is looked for after the most words
    // between first, then one fewer, down to none.
    private int? Echo(ReadOnlySpan<char> span, ReadOnlySpan<char> stem, int wordEnd)
    {
        Span<int> starts = stackalloc int[WordsBetween + 1];
        var count = 0;
        var at = SkipWhiteSpace(span, wordEnd);
        starts[count++] = at;
        while (count <= WordsBetween)
        {
            var letters = at;
            while (letters < span.Length && char.IsLetter(span[letters]))
            {
                letters++;
            }

            if (letters == at || letters >= span.Length || !char.IsWhiteSpace(span[letters]))
            {
                break;
            }

            at = SkipWhiteSpace(span, letters);
            starts[count++] = at;
        }

        for (var i = count - 1; i >= 0; i--)
        {
            if (EchoAt(span, stem, starts[i]) is { } end)
            {
                return end;
            }
        }

        return null;
    }

    private int? EchoAt(ReadOnlySpan<char> span, ReadOnlySpan<char> stem, int at)
    {
        if (at + stem.Length > span.Length || !span.Slice(at, stem.Length).Equals(stem, _comparison))
        {
            return null;
        }

        var rest = span[(at + stem.Length)..];
        foreach (var suffix in Suffixes)
        {
            if (rest.StartsWith(suffix, _comparison) && (rest.Length == suffix.Length || !IsWordChar(rest[suffix.Length])))
            {
                return at + stem.Length + suffix.Length;
            }
        }

        return null;
    }

    private static int SkipWhiteSpace(ReadOnlySpan<char> span, int at)
    {
        while (at < span.Length && char.IsWhiteSpace(span[at]))
        {
            at++;
        }

        return at;
    }

    private static bool IsLetters(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    /// <summary>
    /// What a regular expression's <c>\b</c> counts as a word character: <c>\w</c> (letters,
    /// non-spacing marks, decimal digits, connector punctuation) and the zero-width non-joiner and joiner.
    /// </summary>
    internal static bool IsWordChar(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation => true,
        _ => c is '\u200C' or '\u200D',
    };
}
