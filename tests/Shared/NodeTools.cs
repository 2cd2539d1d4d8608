using System.Diagnostics;

namespace Provenance.Tests;

/// <summary>
/// Runs the real validators the tests rely on (ajv, junit2json, an OpenAPI validator, Playwright) from tests/schema, installing them
/// with npm ci on first use: a fresh clone needs nothing installed by hand.
/// </summary>
internal static class NodeTools
{
    private static readonly Lazy<bool> Installed = new(Install);

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "schema");

    public static string SarifSchema => Path.Combine(Folder, "node_modules", "@microsoft", "jest-sarif", "lib", "schemas", "sarif-2.1.0-rtm.5.json");

    public static string Run(params string[] arguments)
    {
        _ = Installed.Value;
        return Execute("node", arguments);
    }

    private static bool Install()
    {
        // Every dependency in package.json must be present: a checkout that added one reinstalls.
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "package.json")));
        var missing = manifest.RootElement.GetProperty("dependencies").EnumerateObject()
            .Any(d => !File.Exists(Path.Combine(Folder, "node_modules", d.Name, "package.json")));
        if (missing)
        {
            Execute("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
        }

        return true;
    }

    private static string Execute(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr}");
        }

        return stdout.Result;
    }
}
