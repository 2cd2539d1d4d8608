using Provenance.Hosting;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Cli;

/// <summary>Loads rule packs and the scoring model as <see cref="RuleFolders"/> does, with its errors as usage errors (exit code 2).</summary>
internal static class RuleLoading
{
    /// <summary>
    /// How many articles to analyse make compiling the rules' expressions pay. Compiling costs about
    /// a second of a 2-core machine (code generation and JIT for some 150 expressions) and saves
    /// about 0.15 ms per article: on generated articles 1,000 took 1.1-1.5 s interpreted against
    /// 2.0-2.4 s compiled, 2,000 took 2.0 s against 2.8 s, 5,000 about the same either way, 20,000
    /// 9.8 s against 7.7 s.
    /// </summary>
    public const int CompileThreshold = 5000;

    /// <summary>The built-in packs, or the packs of <paramref name="directory"/>, plus those of <paramref name="extraDirectories"/>.</summary>
    /// <exception cref="UsageException">A folder is missing or has no rule packs.</exception>
    /// <exception cref="Json.JsonLoadException">A file does not load.</exception>
    public static RuleSet LoadRules(string? directory, string baseDirectory, IReadOnlyCollection<string>? extraDirectories = null, int articles = int.MaxValue)
    {
        var limits = RuleLimits.Default with { CompileExpressions = articles >= CompileThreshold };
        try
        {
            return RuleFolders.LoadRules(directory, baseDirectory, extraDirectories, limits, loadRegistryNow: articles > 0);
        }
        catch (ProvenanceSetupException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    /// <summary>The built-in scoring model, or the one in <paramref name="file"/>.</summary>
    public static ScoringModel LoadScoring(string? file, string baseDirectory)
    {
        try
        {
            return RuleFolders.LoadScoring(file, baseDirectory);
        }
        catch (ProvenanceSetupException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
