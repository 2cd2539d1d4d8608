using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Provenance.Analyzers.Tests;

/// <summary>
/// A content project in a Roslyn workspace, as an editor holds it: articles as additional
/// documents, the analyzer's diagnostics on them, and the code fixes an editor would offer.
/// (The analyzer test harness does not apply fixes to additional documents, so fixes are
/// tested here.)
/// </summary>
internal sealed class ArticleWorkspace : IDisposable
{
    private readonly AdhocWorkspace _workspace = new();

    public ArticleWorkspace(IEnumerable<(string Path, string Text)> articles)
    {
        var project = _workspace.AddProject("content", LanguageNames.CSharp);
        foreach (var (path, text) in articles)
        {
            project = project.AddAdditionalDocument(Path.GetFileName(path), text, filePath: path).Project;
        }

        _workspace.TryApplyChanges(project.Solution).ShouldBeTrue();
    }

    public Solution Solution => _workspace.CurrentSolution;

    public static DebrisCodeFixProvider Fixer { get; } = new();

    public TextDocument Article(string path) =>
        Solution.Projects.Single().AdditionalDocuments.Single(d => d.FilePath == path);

    /// <summary>The analyzer's diagnostics on the articles of <paramref name="solution"/>, as the compiler reports them.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Solution solution)
    {
        var project = solution.Projects.Single();
        var compilation = (await project.GetCompilationAsync(TestContext.Current.CancellationToken))!;
        var analyzed = compilation.WithAnalyzers([new ProvenanceAnalyzer()], project.AnalyzerOptions);
        return await analyzed.GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The fixes offered for one diagnostic, as an editor's light bulb lists them.</summary>
    public static async Task<List<CodeAction>> FixesAsync(Solution solution, Diagnostic diagnostic)
    {
        var document = solution.Projects.Single().AdditionalDocuments.Single(d => d.FilePath == diagnostic.Location.GetLineSpan().Path);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), TestContext.Current.CancellationToken);
        await Fixer.RegisterCodeFixesAsync(context);
        return actions;
    }

    /// <summary>The article's text once <paramref name="action"/> is applied.</summary>
    public static async Task<string> ApplyAsync(Solution solution, CodeAction action, string path)
    {
        var operations = await action.GetOperationsAsync(TestContext.Current.CancellationToken);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var document = changed.Projects.Single().AdditionalDocuments.Single(d => d.FilePath == path);
        return (await document.GetTextAsync(TestContext.Current.CancellationToken)).ToString();
    }

    public void Dispose() => _workspace.Dispose();
}
