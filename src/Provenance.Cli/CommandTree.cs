using System.CommandLine;

namespace Provenance.Cli;

/// <summary>Builds the command tree a command line is parsed with.</summary>
internal static class CommandTree
{
    /// <summary>The root's description, shown by <c>provenance --help</c>.</summary>
    public const string Description = "Provenance: source-credibility and provenance checks for articles.";

    /// <summary>
    /// The tree for <paramref name="args"/>. A command line naming a command is parsed by that
    /// command alone: building the other eight, with their options, is a few milliseconds of a
    /// one-file check spent on nothing. Anything else (help, a version, a mistyped command) gets
    /// them all, for the listing and the suggestions. See <see cref="NeedsFullRoot"/> for the root.
    /// Measured against a full root every time (docs/benchmarks.md, issue 30): about 4 ms.
    /// </summary>
    public static Command Build(string[] args, IReadOnlyList<(string Name, Func<Command> Create)> commands)
    {
        var named = -1;
        for (var i = 0; args.Length > 0 && i < commands.Count; i++)
        {
            named = commands[i].Name == args[0] ? i : named;
        }

        var root = named < 0 || NeedsFullRoot(args) ? new RootCommand(Description) : new Command("provenance", Description);
        for (var i = 0; i < commands.Count; i++)
        {
            if (named < 0 || i == named)
            {
                root.Subcommands.Add(commands[i].Create());
            }
        }

        return root;
    }

    /// <summary>
    /// Whether the command line may need what only the root command brings: its help and version
    /// options, response files (<c>@file</c>) that might hold them, and directives. Otherwise a plain
    /// root parses it the same: making the help option reads System.CommandLine's localised
    /// resources and the root looks up the executable's name, several milliseconds of every check.
    /// </summary>
    public static bool NeedsFullRoot(string[] args)
    {
        foreach (var arg in args)
        {
            if (arg is "--help" or "-h" or "/h" or "-?" or "/?" or "--version" || arg.StartsWith('@') || arg.StartsWith('['))
            {
                return true;
            }
        }

        return false;
    }
}
