using Provenance.Articles;

namespace Provenance.Service;

/// <summary>One article as a request gives it: its text (or why it is not text), how to read it, its name and where it was published.</summary>
internal sealed record CheckInput(string Path, ArticleFormat Format, string? Content, string? Error, Uri? Uri);
