namespace Provenance.Reporting;

/// <summary>Writes a run in one format. Output depends only on the run, so it is the same bytes every time.</summary>
public interface IReporter
{
    /// <summary>The format's name on the command line (<c>--format</c>).</summary>
    string Name { get; }

    /// <summary>Writes the run.</summary>
    void Write(CheckRun run, TextWriter writer);
}
