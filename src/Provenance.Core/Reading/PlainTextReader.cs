using System.Collections.Immutable;
using Provenance.Articles;
using Provenance.Text;

namespace Provenance.Reading;

/// <summary>
/// Reads plain-text articles. Structure is recognised by shape: the first short line is the title,
/// a short unpunctuated line directly under it is the standfirst, short unpunctuated lines between
/// paragraphs are headings, lines after a colon are list items, and the trailing credits, notes,
/// bios and comment debris form the footer zone.
/// </summary>
public static class PlainTextReader
{
    private const int MaxTitleWords = 20;
    private const int MaxTitleChars = 160;
    private const int MaxStandfirstWords = 40;
    private const int MaxHeadingWords = 10;
    private const int MaxHeadingChars = 90;
    private const int MaxListItemWords = 20;
    private const int MaxBylineWords = 14;

    /// <summary>Reads <paramref name="text"/> (already decoded) into an article.</summary>
    /// <param name="text">The article's text.</param>
    /// <param name="path">How the host names the article, used in reports.</param>
    /// <param name="uri">Where it is published, when the host knows; never fetched.</param>
    public static Article Read(string text, string path = "-", Uri? uri = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = new SourceText(text);
        var units = TextUnitSplitter.Split(source);
        var blocks = ImmutableArray.CreateBuilder<Block>(units.Length + 2);
        var metadata = new MetadataCollector();

        var hasTitle = units.Length > 1 && IsTitleShaped(units[0]);
        var firstBody = hasTitle ? 1 : 0;
        var footerStart = FooterZone.FindStart([.. units.Select(u => u.Text)], firstBody);
        var inList = false;
        var seenParagraph = false;

        // Short entries each under its own "BY" line are a live blog, every author its own, unless a
        // "By" line further on heads a story: then they were a feed of other stories beside it.
        var feedAndStory = HasStoryByline(units, firstBody, footerStart);

        for (var i = 0; i < units.Length; i++)
        {
            var unit = units[i];
            if (i >= footerStart)
            {
                AddFooter(units, i, blocks, metadata);
                continue;
            }

            if (hasTitle && i == 0)
            {
                blocks.Add(Make(BlockKind.Title, Zone.Main, unit.Span, unit.Text));
                metadata.Title ??= new MetadataField(unit.Text, unit.Span);
                continue;
            }

            var span = TakeMetadataPrefix(unit, source, blocks, metadata, !seenParagraph);
            if (span.IsEmpty)
            {
                continue;
            }

            // The unit's text is the block's unless a date stamp was cut from its start: one copy of each line, not three.
            var rest = span == unit.Span ? unit.Text : source[span];
            var names = (!seenParagraph || (BylineText.OpensWithBy(rest) && (!feedAndStory || HeadsAStory(units, i + 1, footerStart)))) && BylineText.HasPrefix(rest) && unit.HasAtMostWords(MaxBylineWords) ? BylineText.Names(rest, requirePrefix: true) : [];
            if (names.Count > 0)
            {
                // "Posted by Etonde Maloke on Tuesday, September 20, 2016": the byline dates the story too.
                blocks.Add(Make(BlockKind.Byline, Zone.Main, span, rest));
                AddAuthors(metadata, rest, names, span.Start);
                if (metadata.Published is null && DateText.Find(rest) is { } date && date.Index > names[^1].End)
                {
                    metadata.Published = new MetadataField(date.Day, new TextSpan(span.Start + date.Index, date.Length));
                }

                continue;
            }

            var previous = i > 0 ? units[i - 1] : null;
            var kind = Classify(unit, previous, i, hasTitle, i + 1 < footerStart, ref inList);
            if (kind == BlockKind.Paragraph && !seenParagraph)
            {
                seenParagraph = true;
                MetadataLines.ReadLead(rest, SourceMap.Identity(span), metadata);
            }

            blocks.Add(Make(kind, Zone.Main, span, rest));
        }

        return new Article(path, ArticleFormat.Text, source, blocks.ToImmutable(), metadata.Build()) { Uri = uri };
    }

