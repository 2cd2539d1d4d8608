using System.CommandLine;
using Provenance.Cli;

var root = new RootCommand("Provenance: source-credibility and provenance checks for articles.");
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(ShowCommand.Create());
root.Subcommands.Add(RulesCommand.Create());
return root.Parse(args).Invoke();
