using System.Text.RegularExpressions;

namespace Provenance.Text;

// The pieces of .NET expression syntax that stand for characters: quantifier braces, character
// classes and escapes.
internal sealed partial class RequiredLiterals
{
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

        return simple && chars.Count is > 0 and <= 8 ? new Part(chars, []) : Part.Unknown;
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

    [GeneratedRegex(@"\G\{(\d+)(,(\d*))?\}")]
    private static partial Regex BracesShape();
}
