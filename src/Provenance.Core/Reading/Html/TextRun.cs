using AngleSharp.Dom;
using Provenance.Articles;

namespace Provenance.Reading.Html;

/// <summary>A run of inline text inside one block element of a page: a candidate block.</summary>
internal sealed class TextRun(IElement owner, BlockKind kind, int order)
{
    public IElement Owner { get; } = owner;

    public BlockKind Kind { get; } = kind;

    public int Order { get; } = order;

    public MappedTextBuilder Text { get; } = new();

    public List<(int Start, int End, IElement Anchor)> Links { get; } = [];

    /// <summary>Letters inside links, those of a link to a place on the same page counting 0.3 (Readability's weighting: a table of contents is not a list of links away).</summary>
    public double LinkCharacters { get; set; }

    public (string Text, SourceMap Map)? Built { get; set; }

    public int Length => Built?.Text.Length ?? 0;
}

/// <summary>
/// Walks a page's DOM once, without recursion (pages nest deeply), and cuts its text into runs:
/// each block element starts a new run, inline elements add to the current one. Every text node
/// is aligned with the source so the run knows where each character came from.
/// </summary>
internal static class RunBuilder
{
    private const double InPageLinkWeight = 0.3;

    // Tag names are tested with switches rather than ignore-case sets: the walk asks two or three
    // times per element and once per ancestor of every text node. The parser lower-cases every
    // HTML tag name, and the SVG names it gives capitals (foreignObject, clipPath…) are in neither list.
    internal static bool IsBlock(string tag) => tag switch
    {
        "address" or "article" or "aside" or "blockquote" or "body" or "caption" or "dd" or "details" or "dialog" or "div" or "dl" or "dt" => true,
        "fieldset" or "figcaption" or "figure" or "footer" or "form" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "header" or "hgroup" => true,
        "hr" or "li" or "main" or "nav" or "ol" or "p" or "pre" or "section" or "summary" or "table" or "tbody" or "td" or "tfoot" or "th" => true,
        "thead" or "tr" or "ul" or "center" => true,
        _ => false,
    };

    private static bool IsSkipped(string tag) => tag switch
    {
        "script" or "style" or "noscript" or "template" or "svg" or "math" or "canvas" or "iframe" or "object" or "embed" or "video" => true,
        "audio" or "select" or "option" or "button" or "input" or "textarea" or "label" or "head" or "title" or "img" or "picture" => true,
        _ => false,
    };

