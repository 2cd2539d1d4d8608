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
        var best = candidates.Where(c => !c.Contains(string.Empty)).OrderByDescending(c => c.Min(s => s.Length)).ThenBy(c => c.Count).FirstOrDefault();
        return new Part(whole, best);
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

    // {n}, {n,} or {n,m}; anything else is a literal brace, as .NET reads it.
    private (int Min, int Max)? Braces()
    {
        var match = BracesShape().Match(_pattern, _position);
        if (!match.Success || match.Index != _position)
        {
            return null;
        }

        _position += match.Length;
        var min = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var max = !match.Groups[2].Success ? min
            : match.Groups[3].Length == 0 ? int.MaxValue
            : int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (min, max);
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

    private Part CharacterClass()
    {
        var negated = Peek() == '^';
        if (negated)
        {
            _position++;
        }

        var chars = new HashSet<string>(StringComparer.Ordinal);
        var simple = !negated;
        var first = true;
        while (true)
        {
            var c = Next();
            if (c == ']' && !first)
            {
                break;
            }

            // A subtraction ([a-z-[aeiou]]) is not followed.
            if (c == '-' && !first && Peek() == '[')
            {
                throw new NotFollowedException();
            }

            first = false;
            char? single = c == '\\' ? ClassEscape() : c;

            if (single is null)
            {
                simple = false;
                continue;
            }

            // A range or a subtraction: the set is not kept (few classes are worth it).
            if (Peek() == '-' && _position + 1 < _pattern.Length && _pattern[_position + 1] != ']')
            {
                _position++;
                if (Peek() == '[')
                {
                    throw new NotFollowedException();
                }

                if (Next() == '\\')
                {
                    ClassEscape();
                }

                simple = false;
                continue;
            }

            chars.Add(single.Value.ToString());
        }

        return simple && chars.Count is > 0 and <= 8 ? new Part(chars, null) : Part.Unknown;
    }

    // An escape inside [...]: the character it stands for, or null for a category (\s, \p{L}).
    private char? ClassEscape()
    {
        var c = Next();
        switch (c)
        {
            case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                return null;
            case 'p' or 'P':
                SkipBraces();
                return null;
            default:
                return Character(c);
        }
    }

    private Part Escape()
    {
        var c = Next();
        switch (c)
        {
            case 'b' or 'B' or 'A' or 'Z' or 'z' or 'G':
                return Part.Empty;
            case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                return Part.Unknown;
            case 'p' or 'P':
                SkipBraces();
                return Part.Unknown;
            case 'k':
                var close = Next() switch { '<' => '>', '\'' => '\'', _ => throw new NotFollowedException() };
                var end = _pattern.IndexOf(close, _position);
                _position = end >= 0 ? end + 1 : throw new NotFollowedException();
                return Part.Unknown;
            case >= '0' and <= '9':
                // A back-reference or an octal escape: either way, not followed.
                throw new NotFollowedException();
            default:
                return Part.Literal(Character(c));
        }
    }

    // The character an escape like \n, \x41, \u00e9 or \. stands for.
    private char Character(char c)
    {
        switch (c)
        {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'f': return '\f';
            case 'v': return '\v';
            case 'e': return '\u001b';
            case 'a': return '\a';
            case 'x': return Hex(2);
            case 'u': return Hex(4);
            case 'c': throw new NotFollowedException();
            default:
                return char.IsAsciiLetterOrDigit(c) ? throw new NotFollowedException() : c;
        }
    }

    private char Hex(int digits)
    {
        if (_position + digits > _pattern.Length ||
            !int.TryParse(_pattern.AsSpan(_position, digits), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            throw new NotFollowedException();
        }

        _position += digits;
        return (char)value;
    }

    private void SkipBraces()
    {
        if (Next() != '{')
        {
            throw new NotFollowedException();
        }

        var end = _pattern.IndexOf('}', _position);
        _position = end >= 0 ? end + 1 : throw new NotFollowedException();
    }

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

    // The more selective of a part's sets: the one whose shortest string is longest.
    private static HashSet<string>? Best(Part part)
    {
        var exact = part.Exact is { } e && !e.Contains(string.Empty) ? e : null;
        if (exact is null || part.Required is null)
        {
            return exact ?? part.Required;
        }

        return exact.Min(s => s.Length) >= part.Required.Min(s => s.Length) ? exact : part.Required;
    }

    [GeneratedRegex(@"\G\{(\d+)(,(\d*))?\}")]
    private static partial Regex BracesShape();

    /// <summary>What one part of an expression can match.</summary>
    /// <param name="Exact">Every string it can match, when that is a small finite set.</param>
    /// <param name="Required">Strings one of which every match contains, when known; never the empty string.</param>
    private sealed record Part(HashSet<string>? Exact, HashSet<string>? Required)
    {
        public static Part Unknown { get; } = new(null, null);

        public static Part Empty => new([string.Empty], null);

        public static Part Literal(char c) => new([c.ToString()], [c.ToString()]);
    }

    private sealed class NotFollowedException : Exception;
}
