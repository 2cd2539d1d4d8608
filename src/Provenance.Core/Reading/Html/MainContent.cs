using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Provenance.Reading.Html;

/// <summary>
/// The article body one attempt found: the best candidate and the siblings that joined it, and,
/// as Readability's clean-up after the choice, what inside them is not body text: asides, small
/// share boxes, headings named like furniture, and link lists, forms and image strips that read
/// as page furniture by their text, link and image counts.
/// </summary>
internal sealed partial class MainContent
{
    private const int ShareBoxLength = 500;

    private readonly IElement?[] _containers;
    private readonly IElement?[] _enclosing;
    private readonly HashSet<IElement> _containerSet;
    private readonly Dictionary<IElement, ElementStats> _stats;
    private readonly RemovedElements _removed;
    private readonly ElementNames _names;
    private readonly ExtractionPass _pass;
    private readonly Dictionary<IElement, bool> _cleaned = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IElement, bool> _dataTables = new(ReferenceEqualityComparer.Instance);

    public MainContent(List<TextRun> runs, IElement top, HashSet<IElement> containers, Dictionary<IElement, ElementStats> stats, RemovedElements removed, ElementNames names, ExtractionPass pass)
    {
        Top = top;
        _containerSet = containers;
        _stats = stats;
        _removed = removed;
        _names = names;
        _pass = pass;
        _containers = new IElement?[runs.Count];
        _enclosing = new IElement?[runs.Count];
        var known = new Dictionary<IElement, IElement?>(ReferenceEqualityComparer.Instance);
        var path = new List<IElement>();
        for (var i = 0; i < runs.Count; i++)
        {
            var enclosing = Enclosing(runs[i], known, path);
            var container = enclosing is null || IsLeftOut(runs[i], enclosing) ? null : enclosing;
            _enclosing[i] = enclosing;
            _containers[i] = container;
            Characters += container is null ? 0 : runs[i].Length;
        }
    }

    /// <summary>The best candidate.</summary>
    public IElement Top { get; }

    /// <summary>The best candidate and the siblings that joined it.</summary>
    public IReadOnlyCollection<IElement> Containers => _containerSet;

    /// <summary>The same containers as a set, to ask whether an element is one.</summary>
    public IReadOnlySet<IElement> ContainerSet => _containerSet;

    /// <summary>The letters of body text found.</summary>
    public int Characters { get; }

    /// <summary>
    /// Whether <paramref name="element"/> holds no more text than a box of links or buttons does, or
    /// mostly links: a section of prose named like furniture ("sharing-with-a-single-developer") is
    /// still prose.
    /// </summary>
    public bool IsBoxSized(IElement element) =>
        _stats.GetValueOrDefault(element) is var stats && (stats.Characters < ShareBoxLength || ContentScorer.LinkDensity(stats) > 0.5);

    /// <summary>
    /// Whether <paramref name="element"/> is a figure: a <c>figure</c> holding an image and no more
    /// text than a caption has. Its text (a caption, a credit, an "Image" label) is not the story's.
    /// </summary>
    public bool IsImageFigure(IElement element) =>
        element.LocalName == "figure" && _stats.GetValueOrDefault(element) is { Images: > 0, Characters: < ShareBoxLength };

    /// <summary>The container of the run at <paramref name="index"/> when it is body text, else null.</summary>
    public IElement? ContainerOf(int index) => _containers[index];

    /// <summary>The container the run at <paramref name="index"/> sits in, whether or not it was cleaned out of the body.</summary>
    public IElement? EnclosingContainerOf(int index) => _enclosing[index];

    // Runs share their ancestors, so each element's container is found once: the walk stops at the
    // first element already known and fills in the ones it passed.
    private IElement? Enclosing(TextRun run, Dictionary<IElement, IElement?> known, List<IElement> path)
    {
        path.Clear();
        IElement? found = null;
        for (var e = run.Owner; e is not null; e = e.ParentElement)
        {
            if (_containerSet.Contains(e))
            {
                found = e;
                break;
            }

            if (known.TryGetValue(e, out found))
            {
                break;
            }

            path.Add(e);
        }

        foreach (var e in path)
        {
            known[e] = found;
        }

        return found;
    }

    private bool IsLeftOut(TextRun run, IElement container)
    {
        if (_removed.IsRemoved(run.Owner))
        {
            return true;
        }

        for (var e = run.Owner; e != container; e = e.ParentElement!)
        {
            if (IsCleaned(e, container))
            {
                return true;
            }
        }

        return container != Top && IsCleaned(container, container);
    }

