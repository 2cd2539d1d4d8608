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
[ExportCodeFixProvider(LanguageNames.CSharp, LanguageNames.VisualBasic, Name = nameof(DebrisCodeFixProvider)), Shared]
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
        if (ProvenanceAnalyzer.SharedEngine is not { } engine)
        {
            return;
        }

        var document = context.TextDocument;
        var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            diagnostic.Properties.TryGetValue(ProvenanceAnalyzer.FixProperty, out var one);
            diagnostic.Properties.TryGetValue(ProvenanceAnalyzer.FixAllProperty, out var all);
            var edits = ProvenanceAnalyzer.ParseEdits(one);
            if (edits.Count != 1 || !Within(edits, text.Length))
            {
                continue;
            }

            var removed = text.ToString(new TextSpan(edits[0].Start, edits[0].Length)).Trim();
            var title = removed.Length > TitleLength ? removed.Substring(0, TitleLength - 1).TrimEnd() + "…" : removed;
            context.RegisterCodeFix(
                CodeAction.Create($"Remove \"{title.Replace('\n', ' ').Replace('\r', ' ')}\"", token => Fix(document, engine, edits, token), FixOneKeyPrefix + diagnostic.Id),
                diagnostic);

            // Offered unless it is the same deletion: neighbouring lines of debris merge into one.
            var every = ProvenanceAnalyzer.ParseEdits(all);
            if (Within(every, text.Length) && !(every.Count == 1 && every[0].Start == edits[0].Start && every[0].Length == edits[0].Length))
            {
                var places = every.Count == 1 ? "1 place" : $"{every.Count} places";
                context.RegisterCodeFix(
                    CodeAction.Create($"Remove all fixable debris from this article ({places}, as provenance fix)", token => Fix(document, engine, every, token), FixAllInArticleKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Solution> Fix(TextDocument document, IArticleEngine engine, IReadOnlyList<BuildEdit> edits, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var fixedText = SourceText.From(engine.ApplyFixes(text.ToString(), edits), text.Encoding, text.ChecksumAlgorithm);
        var solution = document.Project.Solution;
        return document is Document code ? solution.WithDocumentText(code.Id, fixedText) : solution.WithAdditionalDocumentText(document.Id, fixedText);
    }

    // The deletions were computed on the text the diagnostic came from; one that no longer fits
    // the document (it changed since) is not applied.
    private static bool Within(IReadOnlyList<BuildEdit> edits, int length) =>
        edits.All(e => e.Start >= 0 && e.Length >= 0 && e.Start + e.Length <= length);

    private static ImmutableArray<string> FixableIds() =>
        ProvenanceAnalyzer.SharedEngine is { } engine
            ? engine.Rules.Where(r => r.Fix is not null).Select(r => r.Id).ToImmutableArray()
            : ImmutableArray<string>.Empty;
}
