using AngleSharp.Dom;

namespace Provenance.Reading.Html;

/// <summary>Which of Readability's heuristics an attempt at the body uses.</summary>
[Flags]
internal enum ExtractionPass
{
    None = 0,

    /// <summary>Leave out elements whose names say no article is inside (headers, comments, sidebars…).</summary>
    StripUnlikely = 1,

    /// <summary>Weigh candidates by their class and id names.</summary>
    WeightClasses = 2,

    /// <summary>Clean link lists, forms, image strips and other non-prose out of the body.</summary>
    CleanConditionally = 4,

    /// <summary>Every heuristic.</summary>
    All = StripUnlikely | WeightClasses | CleanConditionally,
}

/// <summary>
/// The elements an attempt leaves out before scoring, with everything under them: on the first
/// attempt, those whose class, id or role marks them as unlikely to hold the article. Each element
/// is judged once, with its ancestors.
/// </summary>
internal sealed class RemovedElements(ElementNames names, ExtractionPass pass)
{
    private readonly Dictionary<IElement, bool> _known = new(ReferenceEqualityComparer.Instance);
    private readonly List<IElement> _path = [];
    private readonly bool _strip = pass.HasFlag(ExtractionPass.StripUnlikely);

    /// <summary>Whether <paramref name="element"/> or one of its ancestors is left out.</summary>
    public bool IsRemoved(IElement element)
    {
        if (!_strip)
        {
            return false;
        }

        _path.Clear();
        var removed = false;
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (_known.TryGetValue(e, out var known))
            {
                removed = known;
                break;
            }

            _path.Add(e);
        }

        for (var i = _path.Count - 1; i >= 0; i--)
        {
            removed = removed || IsUnlikely(_path[i]);
            _known[_path[i]] = removed;
        }

        return removed;
    }

    /// <summary>Whether one of the four elements above <paramref name="element"/> is a <paramref name="tag"/> (Readability's default reach).</summary>
    public static bool HasNearAncestor(IElement element, string tag)
    {
        var e = element.ParentElement;
        for (var depth = 0; e is not null && depth <= 3; e = e.ParentElement, depth++)
        {
            if (e.LocalName == tag)
            {
                return true;
            }
        }

        return false;
    }

    // Layout tables put whole pages in cells named like anything; a name inside one says little.
    private bool IsUnlikely(IElement element) =>
        names.Traits(element).HasFlag(NameTraits.Unlikely) && !HasNearAncestor(element, "table") && !HasNearAncestor(element, "code");
}
