using Provenance.Hosting;
using Provenance.Json;

namespace Provenance.Cli;

/// <summary>How every command reports what stops a run before it starts: one line for a usage problem, every error with its place for files that do not load.</summary>
internal static class EngineErrors
{
    /// <summary>Writes the problem if <paramref name="exception"/> is one the engine raises for bad usage or files; false (nothing written) for any other.</summary>
    public static bool Report(Exception exception, TextWriter error)
    {
        switch (exception)
        {
            case ProvenanceSetupException setup:
                error.WriteLine($"provenance: {setup.Message}");
                return true;
            case JsonLoadException load:
                foreach (var problem in load.Errors)
                {
                    error.WriteLine(problem.ToString());
                }

                error.WriteLine($"provenance: {load.Errors.Count} error(s) in the rules or configuration; nothing was checked.");
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Writes the problem if <paramref name="exception"/> is one an archive raises (not an
    /// archive, unreadable, locked past SQLite's wait, the disk full); false for any other.
    /// </summary>
    /// <param name="exception">What was thrown.</param>
    /// <param name="archive">The archive, as the user named it.</param>
    /// <param name="writing">Whether the command was writing it: then nothing it wrote was committed.</param>
    /// <param name="error">Where the problem is written.</param>
    public static bool ReportArchive(Exception exception, string archive, bool writing, TextWriter error)
    {
        switch (exception)
        {
            case InvalidDataException or IOException or UnauthorizedAccessException:
                error.WriteLine($"provenance: {exception.Message}");
                return true;
            case Microsoft.Data.Sqlite.SqliteException sqlite:
                error.WriteLine($"provenance: {archive}: {sqlite.Message.TrimEnd('.')}{(writing ? "; the archive is as it was before this command" : string.Empty)}");
                return true;
            default:
                return false;
        }
    }
}
