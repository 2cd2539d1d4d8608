using Microsoft.CodeAnalysis.Testing;
using Provenance.Articles;
using Provenance.Rules;

namespace Provenance.Analyzers.Tests;

/// <summary>What the tests' content projects have in common.</summary>
internal static class ArticleProject
{
    /// <summary>A target framework with no reference assemblies: nothing to download, no code to compile.</summary>
    public static ReferenceAssemblies NoReferences { get; } = new("net10.0");

    /// <summary>A file name whose extension is the example's format (front matter: Markdown; a tag: HTML; else text), its markup aside.</summary>
    public static string PathFor(string example) => RuleExamples.FormatOf(Provenance.Tests.TestMarkup.Parse(example).Text) switch
    {
        ArticleFormat.Markdown => "/0/article.md",
        ArticleFormat.Html => "/0/article.html",
        _ => "/0/article.txt",
    };
}
