using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using Provenance.Analysis;
using Provenance.Rules;
using Provenance.Text;

namespace Provenance.Hosting;

/// <summary>
/// An article's findings packed into one array, to be held while a run looks for copies
/// (<see cref="HeldItems"/>), and unpacked when its report is made again. The layout lives only
/// in memory, for one run, so it is made to be quick both ways rather than to be read by anyone:
/// numbers as they are in memory, strings in UTF-8 behind their length, the rule id and category
/// as their number among the rule set's names, an excerpt that a recent finding of the article
/// already has as that finding's number, and the matched text, nearly always part of the excerpt
/// or all of it, as its place there. The cache's text layout, which this replaced here, took twice
/// as long to unpack (every field found again by its tab, unescaped, every number parsed from its
/// digits) and a sixth more memory.
/// </summary>
/// <remarks>
/// The findings' count comes first; then each finding is: rule id and category (each a 16-bit name number, or -1 and the string), severity
/// (a byte), span and location (six 32-bit numbers), message, excerpt (the number of an earlier
/// finding with the same excerpt, or -1 and the string), matched text (-1: the whole excerpt;
/// -2 and the string; else its offset in the excerpt and its length), and the arguments (a count
/// and the strings). A string is its length in bytes, shifted left one, and its UTF-8 bytes. UTF-16
/// held as it is was quicker still but took half as much memory again: most real articles' strings
/// have a curly quote or apostrophe. A string with half of a surrogate pair, which UTF-8 cannot
/// hold (it would come back as a replacement mark, and the report would differ from one written
/// without holding), is held as its UTF-16 units instead, its length in units shifted left one with
/// the low bit set, from an even offset. A finding's related locations are not packed: only copy
/// findings have them, and those are added after.
/// </remarks>
internal static class HeldFindings
{
    // An excerpt is looked for among this many earlier findings': an article with hundreds of
    // findings must not compare each with all before it, and a repeated excerpt is most often
    // the one just before (several findings on one sentence).
    private const int ExcerptsLookedAt = 8;

    private const int WholeExcerpt = -1;
    private const int OwnText = -2;

    /// <summary>The findings packed into an array of exactly their size, pinned: it is held to the end of the run.</summary>
    public static byte[] Pack(ImmutableArray<Finding> findings, RuleNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        // Each finding's excerpt (an earlier finding's number, or -1) and matched text (its
        // place in the excerpt, or a mode), found once while the size is counted.
        var plan = ArrayPool<int>.Shared.Rent(Math.Max(1, findings.Length * 2));
        try
        {
            var measure = new Writer([], measuring: true);
            Write(ref measure, findings, names, plan);
            var packed = GC.AllocateUninitializedArray<byte>(measure.At, pinned: true);
            var writer = new Writer(packed, measuring: false);
            Write(ref writer, findings, names, plan);
            // The array is not cleared: bytes the writing pass left alone would be read as findings.
            return writer.At == packed.Length ? packed : throw new InvalidOperationException($"held findings measured {packed.Length} bytes but wrote {writer.At}");
        }
        finally
        {
            ArrayPool<int>.Shared.Return(plan);
        }
    }

    /// <summary>The findings <see cref="Pack"/> wrote, rule ids and categories the rule set's own strings.</summary>
    public static ImmutableArray<Finding> Unpack(ReadOnlySpan<byte> packed, RuleNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var reader = new Reader(packed);
        var count = reader.Int();
        var findings = ImmutableArray.CreateBuilder<Finding>(count);
        for (var i = 0; i < count; i++)
        {
            var ruleId = reader.Name(names);
            var category = reader.Name(names);
            var severity = (Severity)reader.Byte();
            var span = new TextSpan(reader.Int(), reader.Int());
            var location = new LinePositionSpan(new LinePosition(reader.Int(), reader.Int()), new LinePosition(reader.Int(), reader.Int()));
            var message = reader.String();
            var same = reader.Int();
            var excerpt = same < 0 ? reader.String() : findings[same].Excerpt;
            var matched = reader.Int() switch
            {
                WholeExcerpt => excerpt,
                OwnText => reader.String(),
                var offset => excerpt.Substring(offset, reader.Int()),
            };
            var arguments = reader.Int() switch
            {
                0 => [],
                1 => [reader.String()],
                var n => Arguments(ref reader, n),
            };
            findings.Add(new Finding(ruleId, category, severity, message, span, location, matched, excerpt, arguments));
        }

        return findings.MoveToImmutable();
    }

    private static ImmutableArray<string> Arguments(ref Reader reader, int count)
    {
        var arguments = ImmutableArray.CreateBuilder<string>(count);
        for (var i = 0; i < count; i++)
        {
            arguments.Add(reader.String());
        }

        return arguments.MoveToImmutable();
    }

