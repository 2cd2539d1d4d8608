using System.Collections.Immutable;
using System.Text.Json;
using Provenance.Json;

namespace Provenance.Outlets;

/// <summary>Loads an outlet registry (rules/outlets.json), reporting problems with file, line and JSON path.</summary>
public static class OutletRegistryLoader
{
    private static readonly IReadOnlyCollection<string> RootKeys = ["$comment", "version", "licence", "sources", "outlets", "domains"];
    private static readonly IReadOnlyCollection<string> SourceKeys = ["id", "title", "url", "licence", "attribution"];
    private static readonly IReadOnlyCollection<string> OutletKeys = ["name", "type", "aliases", "weakAliases", "domains", "reliability", "ratings", "quality", "labels"];
    private static readonly IReadOnlyCollection<string> RatingKeys = ["status", "scope", "shortcut", "last"];

    /// <summary>Loads the registry in <paramref name="json"/>.</summary>
    /// <exception cref="JsonLoadException">The registry has errors; the exception lists them all.</exception>
    public static OutletRegistry Load(string source, string json)
    {
        var errors = new List<JsonLoadError>();
        if (JsonLoadContext.Parse(source, json, errors) is not { } parsed)
        {
            throw new JsonLoadException(errors);
        }

        using var document = parsed.Document;
        var context = parsed.Context;
        var root = ObjectReader.Open(context, document.RootElement, "$", RootKeys);
        if (root is null)
        {
            throw new JsonLoadException(errors);
        }

        root.String("$comment");
        var version = root.String("version", required: true) ?? "0.0.0";
        var licence = root.String("licence", required: true) ?? string.Empty;
        var sources = ImmutableArray.CreateBuilder<RegistrySource>();
        foreach (var (element, path) in root.Array("sources"))
        {
            if (ObjectReader.Open(context, element, path, SourceKeys) is { } reader)
            {
                var id = reader.String("id", required: true);
                var title = reader.String("title", required: true);
                var url = reader.String("url", required: true);
                var sourceLicence = reader.String("licence", required: true);
                reader.String("attribution");
                if (id is not null && title is not null && url is not null && sourceLicence is not null)
                {
                    sources.Add(new RegistrySource(id, title, url, sourceLicence));
                }
            }
        }

        var outlets = ImmutableArray.CreateBuilder<Outlet>();
        foreach (var (element, path) in root.Array("outlets", required: true))
        {
            if (ReadOutlet(context, element, path) is { } outlet)
            {
                outlets.Add(outlet);
            }
        }

        var domains = ImmutableArray.CreateBuilder<DomainRating>();
        var rated = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (element, path) in root.Array("domains"))
        {
            if (ReadDomain(context, element, path) is not { } domain)
            {
                continue;
            }

            // One rating per domain: a second would make lookups depend on which was read last.
            if (!rated.TryAdd(domain.Domain, path))
            {
                context.Error(path, $"duplicate domain '{domain.Domain}'; it is already rated at {rated[domain.Domain]}");
                continue;
            }

            domains.Add(domain);
        }

        return errors.Count > 0
            ? throw new JsonLoadException(errors)
            : new OutletRegistry(version, licence, sources.ToImmutable(), outlets.ToImmutable(), domains.ToImmutable());
    }

    private static Outlet? ReadOutlet(JsonLoadContext context, JsonElement element, string path)
    {
        if (ObjectReader.Open(context, element, path, OutletKeys) is not { } reader)
        {
            return null;
        }

        var name = reader.String("name", required: true);
        var type = reader.String("type", required: true);
        var aliases = reader.Strings("aliases");
        var weak = reader.Strings("weakAliases");
        var domains = reader.Strings("domains");
        var reliability = reader.OneOf("reliability", OutletStatuses.All, required: true);
        var quality = reader.Number("quality", min: 0, max: 1);
        var labels = reader.Strings("labels");
        var ratings = ImmutableArray.CreateBuilder<OutletRating>();
        foreach (var (ratingElement, ratingPath) in reader.Array("ratings"))
        {
            if (ObjectReader.Open(context, ratingElement, ratingPath, RatingKeys) is { } rating)
            {
                var status = rating.OneOf("status", OutletStatuses.All, required: true);
                var scope = rating.String("scope");
                var shortcut = rating.String("shortcut");
                var last = rating.Integer("last", min: 1900, max: 2100);
                if (status is not null)
                {
                    ratings.Add(new OutletRating(status, scope, shortcut, last));
                }
            }
        }

        if (reliability is not null && reliability != OutletStatuses.Unrated && ratings.Count == 0)
        {
            ratings.Add(new OutletRating(reliability, null, null, null));
        }

        return name is null || type is null || reliability is null
            ? null
            : new Outlet(name, type, aliases, weak, domains, ratings.ToImmutable(), quality, labels);
    }

    // Rated domains are stored compactly as [domain, quality or null, [labels]?].
    private static DomainRating? ReadDomain(JsonLoadContext context, JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() is < 2 or > 3
            || element[0].ValueKind != JsonValueKind.String
            || element[1].ValueKind is not (JsonValueKind.Number or JsonValueKind.Null)
            || (element.GetArrayLength() == 3 && element[2].ValueKind != JsonValueKind.Array))
        {
            context.Error(path, "expected [domain, quality or null, [labels] (optional)]");
            return null;
        }

        double? quality = element[1].ValueKind == JsonValueKind.Number ? element[1].GetDouble() : null;
        ImmutableArray<string> labels = element.GetArrayLength() == 3
            ? [.. element[2].EnumerateArray().Where(l => l.ValueKind == JsonValueKind.String).Select(l => l.GetString()!)]
            : [];
        return new DomainRating(element[0].GetString()!, quality, labels);
    }
}
