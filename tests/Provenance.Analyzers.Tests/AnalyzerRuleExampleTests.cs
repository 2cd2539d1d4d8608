using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Provenance.Rules;

namespace Provenance.Analyzers.Tests;

/// <summary>
/// Every default rule's own examples, run through the build analyzer in Roslyn's analyzer test
/// harness: the example is the project's one additional file, its <c>{|PRV1234:text|}</c> markup
/// the diagnostics the compiler must report, at those places; the rule's quiet examples report
/// nothing. The rule's id is the only one enabled, so each example speaks for its rule alone.
/// </summary>
public sealed class AnalyzerRuleExampleTests
{
    private static readonly Lazy<RuleSet> Rules = new(DefaultRules.LoadRuleSet);

    public static TheoryData<string, int> FiringExamples() => Examples(r => r.Examples.Fires.Length);

    public static TheoryData<string, int> QuietExamples() => Examples(r => r.Examples.Quiet.Length);

    [Theory]
    [MemberData(nameof(FiringExamples))]
    public Task The_build_reports_the_rule_at_the_marked_spans(string ruleId, int index) =>
        Verify(ruleId, Rules.Value.Find(ruleId)!.Examples.Fires[index]);

    [Theory]
    [MemberData(nameof(QuietExamples))]
    public Task The_build_reports_nothing_on_the_quiet_examples(string ruleId, int index) =>
        Verify(ruleId, Rules.Value.Find(ruleId)!.Examples.Quiet[index]);

    [Fact]
    public void The_analyzer_supports_every_default_rule()
    {
        var supported = new ProvenanceAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        foreach (var rule in Rules.Value.Rules)
        {
            supported.ShouldContain(rule.Id);
        }
    }

    [Fact]
    public Task An_inline_directive_silences_a_finding_in_the_build_as_in_the_tool() =>
        Verify("PRV5001", """
            The council voted on Monday.

            <!-- provenance-disable-next-line PRV5001 -->
            Leave a Reply

            {|PRV5001:Leave a Reply|}
            """);

    private static Task Verify(string ruleId, string example)
    {
        var test = new CSharpAnalyzerTest<ProvenanceAnalyzer, DefaultVerifier>
        {
            // Articles, no code: the compilation needs no framework to reference, and the harness
            // wants one source file, which is empty.
            ReferenceAssemblies = ArticleProject.NoReferences,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.Sources.Add(("/0/Empty.cs", string.Empty));
        test.TestState.AdditionalFiles.Add((ArticleProject.PathFor(example), example));
        test.DisabledDiagnostics.AddRange(new ProvenanceAnalyzer().SupportedDiagnostics.Select(d => d.Id).Where(id => id != ruleId));
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    private static TheoryData<string, int> Examples(Func<Rule, int> count)
    {
        var data = new TheoryData<string, int>();
        foreach (var rule in Rules.Value.Rules)
        {
            for (var i = 0; i < count(rule); i++)
            {
                data.Add(rule.Id, i);
            }
        }

        return data;
    }
}
