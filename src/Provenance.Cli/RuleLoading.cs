using Provenance.Hosting;
using Provenance.Rules;
using Provenance.Scoring;

namespace Provenance.Cli;

/// <summary>Loads rule packs and the scoring model as <see cref="RuleFolders"/> does, with its errors as usage errors (exit code 2).</summary>
internal static class RuleLoading
{
    /// <summary>How many articles to analyse make compiling the rules' expressions pay: it costs more than it saves on a handful.</summary>
    public const int CompileThreshold = 50;

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
