using System.Reflection;
using Provenance.Hosting;
using Provenance.Reporting;
using Provenance.Service;
using Provenance.Tests;
using PublicApiGenerator;

namespace Provenance.Service.Tests;

/// <summary>
/// The libraries' public API is tracked: each assembly's public surface, as PublicApiGenerator
/// prints it, is checked in under docs/api, so a change to it shows in review. Regenerate with
/// <c>PROVENANCE_WRITE_API=1 dotnet test tests/Provenance.Service.Tests --filter PublicApi</c>.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Assemblies => ["Provenance.Core", "Provenance.Reporting", "Provenance.Hosting", "Provenance.Service"];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void The_public_api_is_the_one_checked_in(string name)
    {
        var assembly = new[] { typeof(ProvenanceChecker), typeof(JsonReporter), typeof(ProvenanceEngine), typeof(ProvenanceServer) }
            .Select(t => t.Assembly)
            .Single(a => a.GetName().Name == name);
        // The compiler's state machines are named by the order of the methods in their class: an
        // internal method added above an iterator renamed them, and the API seemed to change.
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes =
            [
                typeof(AssemblyMetadataAttribute).FullName!, "System.Runtime.Versioning.TargetFrameworkAttribute", "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
                "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute", "System.Runtime.CompilerServices.AsyncStateMachineAttribute", "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
            ],
        })
            .ReplaceLineEndings("\n");
        var file = Path.Combine(RepoPaths.Root, "docs", "api", name + ".txt");
        if (Environment.GetEnvironmentVariable("PROVENANCE_WRITE_API") == "1")
        {
            File.WriteAllText(file, api);
        }

        File.Exists(file).ShouldBeTrue($"{file} is missing; write it with PROVENANCE_WRITE_API=1");
        api.ShouldBe(File.ReadAllText(file).ReplaceLineEndings("\n"), $"the public API of {name} changed; if that is meant, regenerate docs/api with PROVENANCE_WRITE_API=1 and review the diff");
    }
}
