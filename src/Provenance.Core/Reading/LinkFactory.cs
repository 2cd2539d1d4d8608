using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Reading;

/// <summary>Makes links with their target resolved against the article's address and their domain.</summary>
internal static class LinkFactory
{
    public static Link Create(string text, string href, Uri? baseUri, IReadOnlyList<string> rel, TextSpan span)
    {
        var trimmed = href.Trim();
        Uri? url = null;
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            url = absolute;
        }
        else if (baseUri is not null && !trimmed.StartsWith('#') && !trimmed.Contains(':', StringComparison.Ordinal) && Uri.TryCreate(baseUri, trimmed, out var resolved))
        {
            url = resolved;
        }
        else if (trimmed.StartsWith("//", StringComparison.Ordinal) && Uri.TryCreate("https:" + trimmed, UriKind.Absolute, out var schemeless))
        {
            url = schemeless;
        }

        var domain = url?.Host.ToLowerInvariant();
        if (domain is not null && domain.StartsWith("www.", StringComparison.Ordinal))
        {
            domain = domain[4..];
        }

        return new Link(text, href, url?.ToString(), domain, rel, span);
    }
}
