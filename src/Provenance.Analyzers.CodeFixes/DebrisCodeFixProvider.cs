using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Provenance.Analyzers;

/// <summary>
/// Removes scraped and promotional debris from an article, as <c>provenance fix</c> does: for a
/// finding whose rule offers a fix, "Remove …" deletes that piece, and "Remove all fixable debris
/// from this article" makes every deletion <c>provenance fix</c> would make there. The deletions
/// are the engine's (the analyzer puts them on each diagnostic); the text is rebuilt by the engine
/// too, so blank lines left behind are folded the same way.
/// </summary>
[ExportCodeFixProvider(
    LanguageNames.CSharp,
    LanguageNames.VisualBasic,
    Name = nameof(DebrisCodeFixProvider),
    // Articles are additional documents; without this an editor asks a provider about source files only.
    DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) },
    DocumentExtensions = new[] { ".md", ".markdown", ".html", ".htm", ".txt", ".text" })]
[Shared]
public sealed class DebrisCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the action that removes everything fixable in an article.</summary>
    public const string FixAllInArticleKey = "Provenance.FixAllInArticle";

    /// <summary>The prefix of the equivalence key of the action that removes one finding's debris (the rule id follows).</summary>
    public const string FixOneKeyPrefix = "Provenance.Fix.";

    private const int TitleLength = 40;

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = FixableIds();

    // Fixing every finding of a project at once would rewrite articles the editor has not opened;
    // the article-wide action is the batch fix, as provenance fix is for a folder.

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (EngineLoader.TryLoad(out _) is not { } engine)
        {
            return;
        }

        var document = context.TextDocument;
        var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        var content = text.ToString();
        string? checksum = null;
        var fixable = new List<Diagnostic>();
        IReadOnlyList<BuildEdit>? every = null;
        foreach (var diagnostic in context.Diagnostics)
        {
            diagnostic.Properties.TryGetValue(FixProperties.Fix, out var one);
            diagnostic.Properties.TryGetValue(FixProperties.Text, out var computedOn);
            if (FixProperties.Parse(one, text.Length) is not { Count: 1 } edits)
            {
                continue;
            }

            // The deletions were computed on the text the diagnostic came from: a text that
            // changed since gets no fix (its diagnostics are on their way).
            checksum ??= FixProperties.Checksum(content);
            if (computedOn != checksum)
            {
                continue;
            }

            var removed = text.ToString(new TextSpan(edits[0].Start, edits[0].Length)).Trim().Replace('\r', ' ').Replace('\n', ' ');
            var title = removed.Length > TitleLength ? removed.Substring(0, TitleLength - 1).TrimEnd() + "…" : removed;
            context.RegisterCodeFix(
                CodeAction.Create($"Remove \"{title}\"", token => Fix(document, engine, edits, token), FixOneKeyPrefix + diagnostic.Id),
                diagnostic);
            fixable.Add(diagnostic);
            diagnostic.Properties.TryGetValue(FixProperties.FixAll, out var all);
            every ??= FixProperties.Parse(all, text.Length);
        }

        // Once for the diagnostics asked about, unless it is their one deletion: neighbouring
        // lines of debris merge into one.
        if (every is { } deletions && !(deletions.Count == 1 && fixable.Count == 1 && fixable[0].Properties[FixProperties.Fix] == FixProperties.Format(deletions)))
        {
            var places = deletions.Count == 1 ? "1 place" : $"{deletions.Count} places";
            context.RegisterCodeFix(
                CodeAction.Create($"Remove all fixable debris from this article ({places}, as provenance fix)", token => Fix(document, engine, deletions, token), FixAllInArticleKey),
                fixable.ToImmutableArray());
        }
    }

    private static async Task<Solution> Fix(TextDocument document, IArticleEngine engine, IReadOnlyList<BuildEdit> edits, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var fixedText = SourceText.From(engine.ApplyFixes(text.ToString(), edits), text.Encoding, text.ChecksumAlgorithm);
        var solution = document.Project.Solution;
        return document is Document code ? solution.WithDocumentText(code.Id, fixedText) : solution.WithAdditionalDocumentText(document.Id, fixedText);
    }

    private static ImmutableArray<string> FixableIds() =>
        EngineLoader.TryLoad(out _) is { } engine
            ? engine.Rules.Where(r => r.Fix is not null).Select(r => r.Id).ToImmutableArray()
            : ImmutableArray<string>.Empty;
}