    // The same steps measure and write, so the array is exactly the size written.
    private static void Write(ref Writer to, ImmutableArray<Finding> findings, RuleNames names, int[] plan)
    {
        to.Int(findings.Length);
        for (var i = 0; i < findings.Length; i++)
        {
            var f = findings[i];
            if (to.Measuring)
            {
                plan[2 * i] = SameExcerpt(findings, i);
                plan[(2 * i) + 1] = string.Equals(f.MatchedText, f.Excerpt, StringComparison.Ordinal)
                    ? WholeExcerpt
                    : f.Excerpt.IndexOf(f.MatchedText, StringComparison.Ordinal) is var at and >= 0 ? at : OwnText;
            }

            to.Name(f.RuleId, names);
            to.Name(f.Category, names);
            to.Byte((byte)f.Severity);
            to.Int(f.Span.Start);
            to.Int(f.Span.Length);
            to.Int(f.Location.Start.Line);
            to.Int(f.Location.Start.Column);
            to.Int(f.Location.End.Line);
            to.Int(f.Location.End.Column);
            to.String(f.Message);
            var same = plan[2 * i];
            to.Int(same);
            if (same < 0)
            {
                to.String(f.Excerpt);
            }

            var matched = plan[(2 * i) + 1];
            to.Int(matched);
            if (matched == OwnText)
            {
                to.String(f.MatchedText);
            }
            else if (matched >= 0)
            {
                to.Int(f.MatchedText.Length);
            }

            to.Int(f.Arguments.Length);
            foreach (var argument in f.Arguments)
            {
                to.String(argument);
            }
        }
    }

    // The number of a recent earlier finding with the same excerpt, or -1.
    private static int SameExcerpt(ImmutableArray<Finding> findings, int i)
    {
        var excerpt = findings[i].Excerpt;
        for (var j = i - 1; j >= 0 && j >= i - ExcerptsLookedAt; j--)
        {
            if (string.Equals(findings[j].Excerpt, excerpt, StringComparison.Ordinal))
            {
                return j;
            }
        }

        return -1;
    }

    private ref struct Writer(Span<byte> to, bool measuring)
    {
        private readonly Span<byte> _to = to;

        public readonly bool Measuring => measuring;

        public int At { get; private set; }

        public void Byte(byte value)
        {
            if (!measuring)
            {
                _to[At] = value;
            }

            At++;
        }

        public void Int(int value)
        {
            if (!measuring)
            {
                BinaryPrimitives.WriteInt32LittleEndian(_to[At..], value);
            }

            At += 4;
        }

        public void Name(string name, RuleNames names)
        {
            var number = names.NumberOf(name);
            if (number > short.MaxValue)
            {
                number = -1;
            }

            if (!measuring)
            {
                BinaryPrimitives.WriteInt16LittleEndian(_to[At..], (short)number);
            }

            At += 2;
            if (number < 0)
            {
                String(name);
            }
        }

        public void String(string value)
        {
            if (!Utf16Text.IsWellFormed(value))
            {
                // Its units as they are, after a byte that keeps them on an even offset.
                Int((value.Length << 1) | 1);
                At += At & 1;
                if (!measuring)
                {
                    MemoryMarshal.AsBytes(value.AsSpan()).CopyTo(_to[At..]);
                }

                At += value.Length * 2;
                return;
            }

            var length = measuring ? Encoding.UTF8.GetByteCount(value) : Encoding.UTF8.GetBytes(value, _to[(At + 4)..]);
            Int(length << 1);
            At += length;
        }

    }

    private ref struct Reader(ReadOnlySpan<byte> from)
    {
        private readonly ReadOnlySpan<byte> _from = from;
        private int _at;

        public byte Byte() => _from[_at++];

        public int Int()
        {
            var value = BinaryPrimitives.ReadInt32LittleEndian(_from[_at..]);
            _at += 4;
            return value;
        }

        public string Name(RuleNames names)
        {
            var number = BinaryPrimitives.ReadInt16LittleEndian(_from[_at..]);
            _at += 2;
            return number >= 0 ? names[number] : String();
        }

        public string String()
        {
            var header = Int();
            var length = header >> 1;
            if ((header & 1) != 0)
            {
                _at += _at & 1;
                var units = new string(MemoryMarshal.Cast<byte, char>(_from.Slice(_at, length * 2)));
                _at += length * 2;
                return units;
            }

            var text = Encoding.UTF8.GetString(_from.Slice(_at, length));
            _at += length;
            return text;
        }
    }
}
