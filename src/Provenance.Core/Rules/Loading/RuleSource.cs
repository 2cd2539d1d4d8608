namespace Provenance.Rules;

/// <summary>The text of one JSON file and the name to report it by. The host reads files; the library only parses.</summary>
/// <param name="Name">The file's name or path as the user knows it.</param>
/// <param name="Json">The file's contents.</param>
public sealed record RuleSource(string Name, string Json);
