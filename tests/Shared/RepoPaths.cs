namespace Provenance.Tests;

/// <summary>Locates the repository's files from a test's output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string Rules => Path.Combine(Root, "rules");

    public static string Sample(string name) => Path.Combine(Samples, name);

    /// <summary>The saved real pages (tests/data/third_party/html-testpages), each page's source.html, in ordinal order.</summary>
    public static IEnumerable<string> TestPages =>
        Directory.GetFiles(Path.Combine(Root, "tests", "data", "third_party", "html-testpages", "pages"), "source.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>The sample articles and the saved real pages, the text every search is compared on.</summary>
    public static IEnumerable<string> SamplesAndTestPages =>
        Directory.GetFiles(Samples).Order(StringComparer.Ordinal).Concat(TestPages);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Provenance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Provenance.sln not found above " + AppContext.BaseDirectory);
    }
}
