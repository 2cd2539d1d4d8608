using System.Text.RegularExpressions;

namespace Provenance.Text;

/// <summary>
/// Finds, for a regular expression, a set of strings one of which every match must contain: a
/// text holding none of them cannot match, so the expression need not run on it. It reads .NET
/// syntax and gives up (returns <see langword="null"/>) on anything it does not follow, which
/// costs only speed: a wrong set would cost findings.
/// </summary>
/// <remarks>
/// Each part of the expression is described by what it can match: the exact finite set of strings
/// when there are few ("said|says", "[sz]"), and otherwise a required set. A sequence multiplies
/// neighbouring exact sets into longer strings ("emphasi" "[sz]" "ed"); a part that matches
/// unknown text (\s+, \p{L}, a back-reference) ends a run. The best run (longest shortest string)
/// wins. Zero-width parts (anchors, \b, look-arounds) match the empty string.
/// </remarks>
internal sealed partial class RequiredLiterals
{
    private const int MaxSetSize = 64;
    private const int MaxUnionSize = 256;

    private readonly string _pattern;
    private int _position;

    private RequiredLiterals(string pattern) => _pattern = pattern;

    /// <summary>Whether any part of the expression matches ignoring case.</summary>
    private bool IgnoreCase { get; set; }

    /// <summary>
    /// Sets of strings every match of <paramref name="pattern"/> contains one of each, the most
    /// selective first and at most <paramref name="most"/>: "said" and a quote mark for an
    /// expression that needs both. Lower-cased and meant to be searched ignoring case when
    /// <c>IgnoreCase</c> is set. <see langword="null"/> when no such set is known.
    /// </summary>
    public static (string[][] Sets, bool IgnoreCase)? Extract(string pattern, RegexOptions options, int most = 1)
    {
        if ((options & RegexOptions.IgnorePatternWhitespace) != 0)
        {
            return null;
        }

        var parser = new RequiredLiterals(pattern) { IgnoreCase = (options & RegexOptions.IgnoreCase) != 0 };
        Part whole;
        try
        {
            whole = parser.Alternation();
            if (parser._position != pattern.Length)
            {
                return null;
            }
        }
        catch (NotFollowedException)
        {
            return null;
        }

        var sets = new List<string[]>();
        foreach (var required in Ranked([whole.Exact, .. whole.All]))
        {
            var literals = parser.IgnoreCase
                ? required.Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray()
                : [.. required];
            Array.Sort(literals, StringComparer.Ordinal);

            // A set that a text holding one of a taken set's strings always holds says nothing more:
            // the same strings twice ("said" ... "said"), or parts of them ("(AFP)" then "AFP").
            if (sets.Count < most && !sets.Any(taken => Implies(taken, literals)))
            {
                sets.Add(literals);
            }
        }

        return sets.Count == 0 ? null : ([.. sets], parser.IgnoreCase);
    }

    // Whether every string of taken contains one of next's.
    private static bool Implies(string[] taken, string[] next) =>
        taken.All(t => next.Any(n => t.Contains(n, StringComparison.Ordinal)));

    private Part Alternation()
    {
        var branches = new List<Part> { Sequence() };
        while (Peek() == '|')
        {
            _position++;
            branches.Add(Sequence());
        }

        if (branches.Count == 1)
        {
            return branches[0];
        }

        HashSet<string>? exact = branches.All(b => b.Exact is not null) ? [.. branches.SelectMany(b => b.Exact!)] : null;
        if (exact is { Count: > MaxSetSize })
        {
            exact = null;
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var branch in branches)
        {
            if (Best(branch) is not { } best)
            {
                return new Part(exact, []);
            }

            required.UnionWith(best);
        }

        return new Part(exact, required.Count <= MaxUnionSize ? [required] : []);
    }

    private Part Sequence()
    {
        var parts = new List<Part>();
        while (_position < _pattern.Length && Peek() is not ('|' or ')'))
        {
            parts.Add(Quantified(Atom()));
        }

        HashSet<string>? whole = [string.Empty];
        HashSet<string>? run = [string.Empty];
        var candidates = new List<HashSet<string>>();
        foreach (var part in parts)
        {
            whole = whole is not null && part.Exact is not null ? Product(whole, part.Exact) : null;
            candidates.AddRange(part.All);

            if (part.Exact is null)
            {
                candidates.Add(run);
                run = [string.Empty];
                continue;
            }

            if (Product(run, part.Exact) is { } longer)
            {
                run = longer;
            }
            else
            {
                candidates.Add(run);
                run = part.Exact;
            }
        }

        candidates.Add(run);
        return new Part(whole, [.. Ranked(candidates)]);
    }

