using System.CommandLine;

namespace Provenance.Cli.Tests;

public sealed class CommandTreeTests
{
    private static readonly (string Name, Func<Command> Create)[] Commands =
    [
        ("check", () => CheckCommand.Create()),
        ("rules", RulesCommand.Create),
        ("merge", MergeCommand.Create),
    ];

    [Theory]
    [InlineData(false, "check", "samples")]
    [InlineData(false, "check", "samples", "--format", "json=out.json", "--jobs", "2")]
    [InlineData(false, "rules", "list")]
    [InlineData(true, "check", "--help")]
    [InlineData(true, "check", "samples", "-h")]
    [InlineData(true, "check", "-?")]
    [InlineData(true, "check", "/?")]
    [InlineData(true, "rules", "/h")]
    [InlineData(true, "--version")]
    [InlineData(true, "check", "@options.rsp")]
    [InlineData(true, "[suggest:5]", "check")]
    public void Help_version_response_files_and_directives_get_the_root_command(bool full, params string[] args)
    {
        CommandTree.NeedsFullRoot(args).ShouldBe(full);
        CommandTree.Build(args, Commands).ShouldBeOfType(full ? typeof(RootCommand) : typeof(Command));
    }

    [Fact]
    public void A_command_line_with_no_command_gets_every_command_under_the_root_command()
    {
        var root = CommandTree.Build(["--nope"], Commands);

        root.ShouldBeOfType<RootCommand>();
        root.Subcommands.Select(c => c.Name).ShouldBe(["check", "rules", "merge"]);
    }

    [Theory]
    [InlineData("check", "samples", "--jobs")]
    [InlineData("check", "samples", "--jobs", "many")]
    [InlineData("check", "samples", "--fail-on", "always")]
    [InlineData("check", "samples", "--format")]
    [InlineData("rules", "lsit")]
    [InlineData("merge")]
    public void A_plain_root_reports_the_same_errors_as_the_root_command(params string[] args)
    {
        var plain = CommandTree.Build(args, Commands);
        var full = new RootCommand(CommandTree.Description);
        full.Subcommands.Add(Commands.Single(c => c.Name == args[0]).Create());

        plain.ShouldNotBeOfType<RootCommand>();
        var errors = plain.Parse(args).Errors.Select(e => e.Message).ToList();
        errors.ShouldNotBeEmpty();
        errors.ShouldBe(full.Parse(args).Errors.Select(e => e.Message));
    }
}