    private static bool HasStoryByline(ImmutableArray<TextUnit> units, int first, int footerStart)
    {
        var feedEntries = 0;
        for (var k = first; k < Math.Min(units.Length, footerStart); k++)
        {
            if (IsByLine(units[k]))
            {
                if (feedEntries >= 2 && Follows(units, k + 1, footerStart) == AfterByline.Story)
                {
                    return true;
                }

                feedEntries++;
            }
        }

        return false;
    }

    private static bool IsByLine(TextUnit unit) =>
        unit.HasAtMostWords(MaxBylineWords) && BylineText.OpensWithBy(unit.Text) && BylineText.HasPrefix(unit.Text);

    // A "By" line inside the text is a byline when a story follows it (two paragraphs of some length
    // before any other "By" line, a date stamp or a caption between them allowed) or when nothing
    // follows it but short lines (a sign-off). In a feed of other stories each "BY" line heads a
    // one-line teaser and a time stamp: those names are the teasers' authors, not the article's.
    private static bool HeadsAStory(ImmutableArray<TextUnit> units, int next, int footerStart) =>
        Follows(units, next, footerStart) != AfterByline.Teaser;

    private static AfterByline Follows(ImmutableArray<TextUnit> units, int next, int footerStart)
    {
        const int MinStoryParagraphChars = 100;
        const int MaxUnitsBeforeStory = 8;
        var paragraphs = 0;
        for (var k = next; k < Math.Min(units.Length, footerStart); k++)
        {
            if (units[k].Text.Length >= MinStoryParagraphChars)
            {
                if (++paragraphs == 2 && k - next < MaxUnitsBeforeStory)
                {
                    return AfterByline.Story;
                }
            }
            else if (IsByLine(units[k]))
            {
                return AfterByline.Teaser;
            }
        }

        return paragraphs == 0 ? AfterByline.SignOff : AfterByline.Teaser;
    }

    private static BlockKind Classify(TextUnit unit, TextUnit? previous, int index, bool hasTitle, bool hasNext, ref bool inList)
    {
        var text = unit.Text;
        if (IsBullet(text))
        {
            inList = true;
            return BlockKind.ListItem;
        }

        var unpunctuated = unit.LastChar is not ('.' or ',' or ';' or ':' or '!' or '"' or '”' or '\'' or '’' or ')');
        if (previous is not null && !unit.AfterBlank && (previous.LastChar == ':' || inList)
            && unpunctuated && unit.HasAtMostWords(MaxListItemWords))
        {
            inList = true;
            return BlockKind.ListItem;
        }

        inList = false;
        if (hasTitle && index == 1 && !unit.AfterBlank && unpunctuated && unit.HasAtMostWords(MaxStandfirstWords))
        {
            return BlockKind.Standfirst;
        }

        // A credit or note ("Originally published at …") is as short and bare as a heading, but
        // rules that read credits read body text, not headings.
        var headingShaped = hasNext && unpunctuated && unit.HasAtMostWords(MaxHeadingWords)
            && text.Length <= MaxHeadingChars && (char.IsUpper(text[0]) || char.IsDigit(text[0]))
            && (unit.LastChar != '?' || unit.HasAtMostWords(8))
            && !FooterZone.IsCreditOrNote(text);
        return headingShaped ? BlockKind.Heading : BlockKind.Paragraph;
    }

    private static bool IsBullet(string text) =>
        text.Length > 2 && ((text[0] is '-' or '*' or '•' or '–' && text[1] == ' ')
            || (char.IsDigit(text[0]) && (text[1] is '.' or ')') && text[2] == ' '));

