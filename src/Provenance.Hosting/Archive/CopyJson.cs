using System.Globalization;
using System.Text.Json;
using Provenance.Corpus;

namespace Provenance.Hosting;

/// <summary>
/// Copy searches as JSON, written alike by <c>provenance copies --format json</c> (a folder, an
/// archive's groups, look-ups <c>--against</c> one) and the service's <c>POST /v1/archive/search</c>
/// (a match's shape: <c>ArchiveMatch</c> in the service's OpenAPI document).
/// </summary>
internal static class CopyJson
{
    /// <summary>A whole document, indented as the tool's other JSON files are, with a line end.</summary>
    public static string Document(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Reporting.RuleCatalog.WriterOptions))
        {
            write(json);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the groups a search found: each with its likely original, how the copies stand, its articles and pairs.</summary>
    public static void WriteSearch(Utf8JsonWriter json, CopySearch search)
    {
        json.WriteStartObject();
        json.WriteNumber("articles", search.Articles);
        json.WriteNumber("compared", search.Compared);
        json.WriteStartArray("clusters");
        foreach (var (cluster, origin) in search.Clusters.Zip(search.Origins))
        {
            json.WriteStartObject();
            json.WriteString("original", origin.Original);
            json.WriteString("originalReason", origin.Reason);
            json.WriteStartArray("copies");
            foreach (var copy in origin.Copies)
            {
                json.WriteStartObject();
                json.WriteString("path", copy.Path);
                json.WriteBoolean("credited", copy.Credited);
                json.WriteString("credit", copy.Credit);
                json.WriteBoolean("creditsOriginal", copy.CreditsOriginal);
                json.WriteBoolean("sameText", copy.SameText);
                json.WriteString("kind", copy.Kind switch { CopyKind.Credited => "credited", CopyKind.SameSite => "sameSite", CopyKind.SameText => "sameText", CopyKind.Undetermined => "undetermined", _ => "uncredited" });
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("paths");
            foreach (var path in cluster.Paths)
            {
                json.WriteStringValue(path);
            }

            json.WriteEndArray();
            json.WriteStartArray("pairs");
            foreach (var pair in cluster.Pairs)
            {
                json.WriteStartObject();
                json.WriteString("first", pair.First);
                json.WriteString("second", pair.Second);
                json.WriteNumber("firstShare", Math.Round(pair.FirstShare, 3));
                json.WriteNumber("secondShare", Math.Round(pair.SecondShare, 3));
                json.WriteNumber("sharedShingles", pair.Shared);
                WriteLines(json, "firstLines", pair.FirstLines);
                WriteLines(json, "secondLines", pair.SecondLines);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes what a run's look-ups in an archive found.</summary>
    public static void WriteArchiveSearch(Utf8JsonWriter json, ArchiveSearch search, string archive)
    {
        json.WriteStartObject();
        json.WriteString("archive", archive);
        json.WriteNumber("archived", search.Archived);
        json.WriteNumber("articles", search.Articles);
        json.WriteNumber("compared", search.Compared);
        json.WriteStartArray("found");
        foreach (var result in search.Found)
        {
            json.WriteStartObject();
            json.WriteString("path", result.Path);
            json.WriteString("title", result.Title);
            WriteMatches(json, result.Matches);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes <c>"matches"</c>: the archived articles that share a text's words.</summary>
    public static void WriteMatches(Utf8JsonWriter json, IEnumerable<ArchiveMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartArray("matches");
        foreach (var match in matches)
        {
            WriteMatch(json, match);
        }

        json.WriteEndArray();
    }

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
