using System;

namespace Provenance.Analyzers;

/// <summary>
/// Loads Provenance's engine from beside the analyzer: the analyzer and its code fixes share one
/// engine per process.
/// </summary>
public static class EngineLoader
{
    private const string EngineType = "Provenance.Analyzers.Engine.ArticleEngine, Provenance.Analyzers.Engine";

    private static readonly object Gate = new();

    // The one piece of process-wide state: the compiler server creates analyzers anew for every
    // compilation but keeps their assemblies loaded, so an engine kept here (its compiled rules,
    // the outlet registry, its bounded cache of reports) serves build after build. Only a loaded
    // engine is kept; a failure (a file locked while the analyzer is rebuilt) is tried again by
    // the next compilation.
    private static IArticleEngine? _engine;

    /// <summary>The engine, loaded on first use; null, with the reason in <paramref name="problem"/>, when it cannot be loaded.</summary>
    public static IArticleEngine? TryLoad(out string? problem)
    {
        problem = null;
        if (System.Threading.Volatile.Read(ref _engine) is { } loaded)
        {
            return loaded;
        }

        lock (Gate)
        {
            if (_engine is not null)
            {
                return _engine;
            }

            try
            {
                _engine = Create();
                return _engine;
            }
#pragma warning disable CA1031 // Whatever goes wrong (a missing assembly, a contract of another version) is reported, never thrown at the compiler.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                problem = $"{ex.GetType().Name}: {ex.Message}";
                return null;
            }
        }
    }

    // Apart from TryLoad, so that the engine's types are resolved inside its try.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IArticleEngine Create()
    {
        // Resolved from the analyzer's own folder by the compiler's analyzer loader.
        var type = Type.GetType(EngineType, throwOnError: true)!;
        return (IArticleEngine)Activator.CreateInstance(type)!;
    }
}
