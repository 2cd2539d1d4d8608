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
    /// The strings, one of which every match of <paramref name="pattern"/> contains; lower-cased and
    /// meant to be searched ignoring case when <c>IgnoreCase</c> is set. <see langword="null"/> when
    /// no such set is known.
    /// </summary>
    public static (string[] Literals, bool IgnoreCase)? Extract(string pattern, RegexOptions options)
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

        var required = Best(whole);
        if (required is null)
        {
            return null;
        }

        var literals = parser.IgnoreCase
            ? required.Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray()
            : [.. required];
        Array.Sort(literals, StringComparer.Ordinal);
        return (literals, parser.IgnoreCase);
    }

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
                return new Part(exact, null);
            }

            required.UnionWith(best);
        }

        return new Part(exact, required.Count <= MaxUnionSize ? required : null);
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
            if (part.Required is not null)
            {
                candidates.Add(part.Required);
            }

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
        return new Part(whole, MostSelective(candidates));
    }

    private static Part Quantified(Part part, int min, int max)
    {
        if (min == 0)
        {
            return max == 1 && part.Exact is not null ? new Part([.. part.Exact, string.Empty], null) : Part.Unknown;
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

        return new Part(exact, Best(part));
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
    private static HashSet<string>? Best(Part part) => MostSelective([part.Exact, part.Required]);

    // The set whose shortest string is longest (then the smallest); a set holding the empty string
    // requires nothing.
    private static HashSet<string>? MostSelective(IEnumerable<HashSet<string>?> sets) =>
        sets.Where(s => s is { Count: > 0 } && !s.Contains(string.Empty))
            .OrderByDescending(s => s!.Min(l => l.Length))
            .ThenBy(s => s!.Count)
            .FirstOrDefault();

    /// <summary>What one part of an expression can match.</summary>
    /// <param name="Exact">Every string it can match, when that is a small finite set.</param>
    /// <param name="Required">Strings one of which every match contains, when known; never the empty string.</param>
    private sealed record Part(HashSet<string>? Exact, HashSet<string>? Required)
    {
        public static Part Unknown { get; } = new(null, null);

        public static Part Empty => new([string.Empty], null);

        public static Part Literal(char c) => new([c.ToString()], null);
    }

    private sealed class NotFollowedException : Exception;
}
