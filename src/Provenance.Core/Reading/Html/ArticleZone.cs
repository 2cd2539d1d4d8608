using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Provenance.Reading.Html;

/// <summary>
/// Where the article stands in its page: from the container of its headline (a dateline or a
/// kicker may sit just above the headline) to the end of its body. A byline or a date inside it is
/// the article's; one before it or after it belongs to the masthead, a sidebar, a teaser or the comments.
/// </summary>
internal sealed partial class ArticleZone
{
    private readonly int _start;
    private readonly int _head;
    private readonly int _end;
    private readonly IElement? _title;
    private readonly IReadOnlySet<IElement> _main;

    /// <summary>The zone from the headline's container to the end of the body.</summary>
    /// <param name="title">The headline element, if the page has one.</param>
    /// <param name="main">The body's containers.</param>
    /// <param name="bodyStart">Where the body's first block starts in the source.</param>
    /// <param name="textStart">Where the body's first paragraph of running text starts: the end of the article's head.</param>
    /// <param name="bodyEnd">Where the body's last block ends in the source.</param>
    public ArticleZone(IElement? title, IReadOnlySet<IElement> main, int bodyStart, int textStart, int bodyEnd)
    {
        _title = title;
        _main = main;
        var head = title?.ParentElement is { LocalName: not ("body" or "html") } parent ? parent : title;
        Head = head;
        _start = head is null ? bodyStart : Math.Min(Offset(head), bodyStart);
        _end = Math.Max(Math.Max(bodyEnd, title is null ? 0 : Offset(title)), _start);
        _head = Math.Clamp(textStart, _start, _end);
    }

    /// <summary>The headline's container, where the zone starts; null when the page has no headline.</summary>
    public IElement? Head { get; }

    /// <summary>Whether the element is the headline, inside it or around it.</summary>
    public bool IsHeadline(IElement element) => _title is not null && (element.Contains(_title) || _title.Contains(element));

    /// <summary>Whether the element starts after the article's head: past the body's first paragraph of running text.</summary>
    public bool AfterHead(IElement element) => Offset(element) > _head;

    /// <summary>Whether the element starts inside the zone.</summary>
    public bool Contains(IElement element)
    {
        var offset = Offset(element);
        return offset >= _start && offset <= _end;
    }

    /// <summary>Whether the element starts in the article's head: from the headline's container to the body's first paragraph.</summary>
    public bool InHead(IElement element)
    {
        var offset = Offset(element);
        return offset >= _start && offset <= _head;
    }

    /// <summary>Whether the element starts before the zone.</summary>
    public bool Before(IElement element) => Offset(element) < _start;

    /// <summary>Whether a source offset is before the zone.</summary>
    public bool Before(int offset) => offset < _start;

    /// <summary>Whether the element starts after the zone.</summary>
    public bool After(IElement element) => Offset(element) > _end;

    /// <summary>Whether the element is inside one of the body's containers.</summary>
    public bool InMain(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (_main.Contains(e))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the element is inside navigation, a sidebar, a list of other stories, the comments
    /// or other furniture, where bylines and dates are other people's and other stories'. A
    /// container that holds the headline or the body is the article's, whatever it is called.
    /// </summary>
    public bool IsFurniture(IElement element)
    {
        for (var e = element.ParentElement; e is not null && e.LocalName != "body"; e = e.ParentElement)
        {
            if (_main.Contains(e) || (_title is not null && e.Contains(_title)) || _main.Any(e.Contains))
            {
                return false;
            }

            if (e.LocalName is "nav" or "menu" || e.GetAttribute("role") == "navigation"
                || (e.ClassName is not null && NotTheArticle().IsMatch(e.ClassName)) || (e.Id is not null && NotTheArticle().IsMatch(e.Id)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the element is in a table that does not also hold the headline: a data table, not the page's layout.</summary>
    public bool InDataTable(IElement element)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.LocalName == "table")
            {
                return _title is null || !e.Contains(_title);
            }
        }

        return false;
    }

    // Elements the parser made without a tag of their own (an implied tbody) stand where their parent does.
    private static int Offset(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.SourceReference is { } reference)
            {
                return reference.Position.Position - 1;
            }
        }

        return 0;
    }

    // Containers of other people's words and other stories: ContentScorer's furniture without the
    // headers and share bars an article's own byline often sits in.
    [GeneratedRegex(@"comment|\b(?:nav|navbar|navigation|menu|breadcrumbs?|related|recommend\w*|promo\w*|newsletter|subscribe|advert\w*|ads?|sponsor\w*|sidebar|side-?bar|rail|widget|trending|most-?popular|more-?stories|popular|outbrain|taboola|site-?footer|global-?footer)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotTheArticle();
}
