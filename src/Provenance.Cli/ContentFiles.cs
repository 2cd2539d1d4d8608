using Provenance.Articles;

namespace Provenance.Cli;

/// <summary>Finds the article files named on the command line, in a stable order.</summary>
internal static class ContentFiles
{
    /// <summary>Article file extensions and the format each is read as.</summary>
    public static IReadOnlyDictionary<string, ArticleFormat> Extensions { get; } = new Dictionary<string, ArticleFormat>(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = ArticleFormat.Text,
        [".text"] = ArticleFormat.Text,
        [".md"] = ArticleFormat.Markdown,
        [".markdown"] = ArticleFormat.Markdown,
        [".html"] = ArticleFormat.Html,
        [".htm"] = ArticleFormat.Html,
    };

    /// <summary>The format a file is read as, by its extension; plain text for anything else named explicitly.</summary>
    public static ArticleFormat FormatOf(string path) => Extensions.GetValueOrDefault(Path.GetExtension(path), ArticleFormat.Text);

    /// <summary>Expands files and folders into article files, sorted by display path.</summary>
    /// <exception cref="UsageException">A path does not exist.</exception>
    public static IReadOnlyList<(string FullPath, string DisplayPath)> Expand(IEnumerable<string> paths, string baseDirectory)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, baseDirectory);
            if (File.Exists(full))
            {
                found.TryAdd(Display(full, baseDirectory), full);
            }
            else if (Directory.Exists(full))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint };
                foreach (var file in Directory.EnumerateFiles(full, "*", options))
                {
                    if (Extensions.ContainsKey(Path.GetExtension(file)))
                    {
                        found.TryAdd(Display(file, baseDirectory), file);
                    }
                }
            }
            else
            {
                throw new UsageException($"{path}: no such file or folder");
            }
        }

        return [.. found.Select(p => (p.Value, p.Key))];
    }

    /// <summary>A path as reports show it: relative to the base with forward slashes, or absolute when outside it.</summary>
    public static string Display(string fullPath, string baseDirectory)
    {
        var relative = Path.GetRelativePath(baseDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
        return shown.Replace(Path.DirectorySeparatorChar, '/');
    }
}

/// <summary>A problem with how the tool was called or configured: reported in one line, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
