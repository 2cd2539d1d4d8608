using Provenance.Corpus;

namespace Provenance.Hosting;

/// <summary>What an addition to an archive did.</summary>
/// <param name="Added">Articles new to the archive.</param>
/// <param name="Updated">Articles stored before under the same path whose text changed.</param>
/// <param name="Unchanged">Articles stored before with the same text, left as they were.</param>
/// <param name="Total">The articles the archive holds now.</param>
public sealed record ArchiveAddition(int Added, int Updated, int Unchanged, int Total);

/// <summary>An archived article that shares text with the one searched for.</summary>
/// <param name="Path">Its path as it was added.</param>
/// <param name="Site">Its site, when its page or metadata named one.</param>
/// <param name="Published">Its publication date, when it declared one.</param>
/// <param name="Title">Its title, when it had one.</param>
/// <param name="Added">When it was added to the archive.</param>
/// <param name="Side">The text shared, from the searched article's side: <see cref="CopySide.Share"/> of its text is in the archived one, at <see cref="CopySide.Lines"/>.</param>
public sealed record ArchiveMatch(string Path, string? Site, DateOnly? Published, string? Title, DateTimeOffset Added, CopySide Side);

/// <summary>What a search of an archive found for a run's articles (<see cref="EngineRun.SearchArchive"/>).</summary>
/// <param name="Articles">The articles read.</param>
/// <param name="Compared">Those long enough to compare.</param>
/// <param name="Archived">The articles the archive holds.</param>
/// <param name="Found">The articles with text in the archive, in the run's order.</param>
public sealed record ArchiveSearch(int Articles, int Compared, int Archived, IReadOnlyList<ArchiveResult> Found);

/// <summary>One article and the archived articles that share its text.</summary>
/// <param name="Path">The article's path.</param>
/// <param name="Title">Its title, when it has one.</param>
/// <param name="Matches">The archived articles, most of its text first.</param>
public sealed record ArchiveResult(string Path, string? Title, IReadOnlyList<ArchiveMatch> Matches);

/// <summary>
/// Looks a run's articles up in an archive one at a time, as they are checked (<c>check
/// --against</c>): what <see cref="EngineRun.SearchArchive"/> does for a whole run. Items must keep their text.
/// </summary>
public sealed class ArchiveLookups(CopyArchive archive, CopyOptions? options = null)
{
    private readonly List<ArchiveResult> _found = [];
    private int _read;
    private int _compared;

    /// <summary>Looks one checked article up; an article too short for a shingle is only counted, an unreadable file not even that.</summary>
    public void Add(Reporting.RunItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Report is not { } report)
        {
            return;
        }

        _read++;
        if (CopyCollector.PrintOf(report) is not var (print, _))
        {
            return;
        }

        _compared++;
        if (archive.Find(print, options) is { Count: > 0 } matches)
        {
            _found.Add(new ArchiveResult(print.Path, report.Article.Metadata.Title?.Value, matches));
        }
    }

    /// <summary>What was found for the articles added, in their order.</summary>
    public ArchiveSearch Search() => new(_read, _compared, archive.Count, [.. _found]);
}
