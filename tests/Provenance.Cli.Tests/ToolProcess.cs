using System.Diagnostics;

namespace Provenance.Cli.Tests;

/// <summary>The built tool run as a CI job runs it: <c>dotnet provenance.dll …</c> in a folder, to the end.</summary>
internal static class ToolProcess
{
    public static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "provenance.dll");

    /// <summary>Runs the tool with <paramref name="arguments"/> in <paramref name="directory"/> (with <c>CI=true</c> unless <paramref name="asInCi"/> is false).</summary>
    public static (int Code, string Output, string Error) Run(string directory, IEnumerable<string> arguments, bool asInCi = true)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (asInCi)
        {
            start.Environment["CI"] = "true";
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
