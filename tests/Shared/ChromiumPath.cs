namespace Provenance.Tests;

/// <summary>Debian's chromium for the browser tests: required in CI (.ci/run installs it), a skip elsewhere when missing.</summary>
internal static class ChromiumPath
{
    public static string Require()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            // In CI the browser is part of the set-up: missing there is a failure, not a skip.
            Environment.GetEnvironmentVariable("CI").ShouldBeNull("Chromium is not installed; .ci/run installs Debian's chromium package");
            Assert.Skip("Chromium is not installed here (apt-get install chromium, or set CHROMIUM); .ci/run installs it.");
        }

        return path;
    }
}
