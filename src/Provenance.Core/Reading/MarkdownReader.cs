using System.Collections.Immutable;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Reading;

/// <summary>
/// Reads Markdown articles with Markdig: YAML front matter becomes metadata; headings, paragraphs,
/// list items and block quotes become blocks whose text maps back to the Markdown source; links
/// are kept. The trailing footer zone is found as in plain text.
/// </summary>
public static class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .Build();

    /// <summary>Reads <paramref name="markdown"/> into an article.</summary>
    /// <param name="markdown">The article's Markdown.</param>
    /// <param name="path">How the host names it.</param>
    /// <param name="uri">Where it is published, for resolving relative links; never fetched.</param>
    public static Article Read(string markdown, string path = "-", Uri? uri = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var source = new SourceText(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        var issues = ImmutableArray.CreateBuilder<ReadIssue>();
        var metadata = new MetadataCollector();
        var pending = new List<(BlockKind Kind, string Text, SourceMap Map)>();
        var links = ImmutableArray.CreateBuilder<Link>();

        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock front)
            {
                FrontMatter.Read(markdown, front, metadata, issues);
                continue;
            }

            Collect(block, BlockKind.Paragraph, markdown, pending, links);
        }

        // Front matter that names the authors or the date is the article's own word; the body's
        // byline, dateline and lead date count only where it is silent.
        var blocks = Arrange(pending, metadata);
        var named = metadata.Authors.Count > 0;
        var lead = true;
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Byline && !named)
            {
                foreach (var name in MetadataLines.ReadByline(block.Text))
                {
                    metadata.AddAuthor(block.Text, name, block.Map);
                }
            }
            else if (block.Kind == BlockKind.Paragraph && block.Zone == Zone.Main && lead)
            {
                lead = false;
                MetadataLines.ReadLead(block.Text, block.Map, metadata);
            }
        }

        // Links are collected unresolved; the article's address, when known, resolves the relative ones.
        var resolved = uri is null ? links.ToImmutable() : [.. links.Select(l => l.Url is null ? LinkFactory.Create(l.Text, l.Href, uri, l.Rel, l.Span) : l)];
        return new Article(path, ArticleFormat.Markdown, source, blocks, metadata.Build(), resolved, issues.ToImmutable()) { Uri = uri };
    }

    // Title: the first level-one heading; footer: the trailing credits and debris, as in plain text.
    private static ImmutableArray<Articles.Block> Arrange(List<(BlockKind Kind, string Text, SourceMap Map)> pending, MetadataCollector metadata)
    {
        var titleIndex = pending.FindIndex(p => p.Kind == BlockKind.Title);
        var footerStart = FooterZone.FindStart([.. pending.Select(p => p.Text)], Math.Max(titleIndex, 0));
        var blocks = ImmutableArray.CreateBuilder<Articles.Block>(pending.Count);
        var seenParagraph = false;
        for (var i = 0; i < pending.Count; i++)
        {
            var (kind, text, map) = pending[i];
            if (kind == BlockKind.Title && i != titleIndex)
            {
                kind = BlockKind.Heading;
            }

            // As in plain text: below the first paragraph only "By …" heads an entry; "Posted by …" there captions an embed.
            if (kind == BlockKind.Paragraph && (!seenParagraph || BylineText.OpensWithBy(text)) && BylineText.HasPrefix(text) && TextUnit.HasAtMostWords(text, 14)
                && BylineText.Names(text, requirePrefix: true).Count > 0)
            {
                kind = BlockKind.Byline;
            }

            seenParagraph |= kind == BlockKind.Paragraph;

            var zone = i >= footerStart ? Zone.Footer : Zone.Main;
            blocks.Add(new Articles.Block(zone == Zone.Footer && kind != BlockKind.Byline ? BlockKind.Footer : kind, zone, text, map));
            if (i == titleIndex)
            {
                metadata.Title ??= new MetadataField(text, map.ToSource(new TextSpan(0, text.Length)));
            }
        }

        return blocks.ToImmutable();
    }

    private static void Collect(Markdig.Syntax.Block block, BlockKind kind, string markdown, List<(BlockKind, string, SourceMap)> pending, ImmutableArray<Link>.Builder links)
    {
        switch (block)
        {
            case HeadingBlock heading:
                Add(heading.Level == 1 ? BlockKind.Title : BlockKind.Heading, heading.Inline, markdown, pending, links);
                break;
            case ParagraphBlock paragraph:
                Add(kind, paragraph.Inline, markdown, pending, links);
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    Collect(child, BlockKind.Quote, markdown, pending, links);
                }

                break;
            case ListItemBlock item:
                foreach (var child in item)
                {
                    Collect(child, BlockKind.ListItem, markdown, pending, links);
                }

                break;
            case ContainerBlock container when block is not YamlFrontMatterBlock:
                foreach (var child in container)
                {
                    Collect(child, kind, markdown, pending, links);
                }

                break;

            // Code, raw HTML and thematic breaks are not prose.
            default:
                break;
        }
    }

    private static void Add(BlockKind kind, ContainerInline? inline, string markdown, List<(BlockKind, string, SourceMap)> pending, ImmutableArray<Link>.Builder links)
    {
        if (inline is null)
        {
            return;
        }

        var builder = new MappedTextBuilder();
        var blockLinks = new List<(int Start, int End, LinkInline Link)>();
        AppendInlines(inline, markdown, builder, blockLinks);
        if (builder.Build() is not { } built)
        {
            return;
        }

        pending.Add((kind, built.Text, built.Map));
        foreach (var (start, end, link) in blockLinks)
        {
            var text = built.Text[Math.Min(start, built.Text.Length)..Math.Min(end, built.Text.Length)];
            var span = built.Map.ToSource(TextSpan.FromBounds(Math.Min(start, built.Text.Length), Math.Min(end, built.Text.Length)));
            links.Add(LinkFactory.Create(text, link.Url ?? string.Empty, null, [], span));
        }
    }

    private static void AppendInlines(ContainerInline container, string markdown, MappedTextBuilder builder, List<(int, int, LinkInline)> links)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    var content = literal.Content.ToString();
                    if (literal.Span.Length == content.Length && literal.Span.Start + content.Length <= markdown.Length)
                    {
                        builder.AppendSource(content, literal.Span.Start);
                    }
                    else
                    {
                        builder.AppendAt(content, Math.Max(0, literal.Span.Start));
                    }

                    break;
                case CodeInline code:
                    builder.AppendAt(code.Content, Math.Max(0, code.Span.Start));
                    break;
                case LineBreakInline lineBreak:
                    builder.Append(lineBreak.IsHard ? '\n' : ' ', Math.Max(0, lineBreak.Span.Start));
                    break;
                case HtmlEntityInline entity:
                    builder.AppendAt(entity.Transcoded.ToString(), Math.Max(0, entity.Span.Start));
                    break;
                case AutolinkInline autolink:
                    var start = builder.Position;
                    builder.AppendSource(autolink.Url, Math.Max(0, autolink.Span.Start + 1));
                    links.Add((start, builder.Position, new LinkInline(autolink.Url, string.Empty)));
                    break;
                case LinkInline link when !link.IsImage:
                    var linkStart = builder.Position;
                    AppendInlines(link, markdown, builder, links);
                    links.Add((linkStart, builder.Position, link));
                    break;
                case LinkInline:
                case HtmlInline:
                    break;
                case ContainerInline nested:
                    AppendInlines(nested, markdown, builder, links);
                    break;
                default:
                    break;
            }
        }
    }
}
