using System.Globalization;
using System.Text;
using System.Xml;
using Provenance.Rules;

namespace Provenance.Reporting;

/// <summary>
/// JUnit XML, for CI systems that show test results: one test case per article, failing when the
/// article fails the policy (a finding at the failing severity, or a score under the threshold),
/// an error when the file could not be read. Times are left at zero so the file is reproducible.
/// </summary>
public sealed class JUnitReporter(ReportContext context) : IReporter
{
    /// <inheritdoc/>
    public string Name => "junit";

    /// <inheritdoc/>
    public void Write(CheckRun run, TextWriter writer) => Reporters.WriteWhole(this, run, writer);

    /// <inheritdoc/>
    public IRunWriter Open(RunInfo info, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(writer);
        return new Suites(this, info, writer);
    }

    // JUnit states its totals before its test cases: the items are kept until the run ends.
    private sealed class Suites(JUnitReporter reporter, RunInfo info, TextWriter writer) : IRunWriter
    {
        private readonly List<RunItem> _items = [];

        public void Add(RunItem item) => _items.Add(item);

        public void Finish() => reporter.WriteAll(new CheckRun([.. _items], info.Packs, info.ScoringVersion), writer);
    }

    private void WriteAll(CheckRun run, TextWriter writer)
    {
        var failures = run.Items.Count(i => i.Report is not null && context.Fails(i));
        var errors = run.Items.Count(i => i.Report is null);
        var tests = run.Items.Length.ToString(CultureInfo.InvariantCulture);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "provenance");
            xml.WriteAttributeString("tests", tests);
            xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("time", "0");
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "provenance check");
            xml.WriteAttributeString("tests", tests);
            xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("skipped", "0");
            xml.WriteAttributeString("time", "0");
            foreach (var item in run.Items)
            {
                WriteCase(xml, item);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.WriteLine();
    }

    private void WriteCase(XmlWriter xml, RunItem item)
    {
        xml.WriteStartElement("testcase");
        var slash = item.Path.LastIndexOf('/');
        xml.WriteAttributeString("classname", slash < 0 ? "." : item.Path[..slash]);
        xml.WriteAttributeString("name", item.Path);
        xml.WriteAttributeString("time", "0");
        if (item.Report is not { } report)
        {
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", item.Error ?? "the file could not be read");
            xml.WriteAttributeString("type", "unreadable");
            xml.WriteEndElement();
        }
        else
        {
            var card = report.Scorecard;
            var details = new StringBuilder();
            foreach (var f in report.Analysis.Findings.Where(f => f.Severity != Severity.Hidden))
            {
                details.Append(CultureInfo.InvariantCulture, $"{item.Path}({f.Location.Start.Line},{f.Location.Start.Column}): {f.Severity.ToName()} {f.RuleId}: {f.Message}\n");
            }

            if (context.FailureReason(report, item.Policy) is { } reason)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", $"{reason} (score {card.Score}/100, grade {card.Grade})");
                xml.WriteAttributeString("type", "provenance");
                xml.WriteString(details.ToString());
                xml.WriteEndElement();
            }

            xml.WriteStartElement("system-out");
            xml.WriteString($"score {card.Score}/100, grade {card.Grade} ({card.Label})\n{details}");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}
