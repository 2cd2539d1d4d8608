namespace Provenance.Tests;

/// <summary>Locates the repository's files from a test's output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string Rules => Path.Combine(Root, "rules");

    public static string Sample(string name) => Path.Combine(Samples, name);

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