    private static bool IsTitleShaped(TextUnit unit) =>
        unit.Text.Length <= MaxTitleChars && unit.LastChar != '.' && unit.HasAtMostWords(MaxTitleWords)
        && !MetadataLines.MatchDatePrefix(unit.Text).Success && MetadataLines.ReadByline(unit.Text).Count == 0 && MetadataLines.DateLine(unit.Text) is null;

    // A date stamp may stand alone or be glued to the start of the first paragraph
    // (" date 2024-03-21 Amid escalating tensions…"): it becomes its own metadata block. Above the
    // first paragraph, a line that is only a date is one too ("11/19/16, 3:14 PM CET"); further
    // down, such a line stamps a comment or a later entry, not the story.
    private static TextSpan TakeMetadataPrefix(TextUnit unit, SourceText source, ImmutableArray<Block>.Builder blocks, MetadataCollector metadata, bool head)
    {
        var match = MetadataLines.MatchDatePrefix(unit.Text);
        if (!match.Success)
        {
            if (head && unit.HasAtMostWords(8) && MetadataLines.DateLine(unit.Text) is { } line)
            {
                blocks.Add(Make(BlockKind.Metadata, Zone.Main, unit.Span, unit.Text));
                metadata.Published ??= new MetadataField(line.Day, new TextSpan(unit.Span.Start + line.Index, line.Length));
                return new TextSpan(unit.Span.End, 0);
            }

            return unit.Span;
        }

        var stamp = new TextSpan(unit.Span.Start, match.Length);
        blocks.Add(Make(BlockKind.Metadata, Zone.Main, stamp, source[stamp]));
        var date = match.Groups["date"];
        metadata.Published ??= new MetadataField(MetadataLines.NormaliseDate(date.Value), new TextSpan(unit.Span.Start + date.Index, date.Length));

        var restStart = stamp.End;
        while (restStart < unit.Span.End && char.IsWhiteSpace(source.Text[restStart]))
        {
            restStart++;
        }

        return TextSpan.FromBounds(restStart, unit.Span.End);
    }

    private static void AddFooter(ImmutableArray<TextUnit> units, int index, ImmutableArray<Block>.Builder blocks, MetadataCollector metadata)
    {
        var unit = units[index];
        var source = unit.Text;
        var isAuthorName = index > 0 && FooterZone.IsBioHeading(units[index - 1].Text) && MetadataLines.PersonName().IsMatch(source);
        var names = !isAuthorName && BylineText.HasPrefix(source) && unit.HasAtMostWords(MaxBylineWords) ? BylineText.Names(source, requirePrefix: true) : [];
        var kind = BlockKind.Footer;
        if (isAuthorName)
        {
            kind = BlockKind.Byline;
            metadata.AddAuthor(new MetadataField(source, unit.Span));
        }
        else if (names.Count > 0)
        {
            kind = BlockKind.Byline;
            AddAuthors(metadata, source, names, unit.Span.Start);
        }

        blocks.Add(Make(kind, Zone.Footer, unit.Span, unit.Text));
    }

    // A live blog bylines each entry; each person is one author, however many entries they wrote.
    private static void AddAuthors(MetadataCollector metadata, string text, IReadOnlyList<TextSpan> names, int offset)
    {
        foreach (var name in names)
        {
            metadata.AddAuthor(new MetadataField(text.Substring(name.Start, name.Length), new TextSpan(offset + name.Start, name.Length)));
        }
    }

    // A block whose text is the source's own at span, already taken from it by the caller.
    private static Block Make(BlockKind kind, Zone zone, TextSpan span, string text) => new(kind, zone, text, SourceMap.Identity(span));
}

/// <summary>What follows a "By" line inside a plain-text article.</summary>
internal enum AfterByline
{
    /// <summary>A story: two paragraphs of some length.</summary>
    Story,

    /// <summary>Nothing but short lines to the end: a sign-off.</summary>
    SignOff,

    /// <summary>A line or two and another "By" line, or scattered text: a teaser in a feed.</summary>
    Teaser,
}
