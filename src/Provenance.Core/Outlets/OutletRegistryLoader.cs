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

        // Some 11,000 rated domains: read in one pass each, their paths built only for an error, and
        // hashed once, into the table the registry looks them up in.
        var domains = ImmutableArray.CreateBuilder<DomainRating>();
        var indexes = new List<int>();
        var rated = new Dictionary<string, DomainRating>(StringComparer.OrdinalIgnoreCase);
        foreach (var (element, index) in root.Items("domains"))
        {
            if (ReadDomain(element) is not { } domain)
            {
                context.Error(root.ItemPath("domains", index), "expected [domain, quality or null, [labels] (optional)]");
                continue;
            }

            // One rating per domain: a second would make lookups depend on which was read last.
            if (!rated.TryAdd(domain.Domain, domain))
            {
                var first = indexes[domains.IndexOf(rated[domain.Domain], 0, domains.Count, ReferenceEqualityComparer.Instance)];
                context.Error(root.ItemPath("domains", index), $"duplicate domain '{domain.Domain}'; it is already rated at {root.ItemPath("domains", first)}");
                continue;
            }

            domains.Add(domain);
            indexes.Add(index);
        }

        return errors.Count > 0
            ? throw new JsonLoadException(errors)
            : new OutletRegistry(version, licence, sources.ToImmutable(), outlets.ToImmutable(), domains.ToImmutable(), rated);
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

    // Rated domains are stored compactly as [domain, quality or null, [labels]?]; null if it is not that.
    private static DomainRating? ReadDomain(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var items = element.EnumerateArray();
        if (!items.MoveNext() || items.Current.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var domain = items.Current.GetString()!;
        if (!items.MoveNext() || items.Current.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null))
        {
            return null;
        }

        double? quality = items.Current.ValueKind == JsonValueKind.Number ? items.Current.GetDouble() : null;
        ImmutableArray<string> labels = [];
        if (items.MoveNext())
        {
            var named = items.Current;
            if (named.ValueKind != JsonValueKind.Array || items.MoveNext())
            {
                return null;
            }

            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var label in named.EnumerateArray())
            {
                if (label.ValueKind == JsonValueKind.String)
                {
                    builder.Add(label.GetString()!);
                }
            }

            labels = builder.DrainToImmutable();
        }

        return new DomainRating(domain, quality, labels);
    }
}
