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
}
