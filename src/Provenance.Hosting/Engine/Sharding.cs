using System.Security.Cryptography;
using System.Text;

namespace Provenance.Hosting;

/// <summary>
/// <c>--shard k/n</c>: a stable partition of the files by a hash of their path, so n CI jobs (a
/// matrix, a Kubernetes indexed job) each check one part and <c>provenance merge</c> joins the
/// results into what one run would have written.
/// </summary>
internal static class Sharding
{
    public static (int Index, int Count) Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var index) && int.TryParse(parts[1], out var count) && count >= 1 && index >= 1 && index <= count)
        {
            return (index, count);
        }

        throw new ProvenanceSetupException($"--shard {text}: expected K/N with 1 <= K <= N, such as 2/4");
    }

    public static bool Includes(string displayPath, (int Index, int Count) shard)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(displayPath));
        var bucket = (int)(BitConverter.ToUInt32(hash, 0) % (uint)shard.Count);
        return bucket == shard.Index - 1;
    }
}
