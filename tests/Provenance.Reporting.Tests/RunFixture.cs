using Provenance.Articles;
using Provenance.Reporting;
using Provenance.Tests;

namespace Provenance.Reporting.Tests;

/// <summary>The five samples checked once, for reporter tests.</summary>
internal static class RunFixture
{
    private static readonly Lazy<ProvenanceChecker> Checker = new(ProvenanceChecker.CreateDefault);

    public static ProvenanceChecker Default => Checker.Value;

    public static ReportContext Context(int? failBelow = null, Uri? docs = null) =>
        new("1.2.3", Default.Rules, Default.Scoring, Rules.Severity.Error, failBelow, new DateOnly(2026, 11, 21), false, docs);

    public static CheckRun Samples(Func<string, string>? edit = null)
    {
        var items = Directory.GetFiles(RepoPaths.Samples, "*.txt").Order(StringComparer.Ordinal).Select(file =>
        {
            var path = "samples/" + Path.GetFileName(file);
            var text = File.ReadAllText(file);
            return new RunItem(path, Default.Check(Article.FromText(edit?.Invoke(text) ?? text, path)), null);
        });
        return new CheckRun([.. items, new RunItem("samples/broken.txt", null, "the file is binary (it contains NUL bytes), not text")], Default.Rules.Packs, Default.Scoring.Version);
    }

    public static string Write(IReporter reporter, CheckRun run)
    {
        var writer = new StringWriter();
        reporter.Write(run, writer);
        return writer.ToString();
    }

    public static string Temp(string name, string contents)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("provenance-report-").FullName, name);
        File.WriteAllText(path, contents);
        return path;
    }
}
