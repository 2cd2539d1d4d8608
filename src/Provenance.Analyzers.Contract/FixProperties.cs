using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Provenance.Analyzers;

/// <summary>
/// How the analyzer hands a finding's fix to the code fixes: diagnostic properties holding the
/// deletions, and a checksum of the text they were computed on.
/// </summary>
public static class FixProperties
{
    /// <summary>The key of the property that holds what the finding's fix deletes ("start:length").</summary>
    public const string Fix = "ProvenanceFix";

    /// <summary>The key of the property that holds every deletion provenance fix makes in the article ("start:length;…"), in order.</summary>
    public const string FixAll = "ProvenanceFixAll";

    /// <summary>The key of the property that holds the checksum of the article's text the deletions were computed on.</summary>
    public const string Text = "ProvenanceText";

    /// <summary>Writes deletions as a property value.</summary>
    public static string Format(IEnumerable<BuildEdit> edits) =>
        string.Join(";", edits.Select(e => e.Start.ToString(CultureInfo.InvariantCulture) + ":" + e.Length.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The deletions a property value holds, or null when it holds none or they are not in order,
    /// overlap, or do not fit a text of <paramref name="textLength"/> characters.
    /// </summary>
    public static IReadOnlyList<BuildEdit>? Parse(string? value, int textLength)
    {
        var edits = new List<BuildEdit>();
        var end = 0;
        foreach (var part in (value ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0
                || !int.TryParse(part.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(part.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || start < end || length > textLength - start)
            {
                return null;
            }

            edits.Add(new BuildEdit(start, length));
            end = start + length;
        }

        return edits.Count == 0 ? null : edits;
    }

    /// <summary>A checksum of a text (SHA-256 of its UTF-16 code units, hex), the same in the engine and the code fixes.</summary>
    public static string Checksum(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        // The code units as they are: an encoding would turn unpaired surrogates into U+FFFD and
        // make texts that differ there alike.
        var units = new byte[text.Length * sizeof(char)];
        Buffer.BlockCopy(text.ToCharArray(), 0, units, 0, units.Length);
        using var sha = System.Security.Cryptography.SHA256.Create();
        var hash = sha.ComputeHash(units);
        return BitConverter.ToString(hash).Replace("-", string.Empty);
    }
}
