using Provenance.Hosting;

namespace Provenance.Cli;

/// <summary>What <c>provenance check</c> was asked to do: the engine's options, and what the command itself does with the results.</summary>
/// <param name="Paths">Files and folders to check; <c>-</c> is standard input.</param>
/// <param name="Engine">How the engine finds, configures and checks them.</param>
internal sealed record CheckRequest(IReadOnlyList<string> Paths, EngineOptions Engine)
{
    /// <summary>Report formats, each FORMAT or FORMAT=FILE.</summary>
    public IReadOnlyList<string> Formats { get; init; } = ["text"];

    /// <summary>A folder for per-article scorecards and the run index.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary>Whether to find the articles that share text, after the run (and in the scorecards' "Also published as").</summary>
    public bool FindCopies { get; init; }

    /// <summary>An archive (<c>provenance index add</c>) to look each article up in, listing what it holds of each after the report.</summary>
    public string? Against { get; init; }

    /// <summary>A baseline file whose findings are not reported.</summary>
    public string? BaselineFile { get; init; }

    /// <summary>Whether a progress line is drawn on the terminal.</summary>
    public bool ShowProgress { get; init; }

    /// <summary>The folder relative paths start from.</summary>
    public string BaseDirectory => Engine.BaseDirectory ?? Directory.GetCurrentDirectory();
}
