namespace Provenance.Benchmarks;

/// <summary>Finds the repository and the test data in it.</summary>
internal static class Paths
{
    public static string Root { get; } = FindRoot();

    public static string HtmlPage(string name) => Path.Combine(Root, "tests", "data", "third_party", "html-testpages", "pages", name, "source.html");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Provenance.sln")))
            {
                return dir.FullName;
            }
        }

        // BenchmarkDotNet runs from a generated folder under bin/; fall back to the working directory.
        return Directory.GetCurrentDirectory();
    }
}
