using Provenance.Rules;

namespace Provenance.Hosting;

/// <summary>Loads rule packs and the scoring model as <see cref="RuleFolders"/> does, deciding from a run's size whether the expressions are compiled and the outlet registry loaded at once.</summary>
internal static class RuleLoading
{
    /// <summary>
    /// How much text to analyse makes compiling the rules' expressions pay. Compiling costs about a
    /// second of a 2-core machine (code generation and JIT for some 150 expressions) and saves about
    /// 0.15 ms per 4 KB article: on generated articles 1,000 took 1.1-1.5 s interpreted against
    /// 2.0-2.4 s compiled, 2,000 took 2.0 s against 2.8 s, 5,000 (18.5 MB) about the same either
    /// way, 20,000 9.8 s against 7.7 s.
    /// </summary>
    public const long CompileAboveTextBytes = 20L * 1024 * 1024;

    // How many files' sizes are looked up to estimate a run's text.
    private const int SizeSamples = 64;

    /// <summary>
    /// About how much text the files hold: the sizes of up to 64 of them, spread through the list,
    /// scaled to all of them; a file counts the share of its bytes its format's reader says is text (a fifth of an HTML page).
    /// </summary>
    public static long ExpectedTextBytes(IReadOnlyList<string> fullPaths, IReadOnlyDictionary<string, Articles.ArticleFormat> extensions)
    {
        if (fullPaths.Count == 0)
        {
            return 0;
        }

        var step = Math.Max(1, fullPaths.Count / SizeSamples);
        double sampled = 0;
        var samples = 0;
        for (var i = 0; i < fullPaths.Count; i += step)
        {
            samples++;
            var file = new FileInfo(fullPaths[i]);
            if (fullPaths[i] != ContentFiles.StandardInput && file.Exists)
            {
                sampled += file.Length * Reading.ArticleReaders.For(ContentFiles.FormatOf(fullPaths[i], extensions)).TextShare;
            }
        }

        return (long)(sampled / samples * fullPaths.Count);
    }

    /// <summary>The built-in packs, or the packs of <paramref name="directory"/>, plus those of <paramref name="extraDirectories"/>.</summary>
    /// <exception cref="ProvenanceSetupException">A folder is missing or has no rule packs.</exception>
    /// <exception cref="Json.JsonLoadException">A file does not load.</exception>
    /// <param name="directory">A folder of rule packs, or null for the built-in packs.</param>
    /// <param name="baseDirectory">The folder relative paths start from.</param>
    /// <param name="extraDirectories">Folders of further packs, named by configuration files.</param>
    /// <param name="textBytes">About how much text will be analysed (<see cref="ExpectedTextBytes"/>): none loads nothing ahead; much compiles the expressions.</param>
    /// <param name="matchTimeout">The longest one match may take; the default limit when null.</param>
    public static RuleSet LoadRules(string? directory, string baseDirectory, IReadOnlyCollection<string>? extraDirectories = null, long textBytes = long.MaxValue, TimeSpan? matchTimeout = null)
    {
        var (limits, loadRegistryNow) = LoadingFor(textBytes);
        limits = matchTimeout is { } timeout && timeout != limits.MatchTimeout ? limits with { MatchTimeout = timeout } : limits;
        return RuleFolders.LoadRules(directory, baseDirectory, extraDirectories, limits, loadRegistryNow);
    }

    /// <summary>
    /// The built-in packs as a run with no rules folder, no cache and less text than
    /// <see cref="CompileAboveTextBytes"/> loads them: expressions interpreted, the registry loading alongside.
    /// </summary>
    public static RuleSet LoadForSmallRun() => LoadRules(null, AppContext.BaseDirectory, null, SmallRunText);

    /// <summary>
    /// Whether a run loading the rules with these arguments may take those <see cref="LoadForSmallRun"/>
    /// loaded: it would load the same, or rules that differ only in whether their expressions are
    /// compiled, which makes no difference when the built-in packs' expressions come precompiled
    /// (<paramref name="precompiled"/>, a ReadyToRun build). A large run of that build then takes
    /// the rules loaded at start-up too, instead of loading them again once its files are found
    /// while the other core waits.
    /// </summary>
    public static bool CanTakePreloaded(string? directory, IReadOnlyCollection<string>? extraDirectories, long textBytes, bool precompiled) =>
        directory is null && (extraDirectories is null || extraDirectories.Count == 0)
        && (PlanFor(textBytes) == PlanFor(SmallRunText) || (precompiled && PlanFor(textBytes).LoadRegistryNow));

    /// <summary>As <see cref="CanTakePreloaded(string?, IReadOnlyCollection{string}?, long, bool)"/> in this build.</summary>
    public static bool CanTakePreloaded(string? directory, IReadOnlyCollection<string>? extraDirectories, long textBytes) =>
        CanTakePreloaded(directory, extraDirectories, textBytes, Precompiled);

    // Any amount of text a small run might hold: the loading it gets is what counts.
    private const long SmallRunText = 1;

    /// <summary>
    /// The runtime configuration switch a ReadyToRun build sets (the CLI's project file), under
    /// which the built-in packs' expressions come from their code compiled ahead of time.
    /// </summary>
    public const string PrecompiledExpressionsSwitch = "Provenance.PrecompiledExpressions";

    private static (RuleLimits Limits, bool LoadRegistryNow) LoadingFor(long textBytes)
    {
        var (compile, loadRegistryNow) = PlanFor(textBytes);
        return (RuleLimits.Default with { CompileExpressions = compile, PrecompiledExpressions = Precompiled }, loadRegistryNow);
    }

    // How the amount of text decides the loading: the expressions compiled when it pays, the
    // registry loaded alongside the packs when any article will be analysed. Two flags, compared
    // as such: the limits' own equality goes through comparers of TimeSpan and bool that are
    // compiled at run time, a cost every check would pay for that one comparison.
    private static (bool Compile, bool LoadRegistryNow) PlanFor(long textBytes) => (textBytes >= CompileAboveTextBytes, textBytes > 0);

    private static bool Precompiled => AppContext.TryGetSwitch(PrecompiledExpressionsSwitch, out var on) && on;
}
