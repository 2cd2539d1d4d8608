using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Provenance.Analyzers;

/// <summary>
/// Reports Provenance's findings on a project's articles in the build: every AdditionalFiles item
/// with an article extension (.md, .html, .txt…) is read and checked by the same engine as
/// <c>provenance check</c>, and each finding is a diagnostic at the same line and column, with the
/// same id and message, so <c>.globalconfig</c> severities, <c>NoWarn</c>, <c>WarningsAsErrors</c>
/// and <c>-p:ErrorLog</c> apply as to any analyzer's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class ProvenanceAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Reported once per compilation when the engine cannot be loaded beside the analyzer.</summary>
    public const string EngineUnavailableId = "PRV0010";

    /// <summary>Reported at each error in a configuration file (provenance.json).</summary>
    public const string InvalidConfigurationId = "PRV0011";

    /// <summary>Each article's score and grade (info): the scorecard's first line, in the build.</summary>
    public const string ScoreId = "PRV0012";

    /// <summary>An article scores below the threshold its provenance.json (failBelow) or the project (ProvenanceFailBelow) sets.</summary>
    public const string BelowThresholdId = "PRV0013";

    private static readonly DiagnosticDescriptor Score = new(
        ScoreId,
        "Provenance score",
        "Provenance score {0}/100, grade {1} ({2})",
        "Analysis",
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "The article's score under the scoring model, as its scorecard gives it: in the error list and the SARIF log, not printed by the build.");

    private static readonly DiagnosticDescriptor BelowThreshold = new(
        BelowThresholdId,
        "Provenance score below the threshold",
        "Provenance score {0}/100 is below {1} ({2})",
        "Analysis",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The article scores below the least score its provenance.json (failBelow) or the project (the ProvenanceFailBelow property) accepts; set neither to report scores without failing.");

    private const string ConfigurationFile = "provenance.json";

    private static readonly DiagnosticDescriptor InvalidConfiguration = new(
        InvalidConfigurationId,
        "Invalid Provenance configuration",
        "{0}",
        "Analysis",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A provenance.json among the project's additional files has an error; until it is fixed, it does not apply to the articles below it.");

    private static readonly DiagnosticDescriptor EngineUnavailable = new(
        EngineUnavailableId,
        "Provenance's engine could not be loaded",
        "Provenance's engine could not be loaded beside the analyzer, so no article was checked: {0}",
        "Analysis",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The engine is .NET 10 code loaded from the analyzer's folder; it runs where the compiler runs on .NET (dotnet build, and IDEs that build with it), not in a compiler hosted on .NET Framework.",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    // Per instance, so an analyzer's supported ids and its reports agree; the engine behind it is
    // the process's (EngineLoader), kept between the compiler server's builds.
    private readonly Lazy<Loaded> _loaded = new(Load);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _loaded.Value.Supported;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var loaded = _loaded.Value;
            if (loaded.Engine is null)
            {
                start.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(EngineUnavailable, Location.None, loaded.Problem)));
                return;
            }

            // The configuration files among the additional files apply to the articles below them.
            var files = new List<KeyValuePair<string, string>>();
            var articles = 0;
            foreach (var additional in start.Options.AdditionalFiles)
            {
                if (IsConfiguration(additional.Path) && additional.GetText(start.CancellationToken) is { } json)
                {
                    files.Add(new KeyValuePair<string, string>(additional.Path, json.ToString()));
                }
                else if (loaded.Extensions.Contains(System.IO.Path.GetExtension(additional.Path)))
                {
                    articles++;
                }
            }

            var configuration = loaded.Engine.Configure(files, articles);
            start.RegisterAdditionalFileAction(file =>
            {
                if (IsConfiguration(file.AdditionalFile.Path))
                {
                    ReportErrors(file, configuration);
                }
                else
                {
                    Analyze(file, loaded, configuration);
                }
            });
        });
    }

    private static bool IsConfiguration(string path) => string.Equals(System.IO.Path.GetFileName(path), ConfigurationFile, StringComparison.OrdinalIgnoreCase);

    private static void ReportErrors(AdditionalFileAnalysisContext file, BuildConfiguration configuration)
    {
        foreach (var error in configuration.Errors)
        {
            if (error.Path == file.AdditionalFile.Path)
            {
                var at = new LinePosition(Math.Max(error.Line - 1, 0), Math.Max(error.Column - 1, 0));
                file.ReportDiagnostic(Diagnostic.Create(InvalidConfiguration, Location.Create(error.Path, default, new LinePositionSpan(at, at)), error.Message));
            }
        }
    }

    private static void Analyze(AdditionalFileAnalysisContext file, Loaded loaded, BuildConfiguration configuration)
    {
        var path = file.AdditionalFile.Path;
        if (!loaded.Extensions.Contains(System.IO.Path.GetExtension(path)) || file.AdditionalFile.GetText(file.CancellationToken) is not { } text)
        {
            return;
        }

        var content = text.ToString();
        var report = loaded.Engine!.Analyze(path, content, configuration);
        if (report.Score < 0)
        {
            return;
        }

        var article = Location.Create(path, default, new LinePositionSpan(default, default));
        file.ReportDiagnostic(Diagnostic.Create(Score, article, report.Score, report.Grade, report.Label));
        var (threshold, from) = report.FailBelow is { } configured ? (configured, "failBelow in provenance.json")
            : file.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.ProvenanceFailBelow", out var property)
              && int.TryParse(property, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var fromProject) ? (fromProject, "ProvenanceFailBelow")
            : (-1, string.Empty);
        if (report.Score < threshold)
        {
            file.ReportDiagnostic(Diagnostic.Create(BelowThreshold, article, report.Score, threshold, from));
        }

        // The code fixes get the deletions and the checksum of the text they were computed on,
        // so a fix is never made on a text that changed since.
        var fixAll = report.Fixes.Count == 0 ? null : FixProperties.Format(report.Fixes);
        var checksum = report.Fixes.Count == 0 ? null : FixProperties.Checksum(content);
        foreach (var finding in report.Findings)
        {
            if (!loaded.Descriptors.TryGetValue(finding.RuleId, out var descriptor))
            {
                continue;
            }

            // The engine counts lines and columns from 1; the compiler from 0, and adds 1 when it prints them.
            var lines = new LinePositionSpan(new LinePosition(finding.StartLine - 1, finding.StartColumn - 1), new LinePosition(finding.EndLine - 1, finding.EndColumn - 1));
            var span = new TextSpan(finding.Start, finding.Length);
            // At the severity provenance.json gives the rule for this article; .globalconfig, NoWarn
            // and WarningsAsErrors still have the last word, as for any analyzer.
            var properties = finding.Fix is { } fix
                ? ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Fix, FixProperties.Format(new[] { fix })).Add(FixProperties.FixAll, fixAll).Add(FixProperties.Text, checksum)
                : null;
            file.ReportDiagnostic(Diagnostic.Create(descriptor, Location.Create(path, span, lines), Severity(finding.Severity), null, properties, finding.Message));
        }
    }

    // Whatever goes wrong in loading the engine (a missing assembly, a contract of another
    // version) becomes one PRV0010, never a failing analyzer (AD0001).
    private static Loaded Load()
    {
        if (EngineLoader.TryLoad(out var problem) is not { } engine)
        {
            return new Loaded(null, problem, new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        }

        var descriptors = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var rule in engine.Rules)
        {
            descriptors[rule.Id] = Describe(rule);
        }

        return new Loaded(engine, null, descriptors, new HashSet<string>(engine.Extensions, StringComparer.OrdinalIgnoreCase));
    }

    private static DiagnosticSeverity Severity(BuildSeverity severity) => severity switch
    {
        BuildSeverity.Error => DiagnosticSeverity.Error,
        BuildSeverity.Warning => DiagnosticSeverity.Warning,
        BuildSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

    private static DiagnosticDescriptor Describe(BuildRule rule) => new(
        rule.Id,
        rule.Title,
        "{0}",
        rule.Category,
        Severity(rule.Severity),
        rule.Enabled,
        rule.Description,
        rule.HelpUri is { } help && Uri.IsWellFormedUriString(help, UriKind.Absolute) ? help : null,
        "Provenance");

    private sealed class Loaded
    {
        public Loaded(IArticleEngine? engine, string? problem, Dictionary<string, DiagnosticDescriptor> descriptors, HashSet<string> extensions)
        {
            Engine = engine;
            Problem = problem;
            Descriptors = descriptors;
            Extensions = extensions;
            Supported = descriptors.Values.Concat(new[] { EngineUnavailable, InvalidConfiguration, Score, BelowThreshold }).ToImmutableArray();
        }

        public IArticleEngine? Engine { get; }

        public string? Problem { get; }

        public Dictionary<string, DiagnosticDescriptor> Descriptors { get; }

        public HashSet<string> Extensions { get; }

        public ImmutableArray<DiagnosticDescriptor> Supported { get; }
    }
}
