namespace Provenance.Json;

/// <summary>A problem in a JSON configuration file (a rule pack or a scoring model), located precisely.</summary>
/// <param name="Source">The file's name as the host gave it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="JsonPath">Where in the document, as a JSONPath (<c>$.rules[3].scope</c>).</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record JsonLoadError(string Source, int Line, int Column, string JsonPath, string Message)
{
    /// <summary>The error in the compiler-style form editors and CI logs link to.</summary>
    public override string ToString() => $"{Source}({Line},{Column}): error: {JsonPath}: {Message}";
}

/// <summary>Thrown when rule packs or a scoring model cannot be loaded; carries every error found.</summary>
public sealed class JsonLoadException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public JsonLoadException(IReadOnlyList<JsonLoadError> errors)
        : this([.. errors.OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column)])
    {
    }

    private JsonLoadException(List<JsonLoadError> ordered)
        : base(ordered.Count == 0 ? "Loading failed." : string.Join(Environment.NewLine, ordered))
    {
        Errors = ordered;
    }

    /// <summary>Every error found, in file order.</summary>
    public IReadOnlyList<JsonLoadError> Errors { get; }
}
