using System.Buffers;

namespace Provenance.Corpus;

/// <summary>A print's sets: its samples and its shingles, sorted with repeats dropped.</summary>
public sealed partial class TextPrint
{
    // The sampled shingles, in the order given (counted first: no list grown for them).
    private static ulong[] SamplesOf(ReadOnlySpan<ulong> shingles)
    {
        var count = 0;
        foreach (var hash in shingles)
        {
            count += (hash & SampleMask) == 0 ? 1 : 0;
        }

        var samples = GC.AllocateUninitializedArray<ulong>(count);
        var k = 0;
        foreach (var hash in shingles)
        {
            if ((hash & SampleMask) == 0)
            {
                samples[k++] = hash;
            }
        }

        return samples;
    }

    // The sampled shingles sorted with repeats dropped: SamplesOf(SortedSet(shingles)), without
    // sorting the rest.
    // Gathered, sorted and their repeats dropped in a pooled buffer, then copied into an array of
    // their number: one pass over the shingles, one allocation.
    private static ulong[] SampledSet(ReadOnlySpan<ulong> shingles, bool pinned)
    {
        var buffer = ArrayPool<ulong>.Shared.Rent(shingles.Length);
        try
        {
            var count = 0;
            foreach (var hash in shingles)
            {
                buffer[count] = hash;
                count += (hash & SampleMask) == 0 ? 1 : 0;
            }

            var samples = buffer.AsSpan(0, count);
            SortHashes(samples);
            var kept = count == 0 ? 0 : 1;
            for (var i = 1; i < count; i++)
            {
                if (samples[i] != samples[kept - 1])
                {
                    samples[kept++] = samples[i];
                }
            }

            var set = GC.AllocateUninitializedArray<ulong>(kept, pinned);
            samples[..kept].CopyTo(set);
            return set;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    // Sorts hashes, which are spread evenly: dealt into about one bucket each by their top bits,
    // then put in order by insertion, each moving back a place or two at most (an article's
    // samples, some two hundred, took a comparison sort a sixth of its print). Hashes that crowd
    // into few buckets, which text does not make, end in a comparison sort.
    internal static void SortHashes(Span<ulong> hashes)
    {
        var n = hashes.Length;
        if (n < 64)
        {
            hashes.Sort();
            return;
        }

        var bits = 64 - System.Numerics.BitOperations.Log2((uint)n);
        var count = 1 << (64 - bits);
        var buckets = ArrayPool<int>.Shared.Rent(count);
        var dealt = ArrayPool<ulong>.Shared.Rent(n);
        try
        {
            // Each bucket's size, then where it starts (a pooled array of exactly count entries:
            // one more would be handed out at twice the size).
            Array.Clear(buckets, 0, count);
            foreach (var hash in hashes)
            {
                buckets[(int)(hash >> bits)]++;
            }

            for (int b = 0, start = 0; b < count; b++)
            {
                (buckets[b], start) = (start, start + buckets[b]);
            }

            foreach (var hash in hashes)
            {
                dealt[buckets[(int)(hash >> bits)]++] = hash;
            }

            var moves = 0L;
            for (var i = 1; i < n; i++)
            {
                var hash = dealt[i];
                var j = i - 1;
                while (j >= 0 && dealt[j] > hash)
                {
                    dealt[j + 1] = dealt[j];
                    j--;
                }

                dealt[j + 1] = hash;
                moves += i - 1 - j;
                if (moves > 8L * n)
                {
                    dealt.AsSpan(0, n).Sort();
                    break;
                }
            }

            dealt.AsSpan(0, n).CopyTo(hashes);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buckets);
            ArrayPool<ulong>.Shared.Return(dealt);
        }
    }

    // The shingles sorted with repeats dropped: a sort of a copy, not a hash set, since every
    // print made or read back from an archive pays for it (a third of an archive search's time).
    internal static ulong[] SortedSet(ulong[] shingles)
    {
        var sorted = new ulong[shingles.Length];
        var set = SortInto(shingles, sorted);
        return set.Length == sorted.Length ? sorted : set.ToArray();
    }

    // The shingles sorted into the buffer with repeats dropped: the set, at its start.
    private static Span<ulong> SortInto(ulong[] shingles, ulong[] buffer)
    {
        var sorted = buffer.AsSpan(0, shingles.Length);
        shingles.CopyTo(sorted);
        SortHashes(sorted);
        var kept = sorted.Length == 0 ? 0 : 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[kept - 1])
            {
                sorted[kept++] = sorted[i];
            }
        }

        return sorted[..kept];
    }
}
