namespace Provenance.Reporting;

/// <summary>Where per-article reports go inside a report folder: the article's own relative path, mirrored.</summary>
internal static class ReportPaths
{
    /// <summary>The report's path relative to the report folder, with forward slashes ("samples/a.txt.html").</summary>
    public static string For(string articlePath, string extension)
    {
        ArgumentNullException.ThrowIfNull(articlePath);
        var parts = articlePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p is not ("." or ".."))
            .Select(p => p.Replace(':', '_'));
        return string.Join('/', parts) + extension;
    }

    /// <summary>The relative link from the report folder's root to a file in it, and back.</summary>
    public static string Up(string reportPath) => string.Concat(Enumerable.Repeat("../", reportPath.Count(c => c == '/')));
}
