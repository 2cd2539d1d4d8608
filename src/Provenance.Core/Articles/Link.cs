using Provenance.Text;

namespace Provenance.Articles;

/// <summary>A hyperlink in the article's kept text.</summary>
/// <param name="Text">The link text as the reader sees it.</param>
/// <param name="Href">The target as written.</param>
/// <param name="Url">The target resolved against the article's address, when it is a web address.</param>
/// <param name="Domain">The target's host without "www.", when it has one.</param>
/// <param name="Rel">The rel attribute's tokens (sponsored, ugc, nofollow…), lower-case.</param>
/// <param name="Span">Where the link text is in the original file.</param>
public sealed record Link(string Text, string Href, string? Url, string? Domain, IReadOnlyList<string> Rel, TextSpan Span);

/// <summary>A problem a reader met that did not stop it: malformed front matter, an unreadable part.</summary>
/// <param name="Message">What was wrong.</param>
/// <param name="Span">Where, in the original file.</param>
public sealed record ReadIssue(string Message, TextSpan Span);