    private bool IsCleaned(IElement element, IElement container)
    {
        if (!_cleaned.TryGetValue(element, out var cleaned))
        {
            cleaned = Clean(element, container);
            _cleaned[element] = cleaned;
        }

        return cleaned;
    }

    private bool Clean(IElement element, IElement container)
    {
        var tag = element.LocalName;
        var stats = _stats.GetValueOrDefault(element);
        if (tag == "aside")
        {
            return true;
        }

        if (element != container && stats.Characters < ShareBoxLength && _names.Traits(element).HasFlag(NameTraits.Share))
        {
            return true;
        }

        var weigh = _pass.HasFlag(ExtractionPass.WeightClasses);
        if (weigh && tag is "h1" or "h2" && _names.Weight(element) < 0)
        {
            return true;
        }

        return _pass.HasFlag(ExtractionPass.CleanConditionally) && tag is "form" or "fieldset" or "table" or "ul" or "div"
            && IsFurnitureByCounts(element, tag, stats, container, weigh ? _names.Weight(element) : 0);
    }

    // Readability's _cleanConditionally.
    private bool IsFurnitureByCounts(IElement element, string tag, ElementStats stats, IElement container, int weight)
    {
        if ((tag == "table" && IsDataTable(element)) || InsideDataTable(element, container) || RemovedElements.HasNearAncestor(element, "code") || HoldsDataTable(element, stats))
        {
            return false;
        }

        if (weight < 0)
        {
            return true;
        }

        if (stats.Commas >= 10)
        {
            return false;
        }

        var characters = stats.Characters;
        var isList = tag is "ul" or "ol" || (characters > 0 && (double)stats.ListCharacters / characters > 0.9);
        if (characters < 20 && (AdWords().IsMatch(element.TextContent.Trim()) || LoadingWords().IsMatch(element.TextContent.Trim())))
        {
            return true;
        }

        var paragraphs = stats.Paragraphs;
        var images = stats.Images;
        var headingDensity = characters == 0 ? 0 : (double)stats.HeadingCharacters / characters;
        var linkDensity = ContentScorer.LinkDensity(stats);
        var textDensity = characters == 0 ? 0 : (double)stats.TextishCharacters / characters;
        var inFigure = RemovedElements.HasNearAncestor(element, "figure");
        var remove = (!inFigure && images > 1 && (double)paragraphs / images < 0.5)
            || (!isList && stats.ListItems - 100 > paragraphs)
            || stats.Inputs > paragraphs / 3
            || (!isList && !inFigure && headingDensity < 0.9 && characters < 25 && (images == 0 || images > 2) && linkDensity > 0)
            || (!isList && weight < 25 && linkDensity > 0.2)
            || (weight >= 25 && linkDensity > 0.5)
            || (images == 0 && textDensity == 0);

        // A simple list of images stays.
        if (isList && remove && element.Children.All(c => c.ChildElementCount <= 1) && images == element.QuerySelectorAll("li").Length)
        {
            return false;
        }

        return remove;
    }

    private bool InsideDataTable(IElement element, IElement container)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.LocalName == "table" && IsDataTable(e))
            {
                return true;
            }

            if (e == container)
            {
                break;
            }
        }

        return false;
    }

    private bool HoldsDataTable(IElement element, ElementStats stats) =>
        stats.HasTableBelow && element.GetElementsByTagName("table").Any(IsDataTable);

    // Readability's _markDataTables: a table of data rather than of layout.
    private bool IsDataTable(IElement table)
    {
        if (_dataTables.TryGetValue(table, out var known))
        {
            return known;
        }

        var isData = false;
        if (table.GetAttribute("role") != "presentation")
        {
            var (rows, columns, dataCells, nested) = (0, 0, false, false);
            var caption = false;
            foreach (var e in table.Descendants<IElement>())
            {
                switch (e.LocalName)
                {
                    case "caption":
                        caption |= e.HasChildNodes;
                        break;
                    case "col" or "colgroup" or "tfoot" or "thead" or "th":
                        dataCells = true;
                        break;
                    case "table":
                        nested = true;
                        break;
                    case "tr":
                        rows++;
                        columns = Math.Max(columns, e.Children.Count(c => c.LocalName == "td"));
                        break;
                }
            }

            isData = caption || dataCells || (!nested && columns > 1 && rows > 1 && (rows >= 10 || columns > 4 || rows * columns > 10));
        }

        _dataTables[table] = isData;
        return isData;
    }

    [GeneratedRegex(@"^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdWords();

    [GeneratedRegex(@"^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LoadingWords();
}
