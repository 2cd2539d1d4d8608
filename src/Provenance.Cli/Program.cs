using System.CommandLine;
using System.Text;
using Provenance.Cli;

// Pages in windows-1252, Shift_JIS and other legacy charsets decode through the code-page provider.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

var root = new RootCommand("Provenance: source-credibility and provenance checks for articles.");
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(ShowCommand.Create());
root.Subcommands.Add(RulesCommand.Create());
return root.Parse(args).Invoke();