    private static Part Quantified(Part part, int min, int max)
    {
        if (min == 0)
        {
            return max == 1 && part.Exact is not null ? new Part([.. part.Exact, string.Empty], []) : Part.Unknown;
        }

        HashSet<string>? exact = null;
        if (min == max && part.Exact is not null)
        {
            exact = [string.Empty];
            for (var i = 0; i < min && exact is not null; i++)
            {
                exact = Product(exact, part.Exact);
            }
        }

        return new Part(exact, part.Exact is null ? part.All : [.. Ranked([part.Exact, .. part.All])]);
    }

    private Part Quantified(Part part)
    {
        int min, max;
        switch (Peek())
        {
            case '*':
                (min, max) = (0, int.MaxValue);
                _position++;
                break;
            case '+':
                (min, max) = (1, int.MaxValue);
                _position++;
                break;
            case '?':
                (min, max) = (0, 1);
                _position++;
                break;
            case '{' when Braces() is { } bounds:
                (min, max) = bounds;
                break;
            default:
                return part;
        }

        if (Peek() == '?')
        {
            _position++;
        }

        return Quantified(part, min, max);
    }

    private Part Atom()
    {
        var c = _pattern[_position++];
        return c switch
        {
            '(' => Group(),
            '[' => CharacterClass(),
            '.' => Part.Unknown,
            '^' or '$' => Part.Empty,
            '\\' => Escape(),
            '*' or '+' or '?' => throw new NotFollowedException(),
            _ => Part.Literal(c),
        };
    }

    private Part Group()
    {
        if (Peek() != '?')
        {
            return Closed(Alternation());
        }

        _position++;
        var c = Next();
        switch (c)
        {
            case ':':
            case '>':
                return Closed(Alternation());
            case '=':
            case '!':
                Closed(Alternation());
                return Part.Empty;
            case '<' when Peek() is '=' or '!':
                _position++;
                Closed(Alternation());
                return Part.Empty;
            case '<':
            case '\'':
                var close = c == '<' ? '>' : '\'';
                var end = _pattern.IndexOf(close, _position);
                if (end < 0 || _pattern.AsSpan(_position, end - _position).Contains('-'))
                {
                    throw new NotFollowedException();
                }

                _position = end + 1;
                return Closed(Alternation());
            case '#':
                var commentEnd = _pattern.IndexOf(')', _position);
                _position = commentEnd >= 0 ? commentEnd + 1 : throw new NotFollowedException();
                return Part.Empty;
            default:
                _position--;
                return InlineOptions();
        }
    }

    // (?imnsx-imnsx) sets options for the rest of the group; (?imnsx-imnsx:…) for its own.
    private Part InlineOptions()
    {
        var on = true;
        while (_position < _pattern.Length && _pattern[_position] is not (')' or ':'))
        {
            switch (_pattern[_position++])
            {
                case '-':
                    on = false;
                    break;
                case 'i':
                    IgnoreCase |= on;
                    break;
                case 'x' when on:
                    throw new NotFollowedException();
                case 'm' or 'n' or 's' or 'x':
                    break;
                default:
                    throw new NotFollowedException();
            }
        }

        return Next() == ':' ? Closed(Alternation()) : Part.Empty;
    }

    private Part Closed(Part inner) => Next() == ')' ? inner : throw new NotFollowedException();

    private char Peek() => _position < _pattern.Length ? _pattern[_position] : '\0';

    private char Next() => _position < _pattern.Length ? _pattern[_position++] : throw new NotFollowedException();

    private static HashSet<string>? Product(HashSet<string> left, HashSet<string> right)
    {
        if (left.Count * right.Count > MaxSetSize)
        {
            return null;
        }

        var product = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in left)
        {
            foreach (var r in right)
            {
                product.Add(l + r);
            }
        }

        return product;
    }

    // The strings a match of the part must contain, chosen from what is known of it.
    private static HashSet<string>? Best(Part part) => Ranked([part.Exact, .. part.All]).FirstOrDefault();

    // The sets that require something, most selective first: the longest shortest string, then
    // the fewest strings. A set holding the empty string requires nothing.
    private static IEnumerable<HashSet<string>> Ranked(IEnumerable<HashSet<string>?> sets) =>
        sets.Where(s => s is { Count: > 0 } && !s.Contains(string.Empty))
            .Select(s => s!)
            .OrderByDescending(s => s.Min(l => l.Length))
            .ThenBy(s => s.Count);

    /// <summary>What one part of an expression can match.</summary>
    /// <param name="Exact">Every string it can match, when that is a small finite set.</param>
    /// <param name="All">Sets of strings every match contains one of each, most selective first; never holding the empty string.</param>
    private sealed record Part(HashSet<string>? Exact, IReadOnlyList<HashSet<string>> All)
    {
        public static Part Unknown { get; } = new(null, []);

        public static Part Empty => new([string.Empty], []);

        public static Part Literal(char c) => new([c.ToString()], []);
    }

    private sealed class NotFollowedException : Exception;
}
