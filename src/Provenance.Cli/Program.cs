using System.CommandLine;
using System.Globalization;
using System.Text;
using Provenance.Cli;
using Provenance.Hosting;

// Reports are the same bytes on every machine: numbers, dates and Humanizer's wording use the
// invariant culture, whatever the user's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

// Pages in windows-1252, Shift_JIS and other legacy charsets decode through the code-page provider.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

// Most checks use the built-in rules on a few files; those start loading now, on another core,
// while the command line is parsed and the files are found (a quarter of a one-file check's time).
// The run takes them only if it would have loaded these or their equal (RuleLoading.CanTakePreloaded).
var preloaded = args is ["check", ..] && !args.Any(a => a.StartsWith("--rules", StringComparison.Ordinal) || a.StartsWith("--cache", StringComparison.Ordinal))
    ? Provenance.Threading.OwnThread.Run(RuleLoading.LoadForSmallRun, "rules")
    : null;

(string Name, Func<Command> Create)[] commands =
[
    ("check", () => CheckCommand.Create(preloaded)),
    ("show", ShowCommand.Create),
    ("rules", RulesCommand.Create),
    ("baseline", BaselineCommand.Create),
    ("init", InitCommand.Create),
    ("fix", FixCommand.Create),
    ("merge", MergeCommand.Create),
    ("copies", CopiesCommand.Create),
    ("index", IndexCommand.Create),
    ("serve", ServeCommand.Create),
    ("watch", WatchCommand.Create),
];

var root = CommandTree.Build(args, commands);

try
{
    var parsed = root.Parse(args);
    if (UsageErrors.Of(parsed) is { Count: > 0 } problems)
    {
        // A mistyped option or value is a usage error (exit code 2), said in a line each, not a screen of help.
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"provenance: {problem}");
        }

        // The whole command path: "provenance rules validate", not "provenance validate".
        var names = new List<string>();
        for (var result = parsed.CommandResult; result.Command != root && result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        var command = string.Join(' ', names.Prepend("provenance"));
        Console.Error.WriteLine($"provenance: see '{command} --help' for the options");
        return ExitCodes.UsageError;
    }

    return parsed.Invoke();
}
catch (Exception ex) when (Environment.GetEnvironmentVariable("PROVENANCE_DEBUG") is null)
{
    // A bug must not print a stack trace at a user; it says what failed and how to learn more.
    Console.Error.WriteLine($"provenance: internal error: {ex.GetType().Name}: {ex.Message}");
    Console.Error.WriteLine("provenance: set PROVENANCE_DEBUG=1 to see where, and please report it.");
    return ExitCodes.UsageError;
}
