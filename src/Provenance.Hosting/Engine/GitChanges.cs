using System.Diagnostics;

namespace Provenance.Hosting;

/// <summary>Files changed since the merge base with a git ref, for checking only what a pull request touches.</summary>
internal static class GitChanges
{
    public static IReadOnlyList<(string FullPath, string DisplayPath)> Filter(IReadOnlyList<(string FullPath, string DisplayPath)> files, string reference, string baseDirectory)
    {
        var top = Git(baseDirectory, "rev-parse", "--show-toplevel").Trim();
        var mergeBase = Git(baseDirectory, "merge-base", reference, "HEAD").Trim();
        var changed = Git(top, "diff", "--name-only", "--diff-filter=ACMR", "-z", mergeBase)
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Concat(Git(top, "ls-files", "--others", "--exclude-standard", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => Path.GetFullPath(Path.Combine(top, p)))
            .ToHashSet(StringComparer.Ordinal);
        return [.. files.Where(f => changed.Contains(f.FullPath))];
    }

    private static string Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ProvenanceSetupException("--changed-since needs git, which could not be started");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new ProvenanceSetupException("--changed-since needs git, which is not installed");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var reason = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? $"git {arguments[0]} failed";
                throw new ProvenanceSetupException($"--changed-since: {reason.Trim()}");
            }

            return output.Result;
        }
    }
}
