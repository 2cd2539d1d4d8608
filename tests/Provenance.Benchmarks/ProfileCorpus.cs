using Provenance.Articles;
using Provenance.Hosting;

namespace Provenance.Benchmarks;

/// <summary>The articles of a folder, read as the tool reads them, for the profiles to measure.</summary>
internal static class ProfileCorpus
{
    /// <summary>Every file under <paramref name="folder"/> in name order (the first <paramref name="max"/>), in the format its extension implies.</summary>
    public static (List<string> Files, List<Article> Articles) Read(string folder, int max = int.MaxValue)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(max).ToList();
        return (files, files.ConvertAll(ReadFile));
    }

    /// <summary>One file, in the format its extension implies (<see cref="ArticleLoader.FormatOf"/>).</summary>
    public static Article ReadFile(string file) => Article.Read(File.ReadAllText(file), ArticleLoader.FormatOf(file), file);
}
