using System.Text.RegularExpressions;
using Provenance.Outlets;

namespace Provenance.Rules.Kinds;

/// <summary>
/// Whether an author credit names the house rather than a person: an outlet or agency the registry
/// knows ("BBC News" on the BBC's page, "AFP", "Reuters"), or a desk ("Our Foreign Staff", "TMZ
/// Staff", "Contributors to Wikimedia projects"). Such a credit says who stands behind the text, but not
/// who wrote it, so it is not a byline in the sense editors and the Trust Project use.
/// </summary>
internal static partial class HouseCredit
{
    /// <summary>Whether <paramref name="author"/> credits the house.</summary>
    public static bool Is(string author, OutletRegistry registry)
    {
        var name = author.Trim();
        if (name.Length == 0)
        {
            return false;
        }

        // The site's own name is not enough: a personal blog is often named after its author.
        return registry.FindByAlias(name) is not null || Desk().IsMatch(name);
    }

    [GeneratedRegex(@"\b(?:staff|desk|newsroom|editors|editorial\s+board|editorial\s+team|news\s+team|web\s+team|contributors|wire\s+services|wires|agencies)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Desk();
}
