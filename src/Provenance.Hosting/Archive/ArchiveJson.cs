using System.Globalization;
using System.Text.Json;
using Provenance.Corpus;

namespace Provenance.Hosting;

/// <summary>
/// An archive match as JSON, written alike by <c>provenance copies --against --format json</c> and
/// the service's <c>POST /v1/archive/search</c> (its shape: <c>ArchiveMatch</c> in the service's
/// OpenAPI document).
/// </summary>
internal static class ArchiveJson
{
    /// <summary>Writes one match as an object: the archived article, its shares and lines.</summary>
    public static void WriteMatch(Utf8JsonWriter json, ArchiveMatch match)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(match);
        json.WriteStartObject();
        json.WriteString("path", match.Path);
        json.WriteString("site", match.Site);
        json.WriteString("published", match.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("title", match.Title);
        json.WriteString("added", match.Added.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteNumber("share", Math.Round(match.Side.Share, 3));
        json.WriteNumber("archivedShare", Math.Round(match.Side.OtherShare, 3));
        WriteLines(json, "lines", match.Side.Lines);
        WriteLines(json, "archivedLines", match.Side.OtherLines);
        json.WriteEndObject();
    }

    /// <summary>Writes a line range as <c>[first, last]</c>.</summary>
    public static void WriteLines(Utf8JsonWriter json, string name, LineRange lines)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartArray(name);
        json.WriteNumberValue(lines.First);
        json.WriteNumberValue(lines.Last);
        json.WriteEndArray();
    }
}
