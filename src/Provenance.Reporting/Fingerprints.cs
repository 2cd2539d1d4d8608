using System.Security.Cryptography;
using System.Text;
using Provenance.Analysis;

namespace Provenance.Reporting;

/// <summary>
/// A finding's identity that survives edits elsewhere in the file: its rule, its file, its matched
/// text with white space folded, and which occurrence of that text it is. Line numbers are left
/// out on purpose, so code scanning (and baselines) still recognise a finding after lines move.
/// </summary>
internal static class Fingerprints
{
    /// <summary>Fingerprints for an article's findings, in the order given.</summary>
    public static IReadOnlyList<string> For(string path, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new string[findings.Count];
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var key = $"{f.RuleId}\u001f{path}\u001f{Fold(f.MatchedText)}";
            var occurrence = seen[key] = seen.GetValueOrDefault(key) + 1;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\u001f{occurrence}"));
            result[i] = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        }

        return result;
    }

    /// <summary>The fingerprint of a finding about a whole file (it could not be read).</summary>
    public static string ForFile(string ruleId, string path) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\u001f{path}")).AsSpan(0, 16));

    private static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
