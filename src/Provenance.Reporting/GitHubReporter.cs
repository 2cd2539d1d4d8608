using Provenance.Rules;

namespace Provenance.Reporting;

/// <summary>
/// GitHub Actions workflow commands: each finding becomes an annotation on its line of the pull
/// request (<c>::warning file=…,line=…::message</c>); info findings are notices; each article's score
/// is a notice on its first line, or an error saying why when the article fails its policy.
/// </summary>
public sealed class GitHubReporter(ReportContext context) : IReporter
{
    /// <inheritdoc/>
    public string Name => "github";

    /// <inheritdoc/>
    public void Write(CheckRun run, TextWriter writer) => Reporters.WriteWhole(this, run, writer);

    /// <inheritdoc/>
    public IRunWriter Open(RunInfo info, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return new Commands(context, writer);
    }

    private sealed class Commands(ReportContext context, TextWriter writer) : IRunWriter
    {
        public void Finish()
        {
        }

        public void Add(RunItem item)
        {
            if (item.Report is not { } report)
            {
                writer.WriteLine($"::error file={Property(item.Path)},line=1,title={Property("PRV0001 Article could not be read")}::{Data(item.Error ?? string.Empty)}");
                return;
            }

            foreach (var f in report.Analysis.Findings.Where(f => f.Severity != Severity.Hidden))
            {
                var command = f.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
                var title = $"{f.RuleId} {context.Rules.Find(f.RuleId)?.Descriptor.Title ?? f.Category}";
                var position = f.IsArticleLevel
                    ? "line=1"
                    : $"line={f.Location.Start.Line},col={f.Location.Start.Column},endLine={f.Location.End.Line},endColumn={f.Location.End.Column}";
                writer.WriteLine($"::{command} file={Property(item.Path)},{position},title={Property(title)}::{Data(f.Message)}");
            }

            // A failing article is an error annotation saying why, so the check run's summary lists it.
            var card = report.Scorecard;
            var scoreTitle = Property($"Provenance score {card.Score}/100, grade {card.Grade}");
            writer.WriteLine(context.FailureReason(report, item.Policy) is { } reason
                ? $"::error file={Property(item.Path)},line=1,title={scoreTitle}::{Data($"Fails: {reason} ({card.Label})")}"
                : $"::notice file={Property(item.Path)},line=1,title={scoreTitle}::{Data(card.Label)}");
        }
    }

    // Workflow command escaping: data escapes %, CR and LF; properties also : and ,.
    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
