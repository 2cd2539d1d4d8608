using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Provenance.Text;

namespace Provenance.Service;

/// <summary>
/// Explains why a JSON request does not fit its contract, in the request's own terms: the JSON
/// Pointer of the first place at fault and what was expected there. It walks the document beside
/// the serializer's type information, so the contract is stated once, in the request types, and
/// read the same way by the serializer, this explanation and the OpenAPI document.
/// </summary>
internal static class RequestShape
{
    /// <summary>The first problem in document order, or null when the document fits (the serializer failed for another reason).</summary>
    public static string? Explain(JsonElement element, JsonTypeInfo type) => Explain(element, type, string.Empty);

    private static string? Explain(JsonElement element, JsonTypeInfo type, string pointer) => type.Kind switch
    {
        JsonTypeInfoKind.Object => ExplainObject(element, type, pointer),
        JsonTypeInfoKind.Enumerable when element.ValueKind != JsonValueKind.Array => $"{Where(pointer)}: expected an array, found {Kind(element)}.",
        JsonTypeInfoKind.Enumerable => element.EnumerateArray()
            .Select((item, index) => Explain(item, type.Options.GetTypeInfo(type.ElementType!), $"{pointer}/{index}"))
            .FirstOrDefault(problem => problem is not null),
        _ => Expected(type.Type) is { } expected && element.ValueKind != expected.Kind ? $"{Where(pointer)}: expected {expected.Name}, found {Kind(element)}." : null,
    };

    private static string? ExplainObject(JsonElement element, JsonTypeInfo type, string pointer)
    {
        var properties = type.Properties;
        var names = properties.Select(p => p.Name).ToList();
        if (element.ValueKind != JsonValueKind.Object)
        {
            return $"{Where(pointer)}: expected an object with {Words(names)}, found {Kind(element)}.";
        }

        foreach (var member in element.EnumerateObject())
        {
            var at = $"{pointer}/{member.Name}";
            var property = properties.FirstOrDefault(p => p.Name == member.Name);
            if (property is null)
            {
                var hint = Suggestions.Closest(member.Name, names);
                return $"{at}: unknown property{(hint is null ? string.Empty : $"; did you mean '{hint}'?")} Expected {Words(names)}.";
            }

            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                if (property.IsRequired || !property.IsSetNullable)
                {
                    return Required(property, pointer);
                }

                continue;
            }

            if (Explain(member.Value, type.Options.GetTypeInfo(property.PropertyType), at) is { } problem)
            {
                return problem;
            }
        }

        return properties.FirstOrDefault(p => p.IsRequired && !element.TryGetProperty(p.Name, out _)) is { } missing
            ? Required(missing, pointer)
            : null;
    }

    private static string Required(JsonPropertyInfo property, string pointer) =>
        $"{Where(pointer)}: '{property.Name}' is required and not null.";

    private static (JsonValueKind Kind, string Name)? Expected(Type type) =>
        type == typeof(string) ? (JsonValueKind.String, "a string")
        : type == typeof(int) || type == typeof(long) || type == typeof(double) ? (JsonValueKind.Number, "a number")
        : null;

    private static string Words(List<string> names) =>
        names.Count == 1 ? $"'{names[0]}'" : $"{string.Join(", ", names.SkipLast(1).Select(n => $"'{n}'"))} or '{names[^1]}'";

    private static string Where(string pointer) => pointer.Length == 0 ? "/" : pointer;

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
