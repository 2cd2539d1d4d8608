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

    /// <summary>Reads <paramref name="text"/> (already decoded) into an article.</summary>
    /// <param name="text">The article's text.</param>
    /// <param name="path">How the host names the article, used in reports.</param>
    public static Article Read(string text, string path = "-")
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

            var span = TakeMetadataPrefix(unit, source, blocks, metadata);
            if (span.IsEmpty)
            {
                continue;
            }

            // The unit's text is the block's unless a date stamp was cut from its start: one copy of each line, not three.
            var rest = span == unit.Span ? unit.Text : source[span];
            var bylineMatch = MetadataLines.MatchByline(rest);
            if (bylineMatch.Success && unit.HasAtMostWords(14))
            {
                blocks.Add(Make(BlockKind.Byline, Zone.Main, span, rest));
                AddAuthors(metadata, bylineMatch.Groups["names"], span.Start);
                continue;
            }

            var previous = i > 0 ? units[i - 1] : null;
            var kind = Classify(unit, previous, i, hasTitle, i + 1 < footerStart, ref inList);
            if (kind == BlockKind.Paragraph && !seenParagraph)
            {
                seenParagraph = true;
                var dateline = MetadataLines.Dateline().Match(rest);
                if (dateline.Success)
                {
                    var place = dateline.Groups["place"];
                    metadata.Dateline ??= new MetadataField(place.Value, new TextSpan(span.Start + place.Index, place.Length));
                }
            }

            blocks.Add(Make(kind, Zone.Main, span, rest));
        }

        return new Article(path, ArticleFormat.Text, source, blocks.ToImmutable(), metadata.Build());
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
        && !MetadataLines.MatchDatePrefix(unit.Text).Success && !MetadataLines.MatchByline(unit.Text).Success;

    // A date stamp may stand alone or be glued to the start of the first paragraph
    // (" date 2024-03-21 Amid escalating tensions…"): it becomes its own metadata block.
    private static TextSpan TakeMetadataPrefix(TextUnit unit, SourceText source, ImmutableArray<Block>.Builder blocks, MetadataCollector metadata)
    {
        var match = MetadataLines.MatchDatePrefix(unit.Text);
        if (!match.Success)
        {
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
        var bylineMatch = MetadataLines.MatchByline(source);
        var kind = BlockKind.Footer;
        if (isAuthorName)
        {
            kind = BlockKind.Byline;
            metadata.Authors.Add(new MetadataField(source, unit.Span));
        }
        else if (bylineMatch.Success && unit.HasAtMostWords(14))
        {
            kind = BlockKind.Byline;
            AddAuthors(metadata, bylineMatch.Groups["names"], unit.Span.Start);
        }

        blocks.Add(Make(kind, Zone.Footer, unit.Span, unit.Text));
    }

    // "By A, B and C" lists names; "By A and B, Reuters" or "By A, Reuters" ends with an
    // affiliation. So the names end at the first comma after the "and", or at the first comma
    // when there is no "and".
    private static void AddAuthors(MetadataCollector metadata, System.Text.RegularExpressions.Group names, int offset)
    {
        var text = names.Value;
        var and = MetadataLines.NameConjunction().Match(text);
        var comma = text.IndexOf(',', and.Success ? and.Index : 0);
        var length = comma < 0 ? text.Length : comma;
        var position = 0;
        foreach (var separator in MetadataLines.NameSeparator().EnumerateMatches(names.ValueSpan[..length]))
        {
            AddAuthor(metadata, names, offset, position, separator.Index);
            position = separator.Index + separator.Length;
        }

        AddAuthor(metadata, names, offset, position, length);
    }

    private static void AddAuthor(MetadataCollector metadata, System.Text.RegularExpressions.Group names, int offset, int start, int end)
    {
        if (end > start)
        {
            metadata.Authors.Add(new MetadataField(names.Value[start..end], new TextSpan(offset + names.Index + start, end - start)));
        }
    }

    // A block whose text is the source's own at span, already taken from it by the caller.
    private static Block Make(BlockKind kind, Zone zone, TextSpan span, string text) => new(kind, zone, text, SourceMap.Identity(span));
}
