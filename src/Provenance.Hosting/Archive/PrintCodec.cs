using System.Buffers.Binary;
using System.Security.Cryptography;
using Provenance.Corpus;

namespace Provenance.Hosting;

/// <summary>
/// How an archive stores a print: its shingles as 8-byte little-endian hashes in text order, and
/// its lines as variable-length numbers — each shingle's first line as the change from the one
/// before (nearly always 0) and its last line as the change from its first — about 2 bytes a
/// shingle where plain numbers would take 8.
/// </summary>
internal static class PrintCodec
{
    public static byte[] Shingles(TextPrint print)
    {
        var bytes = new byte[print.Shingles.Length * sizeof(ulong)];
        for (var i = 0; i < print.Shingles.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), print.Shingles[i]);
        }

        return bytes;
    }

    public static byte[] Lines(TextPrint print)
    {
        using var stream = new MemoryStream(print.Shingles.Length * 2);
        var previous = 0;
        for (var i = 0; i < print.Shingles.Length; i++)
        {
            var (start, end) = (print.StartLine(i), print.EndLine(i));
            Write(stream, Zig(start - previous));
            Write(stream, Zig(end - start));
            previous = start;
        }

        return stream.ToArray();
    }

    /// <summary>A digest of what is stored: an article added again with the same one is unchanged.</summary>
    public static string Digest(byte[] shingles, byte[] lines, int words)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(shingles);
        hash.AppendData(lines);
        Span<byte> count = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(count, words);
        hash.AppendData(count);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The stored shingles as hashes, in text order, without copying them where the machine's byte order allows.</summary>
    /// <exception cref="InvalidDataException">They are not a whole number of hashes.</exception>
    public static ReadOnlySpan<ulong> Hashes(byte[] shingleBytes, string path, string archive)
    {
        if (shingleBytes.Length % sizeof(ulong) != 0)
        {
            throw new InvalidDataException($"{archive}: the stored print of '{path}' is damaged: its shingles take {shingleBytes.Length} bytes, not a whole number of 8-byte hashes");
        }

        if (BitConverter.IsLittleEndian)
        {
            return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(shingleBytes);
        }

        var hashes = new ulong[shingleBytes.Length / sizeof(ulong)];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = BinaryPrimitives.ReadUInt64LittleEndian(shingleBytes.AsSpan(i * sizeof(ulong)));
        }

        return hashes;
    }

    /// <exception cref="InvalidDataException">The stored print is damaged.</exception>
    public static TextPrint Restore(string path, int words, byte[] shingleBytes, byte[] lineBytes, string archive)
    {
        try
        {
            if (shingleBytes.Length % sizeof(ulong) != 0)
            {
                throw new ArgumentException($"its shingles take {shingleBytes.Length} bytes, not a whole number of 8-byte hashes");
            }

            var count = shingleBytes.Length / sizeof(ulong);
            var shingles = new ulong[count];
            for (var i = 0; i < count; i++)
            {
                shingles[i] = BinaryPrimitives.ReadUInt64LittleEndian(shingleBytes.AsSpan(i * sizeof(ulong)));
            }

            var (starts, ends) = (new int[count], new int[count]);
            var (at, previous) = (0, 0);
            for (var i = 0; i < count; i++)
            {
                starts[i] = previous + Unzig(Read(lineBytes, ref at));
                ends[i] = starts[i] + Unzig(Read(lineBytes, ref at));
                previous = starts[i];
            }

            if (at != lineBytes.Length)
            {
                throw new ArgumentException($"its lines hold {lineBytes.Length - at} bytes more than its {count} shingles need");
            }

            return TextPrint.Restore(path, words, shingles, starts, ends);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{archive}: the stored print of '{path}' is damaged: {ex.Message}", ex);
        }
    }

    private static uint Zig(int value) => (uint)((value << 1) ^ (value >> 31));

    private static int Unzig(uint value) => (int)(value >> 1) ^ -(int)(value & 1);

    private static void Write(Stream stream, uint value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    private static uint Read(byte[] bytes, ref int at)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (at >= bytes.Length)
            {
                throw new ArgumentException("its lines end in the middle of a number");
            }

            var b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new ArgumentException("its lines hold a number longer than five bytes");
    }
}
