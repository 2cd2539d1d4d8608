namespace Provenance.Cli;

/// <summary>Process exit codes, as ESLint and markdownlint use them.</summary>
internal static class ExitCodes
{
    /// <summary>The run completed.</summary>
    public const int Success = 0;

    /// <summary>The run completed and found problems at or above the failing level.</summary>
    public const int Findings = 1;

    /// <summary>Bad usage, configuration or rules: nothing was checked.</summary>
    public const int UsageError = 2;
}
