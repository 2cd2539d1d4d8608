using System.Collections.Immutable;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Reading.Html;

/// <summary>
/// Reads HTML pages with AngleSharp. The article body is found among the page's furniture; the
/// zones that matter for provenance outside it (comments, author boxes, credits, notes) are kept
/// as footer blocks, the rest dropped. Every block maps back to the original HTML, so findings
/// point at the right line and column of the page. Broken markup never throws: the parser repairs
/// it as browsers do.
/// </summary>
public static class HtmlReader
{
    // The browsing context's attribute observers resolve every link's and base's URL and split
    // every class list as the tree is built; nothing here reads those, and on a news page they
    // were a tenth of the parse. The configuration is immutable and shared; each page still gets
    // a browsing context of its own.
    // The first paragraph at least this long ends the article's head: a byline, a date or a
    // standfirst is shorter.
    private const int HeadEndLength = 100;

    // Paragraphs of running text under each byline of a page of several signed stories: a story, not a teaser.
    private const int MinSectionParagraphs = 3;

    // The body's last paragraphs, where a closing credit stands before any recommendations that follow it.
    private const int ClosingParagraphs = 5;

    private static readonly IConfiguration ParserConfiguration = AngleSharp.Configuration.Default.Without<IAttributeObserver>();

    // Attributes the reader reads, and those the tree construction itself looks at (an
    // <input type=hidden> in a table, <font color|face|size> leaving SVG, <annotation-xml encoding>,
    // a declarative shadow root); the rest (style, data-*, srcset, event handlers…) are not made,
    // nor are comment nodes, which nothing reads (the aligner skips comments in the source itself).
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsKeepingSourceReferences = true,
        SkipComments = true,
        ShouldEmitAttribute = static (ref StructHtmlToken _, ReadOnlyMemory<char> name) => IsReadAttribute(name.Span),
    };

    /// <summary>Reads <paramref name="html"/> (already decoded) into an article.</summary>
    /// <param name="html">The page.</param>
    /// <param name="path">How the host names the page.</param>
    /// <param name="uri">The page's address, for resolving relative links; never fetched.</param>
    public static Article Read(string html, string path = "-", Uri? uri = null) => Read(html, path, uri, fullDocument: false);

    /// <summary>
    /// Reads a page; with <paramref name="fullDocument"/> the parser keeps every attribute and runs
    /// the default attribute observers, as it did before the reader asked for less (tests compare the two).
    /// </summary>
    internal static Article Read(string html, string path, Uri? uri, bool fullDocument)
    {
        ArgumentNullException.ThrowIfNull(html);
        var source = new SourceText(html);

        // The capped page has the same length and offsets as the original, so everything below
        // may read either; it reads the capped one, which is what the parser saw.
        html = NestingLimit.Apply(html, out var cut);
        var parser = fullDocument
            ? new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true })
            : new HtmlParser(ParserOptions, BrowsingContext.New(ParserConfiguration));
        var document = parser.ParseDocument(html);
        var metadata = new MetadataCollector();
        var elements = PageElements.Find(document.DocumentElement);
        var baseUri = BaseUri(elements, uri);
        var metaAuthors = HtmlMetadata.Read(elements, html, baseUri ?? uri, metadata);

        var body = document.Body ?? document.DocumentElement;
        var media = new List<IElement>();
        var runs = RunBuilder.Build(body, new HtmlTextAligner(html), media);
        var names = new ElementNames();
        var main = ContentScorer.SelectMain(runs, media, body, names);
        var title = FindTitle(runs, metadata);
        var kept = Classify(runs, main, names, title);
        MarkTrailingFooter(kept);
        var articleZone = FindZone(runs, main, title, html.Length);
        HtmlMetadata.ReadPage(elements, html, articleZone, metaAuthors, metadata);

        var blocks = ImmutableArray.CreateBuilder<Articles.Block>(kept.Count);
        var links = ImmutableArray.CreateBuilder<Link>();
        foreach (var (run, marked, zone) in kept)
        {
            var (text, map) = run.Built!.Value;

            // A short paragraph or credit that opens "By" or "Posted by" and names people is a byline, as in plain text.
            var kind = marked is BlockKind.Paragraph or BlockKind.Footer && BylineText.HasPrefix(text) && TextUnit.HasAtMostWords(text, 14)
                && BylineText.Names(text, requirePrefix: true).Count > 0 ? BlockKind.Byline : marked;
            blocks.Add(new Articles.Block(kind, zone, text, map));
            if (kind == BlockKind.Byline && !articleZone.Before(map.ToSource(0)))
            {
                AddBylineAuthors(metadata, text, map);
            }

            foreach (var (start, end, anchor) in run.Links)
            {
                var from = Math.Min(start, text.Length);
                var to = Math.Clamp(end, from, text.Length);
                var rel = (anchor.GetAttribute("rel") ?? string.Empty).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                links.Add(LinkFactory.Create(text[from..to].Trim(), anchor.GetAttribute("href") ?? string.Empty, baseUri ?? uri, rel, map.ToSource(TextSpan.FromBounds(from, to))));
            }
        }

        SectionBylines(blocks, metadata);
        ClosingCredit(blocks, metadata);

        // The body's first paragraph may date the story ("Feb. 23, 2015 -- …") or carry a wire
        // dateline ("CAIRO —"); the page's address is the last place a date is looked for.
        if (blocks.FirstOrDefault(b => b.Kind == BlockKind.Paragraph && b.Zone == Zone.Main && !TextUnit.HasAtMostWords(b.Text, 10)) is { } lead)
        {
            MetadataLines.ReadLead(lead.Text, lead.Map, metadata);
        }

        metadata.Published ??= HtmlMetadata.AddressDate(metadata.CanonicalUrl);

        ImmutableArray<ReadIssue> issues = cut < 0
            ? []
            : [new ReadIssue($"the page nests elements more than {NestingLimit.MaxDepth} deep; the tags past that depth were ignored and their text kept", new TextSpan(cut, 0))];
        return new Article(path, ArticleFormat.Html, source, blocks.ToImmutable(), metadata.Build(), links.ToImmutable(), issues) { Uri = uri };
    }

    /// <summary>Whether the parser keeps an attribute of this name; names arrive lower-cased.</summary>
    internal static bool IsReadAttribute(ReadOnlySpan<char> name) => name switch
    {
        "class" or "id" or "role" or "rel" or "itemprop" or "itemtype" or "href" or "datetime" or "pubdate" => true,
        "content" or "name" or "property" or "type" => true,
        "style" or "hidden" or "aria-hidden" => true,
        "encoding" or "color" or "face" or "size" or "shadowrootmode" => true,
        _ => false,
    };

    private static ArticleZone FindZone(List<TextRun> runs, MainContent main, TextRun? title, int length)
    {
        var mainRuns = Enumerable.Range(0, runs.Count).Where(i => runs[i].Length > 0 && main.ContainerOf(i) is not null).Select(i => runs[i]).ToList();
        if (mainRuns.Count == 0)
        {
            return new ArticleZone(title?.Owner, main.ContainerSet, 0, length, length);
        }

        var first = mainRuns[0].Built!.Value.Map.Segments;
        var last = mainRuns[^1].Built!.Value.Map.Segments;
        var text = mainRuns.Find(r => r.Kind == BlockKind.Paragraph && r.Length >= HeadEndLength)?.Built!.Value.Map.Segments[0].SourceStart ?? length;
        return new ArticleZone(title?.Owner, main.ContainerSet, first[0].SourceStart, text, last[^1].SourceStart + last[^1].Length);
    }

    private static List<(TextRun Run, BlockKind Kind, Zone Zone)> Classify(List<TextRun> runs, MainContent main, ElementNames names, TextRun? title)
    {
        var kept = new List<(TextRun, BlockKind, Zone)>();
        var mainRuns = Enumerable.Range(0, runs.Count).Where(i => main.ContainerOf(i) is not null).ToList();
        var mainStart = mainRuns.Count == 0 ? 0 : runs[mainRuns[0]].Order;
        var mainEnd = mainRuns.Count == 0 ? int.MaxValue : runs[mainRuns[^1]].Order;

        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var text = run.Built!.Value.Text;
            if (run == title)
            {
                kept.Add((run, BlockKind.Title, Zone.Main));
                continue;
            }

            // A run cleaned out of the body is judged by the names between it and the body's
            // container, not by those of the page around the body.
            var container = main.EnclosingContainerOf(i);
            var inMain = main.ContainerOf(i) is not null;
            var furniture = false;

            // Inside the body a "Label: value" line is often a caption or a standfirst; only the
            // trailing ones are credits (MarkTrailingFooter). Outside it, such a line is a credit.
            var provenance = container is null && FooterZone.IsMarker(text);
            var byline = false;
            var caption = false;
            var depth = 0;
            for (var e = run.Owner; e is not null && e != container && e.LocalName != "body"; e = e.ParentElement, depth++)
            {
                var t = names.Traits(e);
                furniture |= t.HasFlag(NameTraits.Furniture) && (!inMain || main.IsBoxSized(e));
                caption |= (t.HasFlag(NameTraits.Caption) && main.IsBoxSized(e)) || main.IsImageFigure(e);
                provenance |= t.HasFlag(NameTraits.Provenance);
                byline |= depth < 4 && t.HasFlag(NameTraits.Byline);
            }

            var shortLine = TextUnit.HasAtMostWords(text, 12);
            byline = byline || (shortLine && HasInlineByline(run.Owner, names));
            if (byline && shortLine && !furniture)
            {
                kept.Add((run, BlockKind.Byline, run.Order <= mainEnd && run.Order >= mainStart - 20 ? Zone.Main : Zone.Footer));
            }
            else if (furniture)
            {
                continue;
            }
            else if (inMain && caption)
            {
                // A figure's caption is not body prose (it would count as a paragraph of the story)
                // but may carry its credit or an AI-image note, so footer-scoped rules still read it.
                kept.Add((run, BlockKind.Footer, Zone.Footer));
            }
            else if (inMain)
            {
                kept.Add((run, provenance && !IsBodyText(run) ? BlockKind.Footer : run.Kind == BlockKind.Title ? BlockKind.Heading : run.Kind, provenance && !IsBodyText(run) ? Zone.Footer : Zone.Main));
            }
            else if (provenance && run.Order > mainStart)
            {
                kept.Add((run, BlockKind.Footer, Zone.Footer));
            }
        }

        return kept;
    }

    // A byline is often an inline element of its line: <a rel="author">, <cite class="byline">.
    private static bool HasInlineByline(IElement owner, ElementNames names)
    {
        foreach (var child in owner.Children)
        {
            if (!RunBuilder.IsBlock(child.LocalName) && names.Traits(child).HasFlag(NameTraits.Byline))
            {
                return true;
            }
        }

        return false;
    }

    // A long paragraph inside a "post-meta" wrapper is still body text; only short lines there are credits.
    private static bool IsBodyText(TextRun run) => run.Kind == BlockKind.Paragraph && !TextUnit.HasAtMostWords(run.Built!.Value.Text, 40);

    // The trailing credits of the body ("Original Source: …", "Reporting by …") are footer, as in plain text.
    private static void MarkTrailingFooter(List<(TextRun Run, BlockKind Kind, Zone Zone)> kept)
    {
        var mainIndexes = Enumerable.Range(0, kept.Count).Where(i => kept[i].Zone == Zone.Main && kept[i].Kind != BlockKind.Title).ToList();
        if (mainIndexes.Count < 2)
        {
            return;
        }

        var start = FooterZone.FindStart([.. mainIndexes.Select(i => kept[i].Run.Built!.Value.Text)], 0);
        for (var k = start; k < mainIndexes.Count; k++)
        {
            var i = mainIndexes[k];
            kept[i] = (kept[i].Run, kept[i].Kind == BlockKind.Byline ? BlockKind.Byline : BlockKind.Footer, Zone.Footer);
        }
    }

    private static TextRun? FindTitle(List<TextRun> runs, MetadataCollector metadata)
    {
        var headings = runs.Where(r => r.Kind == BlockKind.Title).ToList();
        if (metadata.Title is { } title)
        {
            var wanted = Normalise(title.Value);
            var match = headings.FirstOrDefault(h => Normalise(h.Built!.Value.Text) is { Length: > 0 } text && (wanted.Contains(text, StringComparison.Ordinal) || text.Contains(wanted, StringComparison.Ordinal)));
            if (match is not null)
            {
                return match;
            }
        }

        var first = headings.FirstOrDefault();
        if (first is not null)
        {
            metadata.Title ??= new MetadataField(first.Built!.Value.Text, first.Built.Value.Map.ToSource(new TextSpan(0, first.Built.Value.Text.Length)));
        }

        return first;
    }

    // A byline block the page did not mark as its author ("Posted by Alon Zakai."): its names,
    // when nothing else named the authors.
    private static void AddBylineAuthors(MetadataCollector metadata, string text, SourceMap map)
    {
        if (metadata.Authors.Count > 0 || !TextUnit.HasAtMostWords(text, 14))
        {
            return;
        }

        foreach (var name in BylineText.Names(text, requirePrefix: false))
        {
            metadata.AddAuthor(text, name, map);
        }
    }

    // A page of several signed stories under one headline (a weekly edition, a digest) credits
    // each story's writer: its bylines each head a story of some length, and the page's byline is
    // one of them. A list of teasers, each byline followed by a line or two, credits no one.
    private static void SectionBylines(ImmutableArray<Articles.Block>.Builder blocks, MetadataCollector metadata)
    {
        var bylines = new List<(Articles.Block Block, int Paragraphs)>();
        foreach (var block in blocks)
        {
            if (block.Zone != Zone.Main)
            {
                continue;
            }

            if (block.Kind == BlockKind.Byline)
            {
                bylines.Add((block, 0));
            }
            else if (bylines.Count > 0 && block.Kind == BlockKind.Paragraph && block.Text.Length >= HeadEndLength)
            {
                bylines[^1] = (bylines[^1].Block, bylines[^1].Paragraphs + 1);
            }
        }

        if (bylines.Count < 2 || bylines.Any(b => b.Paragraphs < MinSectionParagraphs || !TextUnit.HasAtMostWords(b.Block.Text, 14)))
        {
            return;
        }

        var names = bylines.SelectMany(b => BylineText.Names(b.Block.Text, requirePrefix: false).Select(n => (b.Block, Name: n))).ToList();
        var found = names.Select(n => n.Block.Text.Substring(n.Name.Start, n.Name.Length)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (names.Count == 0 || !metadata.Authors.All(a => found.Contains(a.Value)))
        {
            return;
        }

        foreach (var (block, name) in names)
        {
            metadata.AddAuthor(block.Text, name, block.Map);
        }
    }

    // A credit closing one of the body's last paragraphs ("…上。（编译/林靖东）") names its writer,
    // when nothing else did.
    private static void ClosingCredit(ImmutableArray<Articles.Block>.Builder blocks, MetadataCollector metadata)
    {
        if (metadata.Authors.Count > 0)
        {
            return;
        }

        var looked = 0;
        for (var i = blocks.Count - 1; i >= 0 && looked < ClosingParagraphs; i--)
        {
            var block = blocks[i];
            if (block.Kind != BlockKind.Paragraph || block.Zone != Zone.Main)
            {
                continue;
            }

            looked++;
            var names = MetadataLines.ClosingCredit(block.Text);
            foreach (var name in names)
            {
                metadata.AddAuthor(block.Text, name, block.Map);
            }

            if (names.Count > 0)
            {
                return;
            }
        }
    }

    private static string Normalise(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static Uri? BaseUri(PageElements elements, Uri? uri)
    {
        var href = elements.Base?.GetAttribute("href");
        if (href is not null && Uri.TryCreate(href, UriKind.Absolute, out var absolute))
        {
            return absolute;
        }

        if (href is not null && uri is not null && Uri.TryCreate(uri, href, out var relative))
        {
            return relative;
        }

        var canonical = elements.Canonical?.GetAttribute("href");
        return uri ?? (canonical is not null && Uri.TryCreate(canonical, UriKind.Absolute, out var fromCanonical) ? fromCanonical : null);
    }
}
