using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
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
/// the low bit set. A finding's related locations are not packed: only copy
/// findings have them, and those are added after.
/// </remarks>
internal static class HeldFindings
{
    // An excerpt is looked for among this many earlier findings': an article with hundreds of
    // findings must not compare each with all before it, and a repeated excerpt is most often
    // the one just before (several findings on one sentence).
    private const int ExcerptsLookedAt = 8;

    // A real article's findings take 3–8 KB: a buffer grown from 1 KB was copied two or three times.
    private const int PackSize = 8192;

    private const int WholeExcerpt = -1;
    private const int OwnText = -2;

    /// <summary>The findings packed into an array of exactly their size, pinned: it is held to the end of the run.</summary>
    public static byte[] Pack(ImmutableArray<Finding> findings, RuleNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        using var buffer = new PooledBuffer(PackSize);
        var to = new Writer(buffer);
        to.Int(findings.Length);
        for (var i = 0; i < findings.Length; i++)
        {
            var f = findings[i];
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
            var same = SameExcerpt(findings, i);
            to.Int(same);
            if (same < 0)
            {
                to.String(f.Excerpt);
            }

            var matched = string.Equals(f.MatchedText, f.Excerpt, StringComparison.Ordinal)
                ? WholeExcerpt
                : f.Excerpt.IndexOf(f.MatchedText, StringComparison.Ordinal) is var at and >= 0 ? at : OwnText;
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

        var packed = GC.AllocateUninitializedArray<byte>(buffer.WrittenCount, pinned: true);
        buffer.WrittenSpan.CopyTo(packed);
        return packed;
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

    // Fields written one after another into a pooled buffer.
    private readonly struct Writer(PooledBuffer to)
    {
        public void Byte(byte value)
        {
            to.GetSpan(1)[0] = value;
            to.Advance(1);
        }

        public void Int(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(to.GetSpan(4), value);
            to.Advance(4);
        }

        public void Name(string name, RuleNames names)
        {
            var number = names.NumberOf(name) is var n and <= short.MaxValue ? n : -1;
            BinaryPrimitives.WriteInt16LittleEndian(to.GetSpan(2), (short)number);
            to.Advance(2);
            if (number < 0)
            {
                String(name);
            }
        }

        public void String(string value)
        {
            var span = to.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
            if (Utf8.FromUtf16(value, span[4..], out _, out var length, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                BinaryPrimitives.WriteInt32LittleEndian(span, length << 1);
                to.Advance(4 + length);
                return;
            }

            // Half of a surrogate pair, which UTF-8 cannot hold: its units as they are (read back
            // from wherever they fall; the processor needs no alignment for them).
            span = to.GetSpan(4 + (value.Length * 2));
            BinaryPrimitives.WriteInt32LittleEndian(span, (value.Length << 1) | 1);
            MemoryMarshal.AsBytes(value.AsSpan()).CopyTo(span[4..]);
            to.Advance(4 + (value.Length * 2));
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
