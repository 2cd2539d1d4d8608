using Provenance.Tests;
using Provenance.Hosting;

namespace Provenance.Analyzers.Tests;

/// <summary>
/// The build analyzer's code fixes, applied through a workspace: the article-wide fix gives the
/// text <c>provenance fix</c> writes; a finding's own fix removes that debris and nothing else;
/// no fix is offered where <c>provenance fix</c> would leave the debris in place.
/// </summary>
public sealed class CodeFixTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("provenance-codefix-").FullName;

    public static TheoryData<string> Samples() => [.. Directory.GetFiles(RepoPaths.Samples, "*.txt").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Fixing_all_debris_in_an_article_gives_the_text_provenance_fix_writes(string sample)
    {
        var path = Path.Combine(_folder, sample);
        File.Copy(RepoPaths.Sample(sample), path);
        var expected = await ProvenanceFixAsync(sample);

        using var workspace = new ArticleWorkspace([(path, File.ReadAllText(path))]);
        var diagnostics = await ArticleWorkspace.DiagnosticsAsync(workspace.Solution);
        var fixable = diagnostics.Where(d => d.Properties.ContainsKey(FixProperties.Fix)).ToList();
        if (expected is null)
        {
            fixable.ShouldBeEmpty($"provenance fix changes nothing in {sample}");
            return;
        }

        fixable.ShouldNotBeEmpty();
        foreach (var diagnostic in fixable)
        {
            (await ArticleWideFixAsync(workspace.Solution, diagnostic, path)).ShouldBe(expected);
        }
    }

    [Fact]
    public async Task A_findings_own_fix_removes_its_debris_and_keeps_the_rest_of_the_article()
    {
        var path = Path.Combine(_folder, "hezbollah.txt");
        var text = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt"));
        using var workspace = new ArticleWorkspace([(path, text)]);
        var fixable = (await ArticleWorkspace.DiagnosticsAsync(workspace.Solution))
            .Where(d => d.Properties.ContainsKey(FixProperties.Fix)).OrderBy(d => d.Location.SourceSpan.Start).ToList();
        fixable.Count.ShouldBe(2, "the comment form's two lines");

        var first = fixable[0];
        var actions = await ArticleWorkspace.FixesAsync(workspace.Solution, first);
        actions.Select(a => a.EquivalenceKey).ShouldBe([DebrisCodeFixProvider.FixOneKeyPrefix + first.Id, DebrisCodeFixProvider.FixAllInArticleKey]);
        actions[0].Title.ShouldBe("Remove \"Leave a Reply\"");
        var fixedText = await ArticleWorkspace.ApplyAsync(workspace.Solution, actions[0], path);

        var removed = text.Substring(first.Location.SourceSpan.Start, first.Location.SourceSpan.Length);
        fixedText.ShouldNotContain(removed);
        fixedText.ShouldStartWith(text[..first.Location.SourceSpan.Start].TrimEnd());
        fixedText.ShouldContain("Your email address will not be published.", customMessage: "the other finding's line is its own fix's");

        // Checked again, the fixed article has the other finding and not this one.
        using var again = new ArticleWorkspace([(path, fixedText)]);
        var left = (await ArticleWorkspace.DiagnosticsAsync(again.Solution)).Where(d => d.Properties.ContainsKey(FixProperties.Fix)).ToList();
        left.ShouldHaveSingleItem().GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(fixable[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task No_fix_is_offered_where_provenance_fix_leaves_the_debris_in_place()
    {
        // Quoted, the button is the article's subject, not debris on its page; provenance fix leaves it.
        const string Text = "The council voted on Monday.\n\nResidents were asked to click \"Leave a Reply\" under the notice.\n";
        var path = Path.Combine(_folder, "quoted.txt");
        File.WriteAllText(path, Text);
        (await ProvenanceFixAsync("quoted.txt")).ShouldBeNull();

        using var workspace = new ArticleWorkspace([(path, Text)]);
        var diagnostics = await ArticleWorkspace.DiagnosticsAsync(workspace.Solution);
        var debris = diagnostics.Where(d => d.Id == "PRV5001").ShouldHaveSingleItem("the rule still reports the phrase");
        debris.Properties.ContainsKey(FixProperties.Fix).ShouldBeFalse();
        (await ArticleWorkspace.FixesAsync(workspace.Solution, debris)).ShouldBeEmpty();
    }

    public static TheoryData<string, int> FixableRuleExamples()
    {
        var data = new TheoryData<string, int>();
        foreach (var rule in DefaultRules.LoadRuleSet().Rules.Where(r => r.Fix is not null))
        {
            for (var i = 0; i < rule.Examples.Fires.Length; i++)
            {
                data.Add(rule.Id, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixableRuleExamples))]
    public async Task The_fix_of_each_fixable_rules_example_gives_the_text_provenance_fix_writes(string ruleId, int index)
    {
        // HTML (the element goes), Markdown and text examples, blocks and matches (PRV4001).
        var example = TestMarkup.Parse(DefaultRules.LoadRuleSet().Find(ruleId)!.Examples.Fires[index]).Text;
        var name = Path.GetFileName(ArticleProject.PathFor(example));
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, example);
        var expected = await ProvenanceFixAsync(name);

        using var workspace = new ArticleWorkspace([(path, example)]);
        var fixable = (await ArticleWorkspace.DiagnosticsAsync(workspace.Solution)).Where(d => d.Properties.ContainsKey(FixProperties.Fix)).ToList();
        if (expected is null)
        {
            fixable.ShouldBeEmpty("provenance fix leaves this example as it is");
            return;
        }

        fixable.ShouldContain(d => d.Id == ruleId);
        (await ArticleWideFixAsync(workspace.Solution, fixable[0], path)).ShouldBe(expected);
    }

    [Fact]
    public async Task A_text_changed_since_it_was_checked_gets_no_fix()
    {
        var path = Path.Combine(_folder, "hezbollah.txt");
        var text = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt"));
        using var workspace = new ArticleWorkspace([(path, text)]);
        var debris = (await ArticleWorkspace.DiagnosticsAsync(workspace.Solution)).First(d => d.Properties.ContainsKey(FixProperties.Fix));

        // The same length, other words: the deletion would fit, and would cut the wrong text.
        var edited = workspace.Solution.WithAdditionalDocumentText(workspace.Article(path).Id, Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace("Hezbollah", "Hizballah", StringComparison.Ordinal)));
        (await ArticleWorkspace.FixesAsync(edited, debris)).ShouldBeEmpty();
        (await ArticleWorkspace.FixesAsync(workspace.Solution, debris)).ShouldNotBeEmpty();
    }

    [Fact]
    public void An_editor_asks_the_fixes_about_articles()
    {
        // Without the document kinds, an editor's fix service offers a provider source files only.
        var export = typeof(DebrisCodeFixProvider).GetCustomAttributes(typeof(Microsoft.CodeAnalysis.CodeFixes.ExportCodeFixProviderAttribute), false)
            .Cast<Microsoft.CodeAnalysis.CodeFixes.ExportCodeFixProviderAttribute>().ShouldHaveSingleItem();
        export.DocumentKinds.ShouldBe([nameof(Microsoft.CodeAnalysis.TextDocumentKind.AdditionalDocument)]);
        var engine = EngineLoader.TryLoad(out _).ShouldNotBeNull();
        export.DocumentExtensions.ShouldBe(engine.Extensions, ignoreOrder: true);
    }

    [Fact]
    public void The_fixable_ids_are_the_default_rules_that_offer_a_fix()
    {
        var rules = DefaultRules.LoadRuleSet();
        ArticleWorkspace.Fixer.FixableDiagnosticIds.Order(StringComparer.Ordinal)
            .ShouldBe(rules.Rules.Where(r => r.Fix is not null).Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // The article's text after the article-wide fix offered on a diagnostic; with one place to
    // fix, the finding's own fix is the article's.
    private static async Task<string> ArticleWideFixAsync(Microsoft.CodeAnalysis.Solution solution, Microsoft.CodeAnalysis.Diagnostic diagnostic, string path)
    {
        var actions = await ArticleWorkspace.FixesAsync(solution, diagnostic);
        var all = actions.SingleOrDefault(a => a.EquivalenceKey == DebrisCodeFixProvider.FixAllInArticleKey) ?? actions.Single();
        return await ArticleWorkspace.ApplyAsync(solution, all, path);
    }

    // What provenance fix would write for the file (a dry run of the engine the CLI uses), or null
    // when it would change nothing.
    private async Task<string?> ProvenanceFixAsync(string name)
    {
        var engine = new ProvenanceEngine(new EngineOptions { BaseDirectory = _folder, FindConfigFiles = false });
        await foreach (var fix in engine.FixAsync([name], write: false, TestContext.Current.CancellationToken))
        {
            if (fix.Places > 0)
            {
                return fix.After;
            }
        }

        return null;
    }
}
