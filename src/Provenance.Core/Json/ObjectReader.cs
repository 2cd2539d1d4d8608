using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Provenance.Text;

namespace Provenance.Json;

/// <summary>
/// Reads one JSON object against the keys it may have, reporting unknown keys (with the closest
/// known one), missing required keys and wrong types at their exact line and path.
/// </summary>
internal sealed class ObjectReader
{
    private readonly JsonLoadContext _context;
    private readonly JsonElement _element;

    public ObjectReader(JsonLoadContext context, JsonElement element, string path, IReadOnlyCollection<string> allowedKeys)
    {
        _context = context;
        _element = element;
        Path = path;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name != "$schema" && !allowedKeys.Contains(property.Name))
            {
                var hint = Suggestions.Closest(property.Name, allowedKeys);
                var expected = hint is null
                    ? $"allowed keys: {string.Join(", ", allowedKeys.Order(StringComparer.Ordinal))}"
                    : $"did you mean '{hint}'?";
                context.Error(JsonPositions.Child(path, property.Name), $"unknown key '{property.Name}'; {expected}");
            }
        }
    }

    public string Path { get; }

    public JsonLoadContext Context => _context;

    /// <summary>Reads an object that is the value at <paramref name="path"/>, or reports what was there instead.</summary>
    public static ObjectReader? Open(JsonLoadContext context, JsonElement element, string path, IReadOnlyCollection<string> allowedKeys)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            context.Error(path, $"expected an object, found {JsonLoadContext.Describe(element.ValueKind)}");
            return null;
        }

        return new ObjectReader(context, element, path, allowedKeys);
    }

    public bool Has(string key) => _element.TryGetProperty(key, out _);

    public string ChildPath(string key) => JsonPositions.Child(Path, key);

    public void Error(string key, string message) => _context.Error(ChildPath(key), message);

    public string? String(string key, bool required = false, bool allowEmpty = false)
    {
        if (!TryGet(key, JsonValueKind.String, required, out var value))
        {
            return null;
        }

        var text = value.GetString()!;
        if (!allowEmpty && string.IsNullOrWhiteSpace(text))
        {
            Error(key, "must not be empty");
            return null;
        }

        return text;
    }

    public bool Bool(string key, bool defaultValue)
    {
        if (!_element.TryGetProperty(key, out var value))
        {
            return defaultValue;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Error(key, $"expected true or false, found {JsonLoadContext.Describe(value.ValueKind)}");
        return defaultValue;
    }

    public double? Number(string key, bool required = false, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!TryGet(key, JsonValueKind.Number, required, out var value))
        {
            return null;
        }

        var number = value.GetDouble();
        if (number < min || number > max)
        {
            Error(key, $"expected a number from {Format(min)} to {Format(max)}, found {Format(number)}");
            return null;
        }

        return number;
    }

    public int? Integer(string key, bool required = false, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!TryGet(key, JsonValueKind.Number, required, out var value))
        {
            return null;
        }

        if (!value.TryGetInt32(out var number) || number < min || number > max)
        {
            Error(key, $"expected a whole number from {min} to {max}, found {value.GetRawText()}");
            return null;
        }

        return number;
    }

    /// <summary>A string that must be one of <paramref name="allowed"/>.</summary>
    public string? OneOf(string key, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var text = String(key, required);
        if (text is null || allowed.Contains(text))
        {
            return text;
        }

        var hint = Suggestions.Closest(text, allowed);
        Error(key, $"expected one of {string.Join(", ", allowed)}; found \"{text}\"{(hint is null ? string.Empty : $" (did you mean \"{hint}\"?)")}");
        return null;
    }

    /// <summary>An array of strings; a single string is accepted as a one-element array.</summary>
    public ImmutableArray<string> Strings(string key, bool required = false, bool nonEmpty = false, bool acceptSingle = false)
    {
        if (!_element.TryGetProperty(key, out var value))
        {
            if (required)
            {
                _context.Error(Path, $"missing required key '{key}'");
            }

            return [];
        }

        if (acceptSingle && value.ValueKind == JsonValueKind.String)
        {
            return string.IsNullOrWhiteSpace(value.GetString()) ? Fail("must not be empty") : [value.GetString()!];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return Fail($"expected an array of strings, found {JsonLoadContext.Describe(value.ValueKind)}");
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        var parent = ChildPath(key);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var at = index++;
            if (item.ValueKind != JsonValueKind.String)
            {
                _context.Error(JsonPositions.Index(parent, at), $"expected a string, found {JsonLoadContext.Describe(item.ValueKind)}");
            }
            else if (item.GetString() is not { } text || string.IsNullOrWhiteSpace(text))
            {
                _context.Error(JsonPositions.Index(parent, at), "must not be empty");
            }
            else
            {
                builder.Add(text);
            }
        }

        if (nonEmpty && index == 0)
        {
            return Fail("must have at least one entry");
        }

        return builder.ToImmutable();

        ImmutableArray<string> Fail(string message)
        {
            Error(key, message);
            return [];
        }
    }

    /// <summary>The elements of an array with their paths.</summary>
    public IEnumerable<(JsonElement Element, string Path)> Array(string key, bool required = false)
    {
        var parent = ChildPath(key);
        foreach (var (item, index) in Items(key, required))
        {
            yield return (item, JsonPositions.Index(parent, index));
        }
    }

    /// <summary>
    /// The items of the array at <paramref name="key"/> with their indexes, for a long array whose
    /// items seldom have errors: their paths (<see cref="ItemPath"/>) are built only for those that do.
    /// </summary>
    public IEnumerable<(JsonElement Element, int Index)> Items(string key, bool required = false)
    {
        if (!TryGet(key, JsonValueKind.Array, required, out var value))
        {
            yield break;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            yield return (item, index++);
        }
    }

    /// <summary>The path of item <paramref name="index"/> of the array at <paramref name="key"/>.</summary>
    public string ItemPath(string key, int index) => JsonPositions.Index(ChildPath(key), index);

    public ObjectReader? Object(string key, IReadOnlyCollection<string> allowedKeys, bool required = false) =>
        TryGet(key, JsonValueKind.Object, required, out var value)
            ? new ObjectReader(_context, value, ChildPath(key), allowedKeys)
            : null;

    public bool TryGetRaw(string key, out JsonElement value) => _element.TryGetProperty(key, out value);

    private bool TryGet(string key, JsonValueKind kind, bool required, out JsonElement value)
    {
        if (!_element.TryGetProperty(key, out value))
        {
            if (required)
            {
                _context.Error(Path, $"missing required key '{key}'");
            }

            return false;
        }

        if (value.ValueKind != kind)
        {
            Error(key, $"expected {JsonLoadContext.Describe(kind)}, found {JsonLoadContext.Describe(value.ValueKind)}");
            return false;
        }

        return true;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
