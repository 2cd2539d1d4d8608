using System.Globalization;
using Provenance.Analysis;
using Provenance.Rules;

namespace Provenance.Reporting;

/// <summary>
/// The MSBuild canonical error format (<c>path(line,col,endLine,endCol): warning PRV1234: message</c>),
/// which Visual Studio, VS Code problem matchers and most CI log parsers recognise. Findings only.
/// </summary>
public sealed class MsBuildReporter : IReporter
{
    /// <inheritdoc/>
    public string Name => "msbuild";

    /// <inheritdoc/>
    public void Write(CheckRun run, TextWriter writer) => Reporters.WriteWhole(this, run, writer);

    /// <inheritdoc/>
    public IRunWriter Open(RunInfo info, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return new Lines(writer);
    }

    private sealed class Lines(TextWriter writer) : IRunWriter
    {
        public void Add(RunItem item)
        {
            if (item.Report is not { } report)
            {
                writer.WriteLine($"{item.Path}(1,1): error {EngineDiagnostics.UnreadableArticle}: {item.Error}");
                return;
            }

            // A line per finding, written in pieces: no string is made for a line that is only passed
            // on. Four numbers, commas and brackets take at most 49 characters.
            Span<char> position = stackalloc char[64];
            foreach (var f in report.Analysis.Findings)
            {
                if (f.Severity == Severity.Hidden)
                {
                    continue;
                }

                var (start, end) = (f.Location.Start, f.Location.End);
                writer.Write(item.Path);
                if (f.IsArticleLevel)
                {
                    writer.Write("(1,1)");
                }
                else
                {
                    _ = position.TryWrite(CultureInfo.InvariantCulture, $"({start.Line},{start.Column},{end.Line},{end.Column})", out var length);
                    writer.Write(position[..length]);
                }

                writer.Write(": ");
                writer.Write(f.Severity.ToName());
                writer.Write(' ');
                writer.Write(f.RuleId);
                writer.Write(": ");
                writer.WriteLine(f.Message);
            }
        }

        public void Finish()
        {
        }
    }
}