    /// <summary>The runs of <paramref name="root"/>'s text; the images and form inputs skipped on the way are added to <paramref name="media"/>.</summary>
    public static List<TextRun> Build(IElement root, HtmlTextAligner aligner, List<IElement> media)
    {
        var runs = new List<TextRun>();
        TextRun? current = null;
        var anchors = new Stack<(IElement Anchor, TextRun Run, int Start)>();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IElement element)
            {
                var tag = element.LocalName;
                if (exit)
                {
                    if (tag == "a" && anchors.Count > 0 && anchors.Peek().Anchor == element)
                    {
                        var (anchor, run, start) = anchors.Pop();
                        run.Links.Add((start, run.Text.Position, anchor));
                    }

                    if (IsBlock(tag))
                    {
                        current = null;
                    }

                    continue;
                }

                if (IsSkipped(tag) || IsHidden(element))
                {
                    if (tag is "img" or "picture" or "input")
                    {
                        media.Add(element);
                    }

                    continue;
                }

                if (IsBlock(tag))
                {
                    current = null;
                }

                if (tag == "br" && current is not null)
                {
                    current.Text.Append('\n', Position(element));
                }

                if (tag == "a")
                {
                    current ??= Start(runs, Block(element));
                    anchors.Push((element, current, current.Text.Position));
                }

                stack.Push((element, true));
                for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push((child, false));
                }
            }
            else if (node is IText text && !string.IsNullOrEmpty(text.Data))
            {
                var data = text.Data;
                var owner = Block(text.ParentElement);
                if (string.IsNullOrWhiteSpace(data))
                {
                    current?.Text.Space(Position(text.ParentElement));
                    continue;
                }

                current ??= Start(runs, owner);
                var fallback = Position(text.ParentElement);
                if (aligner.TryAlign(data, fallback, out var offsets))
                {
                    current.Text.Append(data, offsets);
                }
                else
                {
                    foreach (var c in data)
                    {
                        current.Text.Append(c, fallback);
                    }
                }

                if (anchors.Count > 0)
                {
                    current.LinkCharacters += data.AsSpan().Trim().Length * (IsInPageLink(anchors.Peek().Anchor) ? InPageLinkWeight : 1);
                }
            }
        }

        foreach (var run in runs)
        {
            run.Built = run.Text.Build();
        }

        runs.RemoveAll(r => r.Built is null);
        return runs;
    }

    /// <summary>
    /// Whether the page hides <paramref name="element"/> from its readers, as Readability judges it:
    /// a <c>hidden</c> attribute, <c>aria-hidden="true"</c> (but for the fallback images of formulas),
    /// or an inline style of <c>display: none</c> or <c>visibility: hidden</c>. The page's body is
    /// never judged hidden: pages hide it while their scripts load.
    /// </summary>
    internal static bool IsHidden(IElement element)
    {
        // One pass over the attributes, most elements having none: looking each of three up by
        // name costs more, on every element of the page.
        var attributes = element.Attributes;
        if (attributes.Length == 0 || element.LocalName is "body" or "html")
        {
            return false;
        }

        foreach (var attribute in attributes)
        {
            var hidden = attribute.Name switch
            {
                "hidden" => true,
                "aria-hidden" => attribute.Value.Equals("true", StringComparison.OrdinalIgnoreCase)
                    && !(element.ClassName ?? string.Empty).Contains("fallback-image", StringComparison.Ordinal),
                "style" => attribute.Value.Length >= 12 && (HasDeclaration(attribute.Value, "display", "none") || HasDeclaration(attribute.Value, "visibility", "hidden")),
                _ => false,
            };
            if (hidden)
            {
                return true;
            }
        }

        return false;
    }

    // Whether a style attribute declares property: value, white space and case aside.
    private static bool HasDeclaration(string style, string property, string value)
    {
        var span = style.AsSpan();
        int at;
        while ((at = span.IndexOf(property, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var startsName = at == 0 || span[at - 1] is ';' or ' ' or '\t' or '\n' or '\r' or '{';
            span = span[(at + property.Length)..];
            var rest = span.TrimStart();
            if (startsName && rest.Length > 0 && rest[0] == ':' && rest[1..].TrimStart().StartsWith(value, StringComparison.OrdinalIgnoreCase))
            {
                var after = rest[1..].TrimStart()[value.Length..];
                if (after.IsEmpty || after[0] is ';' or ' ' or '!' or '\t' or '\n' or '\r')
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsInPageLink(IElement anchor) => anchor.GetAttribute("href") is { Length: > 1 } href && href[0] == '#';

    private static TextRun Start(List<TextRun> runs, IElement owner)
    {
        var run = new TextRun(owner, KindOf(owner), runs.Count);
        runs.Add(run);
        return run;
    }

    private static IElement Block(IElement? element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (IsBlock(e.LocalName))
            {
                return e;
            }
        }

        return element!;
    }

    private static BlockKind KindOf(IElement owner)
    {
        var tag = owner.LocalName;
        if (tag == "h1")
        {
            return BlockKind.Title;
        }

        if (tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '2' and <= '6')
        {
            return BlockKind.Heading;
        }

        if (tag is "li" or "dd" or "dt")
        {
            return BlockKind.ListItem;
        }

        for (var e = owner; e is not null; e = e.ParentElement)
        {
            if (e.LocalName == "blockquote")
            {
                return BlockKind.Quote;
            }
        }

        return BlockKind.Paragraph;
    }

    private static int Position(IElement? element) => Math.Max(0, (element?.SourceReference?.Position.Position ?? 1) - 1);
}
