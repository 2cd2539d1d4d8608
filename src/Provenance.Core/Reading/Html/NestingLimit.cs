namespace Provenance.Reading.Html;

/// <summary>
/// Caps how deep a page's elements nest before the parser sees it. AngleSharp's tree building is
/// quadratic in depth (a page nested 100,000 deep took a whole run 54 s), so a hostile page could
/// stall a run. Tags past the cap are overwritten with spaces of the same length: every offset
/// stays where it was, so locations still point into the original file, and the text inside the
/// over-deep elements is kept as if it belonged to the deepest element allowed. Browsers do much
/// the same (Blink stops nesting at 512).
/// </summary>
internal static class NestingLimit
{
    /// <summary>The deepest nesting kept; far beyond any real page, far below what is slow.</summary>
    public const int MaxDepth = 512;

    // Elements that never have content, and those whose end tag may be left out (the parser closes
    // them itself, so counting them would make an old-style page look deep).
    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rt", "rp", "rb", "rtc", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
    };

    // Their content is text, not markup: a '<' inside them opens nothing.
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext" };

    /// <summary>
    /// The page with tags past <paramref name="maxDepth"/> blanked, or the page itself when it is
    /// not that deep; <paramref name="firstCut"/> is where the first blanked tag starts (-1 if none).
    /// </summary>
    public static string Apply(string html, out int firstCut, int maxDepth = MaxDepth)
    {
        firstCut = -1;

        // A page with fewer tags than the cap cannot pass it; most pages stop here after one
        // vectorised count.
        if (html.AsSpan().Count('<') <= maxDepth)
        {
            return html;
        }

        // Tag names are looked up as spans: a page has thousands of tags, none worth a string.
        var uncounted = Uncounted.GetAlternateLookup<ReadOnlySpan<char>>();
        var rawText = RawText.GetAlternateLookup<ReadOnlySpan<char>>();
        char[]? edited = null;
        var depth = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (i + 1 >= html.Length)
            {
                break;
            }

            if (html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            var closing = html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                // "<!DOCTYPE", "<?xml" or a stray '<' in text.
                i = nameStart;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-' || html[nameEnd] == ':'))
            {
                nameEnd++;
            }

            var end = TagEnd(html, nameEnd);
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            if (closing)
            {
                if (!uncounted.Contains(name) && depth > 0)
                {
                    if (depth > maxDepth)
                    {
                        Blank(ref edited, html, i, end, ref firstCut);
                    }

                    depth--;
                }
            }
            else if (rawText.Contains(name))
            {
                // Skip the content whole; the element itself does not deepen anything worth counting.
                var close = html.IndexOf(string.Concat("</", name), end, StringComparison.OrdinalIgnoreCase);
                end = close < 0 ? html.Length : close;
            }
            else if (!uncounted.Contains(name) && html[end - 2] != '/')
            {
                depth++;
                if (depth > maxDepth)
                {
                    Blank(ref edited, html, i, end, ref firstCut);
                }
            }

            i = end;
        }

        return edited is null ? html : new string(edited);
    }

    /// <summary>
    /// Where the tag whose name ends at <paramref name="from"/> ends (after its '>'), quotes in
    /// attribute values respected; the end of the page for a tag never closed.
    /// </summary>
    internal static int TagEnd(string html, int from)
    {
        // Vectorised searches for the next quote or '>', then for the quote's partner: tags are
        // mostly attribute text, which the reader and the aligner both step over many times a page.
        var i = from;
        while (i < html.Length)
        {
            var found = html.AsSpan(i).IndexOfAny('"', '\'', '>');
            if (found < 0)
            {
                break;
            }

            i += found;
            if (html[i] == '>')
            {
                return i + 1;
            }

            var close = html.IndexOf(html[i], i + 1);
            if (close < 0)
            {
                break;
            }

            i = close + 1;
        }

        return html.Length;
    }

    private static void Blank(ref char[]? edited, string html, int start, int end, ref int firstCut)
    {
        edited ??= html.ToCharArray();
        Array.Fill(edited, ' ', start, end - start);
        if (firstCut < 0)
        {
            firstCut = start;
        }
    }
}
