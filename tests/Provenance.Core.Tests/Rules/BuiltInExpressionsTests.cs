using System.Text.RegularExpressions;
using Provenance.Rules;

namespace Provenance.Tests.Rules;

public sealed class BuiltInExpressionsTests
{
    private const string WriteVariable = "PROVENANCE_WRITE_EXPRESSIONS";

    private static readonly RuleLimits Precompiled = RuleLimits.Default with { PrecompiledExpressions = true };

    [Fact]
    public void The_generated_file_holds_exactly_the_built_in_packs_expressions()
    {
        var expected = BuiltInExpressionsWriter.Write(DefaultRules.LoadRuleSet(Precompiled));
        var path = Path.Combine(RepoPaths.Root, BuiltInExpressionsWriter.RelativePath);
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, expected);
            File.Move(temporary, path, overwrite: true);
        }

        File.ReadAllText(path).ReplaceLineEndings("\n").ShouldBe(expected, $"a built-in pack's expressions changed: rewrite {BuiltInExpressionsWriter.RelativePath} with {WriteVariable}=1 dotnet test tests/Provenance.Core.Tests --filter BuiltInExpressions");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_expression_of_the_built_in_packs_is_compiled_ahead_of_time(bool compile)
    {
        var rules = DefaultRules.LoadRuleSet(Precompiled with { CompileExpressions = compile });

        // A source-generated expression is an instance of a class the generator derives from Regex.
        var all = BuiltInExpressionsWriter.AllExpressions(rules).ToList();
        var built = all.Where(BuiltInExpressionsWriter.Generates).Where(r => r.GetType() == typeof(Regex)).Select(r => r.ToString()).ToList();

        built.ShouldBeEmpty();
        // A back-reference under ignore-case is what the generator cannot take; the packs have none
        // since PRV6003 became an echo rule, so a new one is noticed here.
        all.Where(r => !BuiltInExpressionsWriter.Generates(r)).Select(r => r.ToString()).ShouldBeEmpty("every built-in expression is compiled ahead of time");
    }

    [Fact]
    public void Without_the_option_or_with_another_timeout_the_expressions_are_built_at_run_time()
    {
        var plain = DefaultRules.LoadRuleSet(RuleLimits.Default);
        var otherTimeout = DefaultRules.LoadRuleSet(Precompiled with { MatchTimeout = TimeSpan.FromSeconds(5) });

        BuiltInExpressionsWriter.AllExpressions(plain).ShouldAllBe(r => r.GetType() == typeof(Regex));
        BuiltInExpressionsWriter.AllExpressions(otherTimeout).ShouldAllBe(r => r.GetType() == typeof(Regex) && r.MatchTimeout == TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void The_built_in_expressions_find_what_the_same_expressions_built_at_run_time_find()
    {
        var ahead = new ProvenanceChecker(DefaultRules.LoadRuleSet(Precompiled), DefaultRules.LoadScoringModel());
        var runTime = new ProvenanceChecker(DefaultRules.LoadRuleSet(RuleLimits.Default), DefaultRules.LoadScoringModel());
        var articles = Directory.GetFiles(RepoPaths.Samples, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => Articles.Article.FromText(File.ReadAllText(f), f))
            .Concat(RepoPaths.TestPages.Take(8).Select(f => Articles.Article.FromHtml(File.ReadAllText(f), f)))
            .ToList();
        var findings = 0;
        foreach (var article in articles)
        {
            var expected = runTime.Check(article, TestContext.Current.CancellationToken).Analysis.Findings.Select(f => $"{f.RuleId} {f.Span} {f.Message}").ToList();
            ahead.Check(article, TestContext.Current.CancellationToken).Analysis.Findings.Select(f => $"{f.RuleId} {f.Span} {f.Message}").ShouldBe(expected, article.Path);
            findings += expected.Count;
        }

        findings.ShouldBeGreaterThan(50);
    }
}
