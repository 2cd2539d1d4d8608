using System.CommandLine;
using System.CommandLine.Parsing;
using Provenance.Text;

namespace Provenance.Cli;

/// <summary>
/// What a mistyped command line is told, in words about the command line rather than about .NET:
/// an unknown command or option with the nearest real one, a number option given something else.
/// </summary>
internal static class UsageErrors
{
    /// <summary>The problems with <paramref name="parsed"/>, one line each (none when it is fine).</summary>
    public static List<string> Of(ParseResult parsed)
    {
        var problems = new List<string>();

        // Paths take any word, so a mistyped option lands among them; no path starts with "--".
        foreach (var token in parsed.CommandResult.Tokens.Where(t => t.Type == TokenType.Argument && t.Value.StartsWith("--", StringComparison.Ordinal)))
        {
            var options = parsed.CommandResult.Command.Options.Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal)).ToList();
            var name = token.Value.Split('=', 2)[0];
            problems.Add($"unknown option '{name}'{Hint(name, options)}");
        }

        foreach (var error in parsed.Errors)
        {
            problems.Add(error.SymbolResult switch
            {
                OptionResult { Option: var option } when IsWholeNumber(option) && error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal)
                    => $"{option.Name} expects a whole number, not '{string.Join(' ', parsed.GetResult(option)?.Tokens.Select(t => t.Value) ?? [])}'",
                _ when Unrecognized(error.Message) is { } word && !word.StartsWith('-') && parsed.CommandResult.Command.Subcommands.Count > 0
                    => $"unknown command '{word}'{Hint(word, [.. parsed.CommandResult.Command.Subcommands.Select(c => c.Name)])}",
                _ when Unrecognized(error.Message) is { } word && word.StartsWith('-')
                    => $"unknown option '{word}'{Hint(word, [.. parsed.CommandResult.Command.Options.Select(o => o.Name)])}",
                _ => string.Join(' ', error.Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            });
        }

        // "Required command was not provided" only repeats what an unknown command already says.
        if (problems.Any(p => p.StartsWith("unknown command", StringComparison.Ordinal)))
        {
            problems.RemoveAll(p => p.StartsWith("Required command", StringComparison.Ordinal));
        }

        return problems;
    }

    private static string Hint(string word, IReadOnlyCollection<string> candidates) =>
        Suggestions.Closest(word, candidates) is { } closest ? $"; did you mean '{closest}'?" : string.Empty;

    private static bool IsWholeNumber(Option option) => option.ValueType == typeof(int) || option.ValueType == typeof(int?) || option.ValueType == typeof(long) || option.ValueType == typeof(long?);

    // System.CommandLine's wording for a token it could not place.
    private static string? Unrecognized(string message)
    {
        const string Prefix = "Unrecognized command or argument '";
        return message.StartsWith(Prefix, StringComparison.Ordinal) && message.EndsWith("'.", StringComparison.Ordinal) ? message[Prefix.Length..^2] : null;
    }
}
