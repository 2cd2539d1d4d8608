using Provenance.Articles;

namespace Provenance.Hosting;

/// <summary>Finds the article files named on the command line, in a stable order.</summary>
internal static class ContentFiles
{
    /// <summary>The name standard input goes by in reports when its path is "-".</summary>
    public const string StandardInput = "-";

    /// <summary>Article file extensions and the format each is read as.</summary>
    public static IReadOnlyDictionary<string, ArticleFormat> Extensions => Reading.ArticleReaders.Extensions;

    /// <summary>The format a file is read as, by its extension; plain text for anything else named explicitly.</summary>
    public static ArticleFormat FormatOf(string path, IReadOnlyDictionary<string, ArticleFormat>? extensions = null) =>
        (extensions ?? Extensions).GetValueOrDefault(Path.GetExtension(path), ArticleFormat.Text);

    /// <summary>The extension table with <c>--type .ext=format</c> overrides applied.</summary>
    /// <exception cref="ProvenanceSetupException">An override is malformed.</exception>
    public static IReadOnlyDictionary<string, ArticleFormat> WithOverrides(IReadOnlyList<string>? overrides)
    {
        if (overrides is null || overrides.Count == 0)
        {
            return Extensions;
        }

        var table = new Dictionary<string, ArticleFormat>(Extensions, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in overrides)
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            var extension = parts[0].StartsWith('.') ? parts[0] : "." + parts[0];
            table[extension] = parts.Length == 2 && Reading.ArticleReaders.Named(parts[1]) is { } reader
                ? reader.Format
                : throw new ProvenanceSetupException($"--type {entry}: expected EXTENSION=FORMAT with FORMAT {Reading.ArticleReaders.NamesInWords} (--type .mdx=markdown)");
        }

        return table;
    }

    /// <summary>Expands files and folders into article files, sorted by display path.</summary>
    /// <exception cref="ProvenanceSetupException">A path does not exist.</exception>
    public static IReadOnlyList<(string FullPath, string DisplayPath)> Expand(IEnumerable<string> paths, string baseDirectory, IReadOnlyDictionary<string, ArticleFormat>? extensions = null)
    {
        extensions ??= Extensions;
        var found = new List<(string FullPath, string DisplayPath)>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                found.Add((StandardInput, StandardInput));
                continue;
            }

            var full = Path.GetFullPath(path, baseDirectory);
            if (File.Exists(full))
            {
                found.Add((full, Display(full, baseDirectory)));
            }
            else if (Directory.Exists(full))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint };
                foreach (var file in GitFiles(full) ?? Directory.EnumerateFiles(full, "*", options))
                {
                    // "~$story.docx" is the lock file Word keeps beside a document it has open, never an article.
                    if (extensions.ContainsKey(Path.GetExtension(file)) && !Path.GetFileName(file.AsSpan()).StartsWith("~$", StringComparison.Ordinal))
                    {
                        found.Add((file, Display(file, baseDirectory)));
                    }
                }
            }
            else
            {
                throw new ProvenanceSetupException($"{path}: no such file or folder");
            }
        }

        // One entry per shown path, in ordinal order of the shown path. Entries with one shown path
        // name one file, so which of them is kept does not matter.
        var shown = new string[found.Count];
        var fullPaths = new string[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            (fullPaths[i], shown[i]) = found[i];
        }

        Array.Sort(shown, fullPaths, StringComparer.Ordinal);
        var files = new List<(string FullPath, string DisplayPath)>(found.Count);
        for (var i = 0; i < shown.Length; i++)
        {
            if (i == 0 || shown[i] != shown[i - 1])
            {
                files.Add((fullPaths[i], shown[i]));
            }
        }

        return files;
    }

    // Inside a git work tree, git knows which files .gitignore (at every level) excludes; the
    // files it lists, tracked and untracked, are the ones a content team means.
    private static IEnumerable<string>? GitFiles(string directory)
    {
        if (!Directory.Exists(Path.Combine(directory, ".git")) && !HasGitAbove(directory))
        {
            return null;
        }

        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "." })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = System.Diagnostics.Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode != 0
                ? null
                : [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(f => Path.GetFullPath(Path.Combine(directory, f))).Where(File.Exists)];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static bool HasGitAbove(string directory)
    {
        for (var dir = Directory.GetParent(directory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A file's bytes, or null when it is longer than <paramref name="maxBytes"/> (its
    /// <paramref name="length"/> says by how much), decided before anything is read.
    /// </summary>
    public static byte[]? ReadAtMost(string fullPath, long maxBytes, out long length) => ReadAtMost(new FileInfo(fullPath), maxBytes, out length);

    /// <summary>As <see cref="ReadAtMost(string, long, out long)"/>, for a file already looked up.</summary>
    public static byte[]? ReadAtMost(FileInfo file, long maxBytes, out long length)
    {
        // Nothing to read is not opened: a named pipe also has no length, and opening one waits
        // for a writer that may never come.
        var fullPath = file.FullName;
        length = file.Exists ? file.Length : -1;
        if (length == 0)
        {
            return [];
        }

        // A handle and positional reads: a stream's buffering and bookkeeping cost more than the
        // read itself for a few kilobytes.
        using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        length = RandomAccess.GetLength(handle);
        if (length > maxBytes)
        {
            return null;
        }

        var bytes = new byte[length];
        var read = 0;
        while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is var count and > 0)
        {
            read += count;
        }

        // A file cut short while it was read is checked as it was read.
        return read == bytes.Length ? bytes : bytes[..read];
    }

    /// <summary>What is said of a file over the size limit.</summary>
    public static string TooLarge(long length, long maxBytes) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"the file is {length / 1048576.0:0.0} MB, larger than the {maxBytes / 1048576.0:0.#} MB limit (--max-file-size); it was not checked");

    // A segment starting with a dot ("./", "../", ".hidden") is left to GetRelativePath, which knows what it means.
    private static readonly string DotSegment = Path.DirectorySeparatorChar + ".";

    /// <summary>A path as reports show it: relative to the base with forward slashes, or absolute when outside it.</summary>
    public static string Display(string fullPath, string baseDirectory)
    {
        // Files found under the base folder (nearly all of them) are cut, not compared part by part.
        var cut = baseDirectory.Length > 0 && baseDirectory[^1] == Path.DirectorySeparatorChar ? baseDirectory.Length : baseDirectory.Length + 1;
        if (fullPath.Length > cut && fullPath.StartsWith(baseDirectory, StringComparison.Ordinal) && fullPath[cut - 1] == Path.DirectorySeparatorChar
            && !fullPath.AsSpan(cut).StartsWith("..") && !fullPath.AsSpan(cut).Contains(DotSegment, StringComparison.Ordinal))
        {
            return fullPath[cut..].Replace(Path.DirectorySeparatorChar, '/');
        }

        var relative = Path.GetRelativePath(baseDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
        return shown.Replace(Path.DirectorySeparatorChar, '/');
    }
}
