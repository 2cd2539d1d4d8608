using System.CommandLine;
using Provenance.Hosting;
using Provenance.Json;
using Provenance.Reporting;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Cli;

/// <summary><c>provenance rules list|explain|validate|docs</c>: what the rules are and whether a rules folder loads.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var rulesOption = new Option<string?>("--rules") { Description = "A folder of rule packs to use instead of the built-in packs." };
        var command = new Command("rules", "List, explain, validate and document rules.");

        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var list = new Command("list", "List every rule: id, category, severity, kind and title.") { format, rulesOption };
        list.SetAction(r => List(r.GetValue(rulesOption), r.GetValue(format) ?? "text", Directory.GetCurrentDirectory(), Console.Out, Console.Error));

        var id = new Argument<string>("id") { Description = "The rule id, such as PRV1001." };
        var explain = new Command("explain", "Explain a rule: what it finds, why it matters, examples and its score effect.") { id, rulesOption };
        explain.SetAction(r => Explain(r.GetValue(id)!, r.GetValue(rulesOption), Directory.GetCurrentDirectory(), Console.Out, Console.Error));

        var folder = new Argument<string>("folder") { Description = "The folder of rule packs (*.rules.json) to validate." };
        var validate = new Command("validate", "Load a folder of rule packs (and its outlets.json and scoring.json, when present) and report every error.") { folder };
        validate.SetAction(r => Validate(r.GetValue(folder)!, Directory.GetCurrentDirectory(), Console.Out, Console.Error));

        var output = new Option<string>("--output", "-o") { Description = "The folder to write the pages to.", DefaultValueFactory = _ => "docs/rules" };
        var docs = new Command("docs", "Write a help page per rule (PRV1234.md) and an index, generated from the rule files.") { output, rulesOption };
        docs.SetAction(r => Docs(r.GetValue(output)!, r.GetValue(rulesOption), Directory.GetCurrentDirectory(), Console.Out, Console.Error));

        command.Subcommands.Add(list);
        command.Subcommands.Add(explain);
        command.Subcommands.Add(validate);
        command.Subcommands.Add(docs);
        return command;
    }

    internal static int List(string? rulesFolder, string format, string baseDirectory, TextWriter output, TextWriter error) =>
        WithRules(rulesFolder, null, baseDirectory, error, (rules, _) =>
        {
            if (format == "json")
            {
                WriteJson(rules, output);
                return ExitCodes.Success;
            }

            output.WriteLine($"{"Id",-8} {"Category",-12} {"Severity",-8} {"Kind",-10} Title");
            foreach (var rule in rules.Rules)
            {
                var d = rule.Descriptor;
                var off = d.IsEnabledByDefault ? string.Empty : " (disabled)";
                output.WriteLine($"{d.Id,-8} {d.Category,-12} {d.DefaultSeverity.ToName(),-8} {rule.Kind,-10} {d.Title}{off}");
            }

            // The copy rules are no pack's: a run reports them when it looks for copies.
            foreach (var d in Corpus.CopyVerdicts.Descriptors)
            {
                output.WriteLine($"{d.Id,-8} {d.Category,-12} {d.DefaultSeverity.ToName(),-8} {"copies",-10} {d.Title} (check --copies)");
            }

            output.WriteLine($"{rules.Rules.Length} rules in {rules.Packs.Length} packs");
            return ExitCodes.Success;
        });

    internal static int Explain(string id, string? rulesFolder, string baseDirectory, TextWriter output, TextWriter error) =>
        WithRules(rulesFolder, null, baseDirectory, error, (rules, scoring) =>
        {
            var rule = rules.Find(id.ToUpperInvariant());
            if (rule is null && Corpus.CopyVerdicts.Descriptors.FirstOrDefault(d => d.Id == id.ToUpperInvariant()) is { } copyRule)
            {
                output.Write(RuleDocumentation.RenderCopyRule(copyRule, scoring));
                return ExitCodes.Success;
            }

            if (rule is null)
            {
                error.WriteLine($"provenance: no rule {id}; run 'provenance rules list' to see them all");
                return ExitCodes.UsageError;
            }

            output.Write(RuleDocumentation.Render(rule, scoring));
            return ExitCodes.Success;
        });

    internal static int Validate(string folder, string baseDirectory, TextWriter output, TextWriter error)
    {
        var full = Path.GetFullPath(folder, baseDirectory);
        var scoring = Path.Combine(full, "scoring.json");
        return WithRules(folder, File.Exists(scoring) ? scoring : null, baseDirectory, error, (rules, model) =>
        {
            foreach (var pack in rules.Packs)
            {
                output.WriteLine($"{pack.Source}: {pack.Name} {pack.Version}, {rules.Rules.Count(r => r.Descriptor.Pack == pack.Name)} rules");
            }

            foreach (var warning in LoadWarnings.For(new ProvenanceChecker(rules, model)))
            {
                error.WriteLine($"warning: {warning}");
            }

            output.WriteLine($"{rules.Rules.Length} rules in {rules.Packs.Length} packs: valid");
            return ExitCodes.Success;
        });
    }

    internal static int Docs(string outputFolder, string? rulesFolder, string baseDirectory, TextWriter output, TextWriter error) =>
        WithRules(rulesFolder, null, baseDirectory, error, (rules, scoring) =>
        {
            var folder = Path.GetFullPath(outputFolder, baseDirectory);
            foreach (var rule in rules.Rules)
            {
                AtomicFile.WriteAllText(Path.Combine(folder, RuleDocumentation.FileName(rule)), RuleDocumentation.Render(rule, scoring));
            }

            AtomicFile.WriteAllText(Path.Combine(folder, "README.md"), RuleDocumentation.RenderIndex(rules.Rules));
            output.WriteLine($"wrote {rules.Rules.Length} rule pages and an index to {ContentFiles.Display(folder, baseDirectory)}");
            return ExitCodes.Success;
        });

    private static int WithRules(string? rulesFolder, string? scoringFile, string baseDirectory, TextWriter error, Func<RuleSet, ScoringModel, int> action)
    {
        try
        {
            return action(RuleLoading.LoadRules(rulesFolder, baseDirectory), RuleFolders.LoadScoring(scoringFile, baseDirectory));
        }
        catch (JsonLoadException ex)
        {
            foreach (var problem in ex.Errors)
            {
                error.WriteLine(problem.ToString());
            }

            error.WriteLine($"provenance: {ex.Errors.Count} error(s); the rules did not load.");
            return ExitCodes.UsageError;
        }
        catch (ProvenanceSetupException ex)
        {
            error.WriteLine($"provenance: {ex.Message}");
            return ExitCodes.UsageError;
        }
    }

    private static void WriteJson(RuleSet rules, TextWriter output) =>
        output.WriteLine(System.Text.Encoding.UTF8.GetString(RuleCatalog.ListToUtf8(rules)));
}
