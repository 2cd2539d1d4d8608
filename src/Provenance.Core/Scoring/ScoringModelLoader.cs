using System.Collections.Immutable;
using System.Globalization;
using Provenance.Json;

namespace Provenance.Scoring;

/// <summary>Loads a scoring model from JSON, reporting every problem with its file, line and JSON path.</summary>
public static class ScoringModelLoader
{
    private static readonly IReadOnlyCollection<string> RootKeys = ["version", "description", "base", "categories", "effects", "neutralSignals", "grades"];
    private static readonly IReadOnlyCollection<string> CategoryKeys = ["id", "title", "min", "max", "description"];
    private static readonly IReadOnlyCollection<string> EffectKeys = ["signal", "category", "points", "maxCount", "reason", "distinct"];
    private static readonly IReadOnlyCollection<string> GradeKeys = ["grade", "min", "label"];

    /// <summary>Loads the model in <paramref name="json"/>, reporting errors against <paramref name="source"/>.</summary>
    /// <exception cref="JsonLoadException">The model has errors; the exception lists them all.</exception>
    public static ScoringModel Load(string source, string json)
    {
        var errors = new List<JsonLoadError>();
        var model = TryLoad(source, json, errors);
        return errors.Count > 0 || model is null ? throw new JsonLoadException(errors) : model;
    }

    private static ScoringModel? TryLoad(string source, string json, List<JsonLoadError> errors)
    {
        if (JsonLoadContext.Parse(source, json, errors) is not { } parsed)
        {
            return null;
        }

        using var document = parsed.Document;
        var context = parsed.Context;
        var root = ObjectReader.Open(context, document.RootElement, "$", RootKeys);
        if (root is null)
        {
            return null;
        }

        var version = root.String("version", required: true) ?? "0.0.0";
        root.String("description");
        var baseScore = root.Integer("base", required: true, min: 0, max: 100) ?? 0;

        var categories = ImmutableArray.CreateBuilder<ScoreCategory>();
        foreach (var (element, path) in root.Array("categories", required: true))
        {
            if (ObjectReader.Open(context, element, path, CategoryKeys) is not { } reader)
            {
                continue;
            }

            var id = reader.String("id", required: true);
            var title = reader.String("title", required: true);
            var min = reader.Integer("min", required: true, min: -100, max: 0);
            var max = reader.Integer("max", required: true, min: 0, max: 100);
            var description = reader.String("description");
            if (id is not null && categories.Any(c => c.Id == id))
            {
                reader.Error("id", $"duplicate category '{id}'");
            }
            else if (id is not null && title is not null && min is not null && max is not null)
            {
                categories.Add(new ScoreCategory(id, title, min.Value, max.Value, description));
            }
        }

        var categoryIds = categories.Select(c => c.Id).ToArray();
        var effects = ImmutableArray.CreateBuilder<ScoreEffect>();
        foreach (var (element, path) in root.Array("effects", required: true))
        {
            if (ObjectReader.Open(context, element, path, EffectKeys) is not { } reader)
            {
                continue;
            }

            var signal = reader.String("signal", required: true);
            var category = reader.OneOf("category", categoryIds, required: true);
            var points = reader.Integer("points", required: true, min: -100, max: 100);
            var maxCount = reader.Integer("maxCount", min: 1, max: 1000) ?? 1;
            var reason = reader.String("reason", required: true);
            var distinct = reader.Bool("distinct", false);
            if (reason is not null && !IsValidFormat(reason))
            {
                reader.Error("reason", "the reason may use only {0} (the signal's value); escape other braces as {{ }}");
                reason = null;
            }

            if (signal is not null && effects.Any(e => e.Signal == signal))
            {
                reader.Error("signal", $"the signal '{signal}' already has an effect");
            }
            else if (signal is not null && category is not null && points is not null && reason is not null)
            {
                effects.Add(new ScoreEffect(signal, category, points.Value, maxCount, reason, distinct));
            }
        }

        var neutral = root.Strings("neutralSignals");
        foreach (var signal in neutral.Where(n => effects.Any(e => e.Signal == n)))
        {
            root.Error("neutralSignals", $"the signal '{signal}' has an effect; it cannot also be neutral");
        }

        var grades = ImmutableArray.CreateBuilder<GradeBand>();
        foreach (var (element, path) in root.Array("grades", required: true))
        {
            if (ObjectReader.Open(context, element, path, GradeKeys) is not { } reader)
            {
                continue;
            }

            var grade = reader.String("grade", required: true);
            var min = reader.Integer("min", required: true, min: 0, max: 100);
            var label = reader.String("label", required: true);
            if (grade is not null && min is not null && label is not null)
            {
                grades.Add(new GradeBand(grade, min.Value, label));
            }
        }

        if (grades.Count > 0 && grades.All(g => g.Min > 0))
        {
            context.Error(JsonPositions.Child("$", "grades"), "one grade band must start at 0 so every score has a grade");
        }

        return errors.Count > 0 ? null : new ScoringModel(version, baseScore, categories.ToImmutable(), effects.ToImmutable(), grades.ToImmutable(), neutral);
    }

    private static bool IsValidFormat(string reason)
    {
        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, reason, "x");
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
