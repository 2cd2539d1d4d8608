using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Provenance.Hosting;
using Provenance.Tests;
using static Provenance.Service.Tests.CheckEndpointTests;

namespace Provenance.Service.Tests;

/// <summary>
/// <c>POST /v1/archive/search</c> on the real service, over an archive of the sample articles made
/// the way <c>provenance index add</c> makes it.
/// </summary>
public sealed class ArchiveEndpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("provenance-archive-service-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string MakeArchive()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "published"));
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.txt"))
        {
            File.Copy(sample, Path.Combine(_dir, "published", Path.GetFileName(sample)));
        }

        var file = Path.Combine(_dir, "archive.db");
        using var archive = CopyArchive.Open(file);
        new ProvenanceEngine(new EngineOptions { BaseDirectory = _dir, FailOn = "none" }).Prepare(["published"]).IndexInto(archive);
        return file;
    }

    // The CNN sample's story under a new headline, with a closing paragraph of its own.
    private static string Reprint()
    {
        var paragraphs = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        return string.Join("\n\n", ["Israel hits Hezbollah again", .. paragraphs[1..5], "Residents said the strikes went on through the night, according to our correspondent."]);
    }

    [Fact]
    public async Task A_reprint_is_answered_with_the_archived_original_in_the_documented_shape()
    {
        using var factory = new ServiceFactory(new Dictionary<string, string?> { ["Provenance:Service:Archive"] = MakeArchive() });
        var client = factory.CreateClient();
        using var response = await client.PostAsync(new Uri("/v1/archive/search?path=incoming/reprint.txt", UriKind.Relative), Content(Reprint(), "text/plain"), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        answer["archive"]!.GetValue<string>().ShouldBe("archive.db");
        answer["archived"]!.GetValue<int>().ShouldBe(Directory.GetFiles(RepoPaths.Samples, "*.txt").Length);
        answer["path"]!.GetValue<string>().ShouldBe("incoming/reprint.txt");
        answer["compared"]!.GetValue<bool>().ShouldBeTrue();
        var match = answer["matches"]!.AsArray().ShouldHaveSingleItem()!;
        match["path"]!.GetValue<string>().ShouldBe("published/hezbollah-original-source-cnn.txt");
        match["share"]!.GetValue<double>().ShouldBeInRange(0.8, 0.99);
        match["archivedShare"]!.GetValue<double>().ShouldBe(1.0);
        match["lines"]![0]!.GetValue<int>().ShouldBe(3);

        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken))!;
        OpenApiResponseTests.SchemaFor(document, "ArchiveSearch").Evaluate(answer).IsValid.ShouldBeTrue();
        match.AsObject().Remove("lines");
        OpenApiResponseTests.SchemaFor(document, "ArchiveSearch").Evaluate(answer).IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task A_text_the_archive_does_not_hold_has_no_matches_and_a_service_without_an_archive_says_so()
    {
        using (var factory = new ServiceFactory(new Dictionary<string, string?> { ["Provenance:Service:Archive"] = MakeArchive() }))
        {
            var unrelated = "<p>The city council voted on Tuesday to extend the opening hours of the central library until nine in the evening, after a petition signed by two thousand residents.</p>";
            using var response = await factory.CreateClient().PostAsync(new Uri("/v1/archive/search?path=council.html", UriKind.Relative), Content(unrelated, "text/html"), TestContext.Current.CancellationToken);
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
            answer["compared"]!.GetValue<bool>().ShouldBeTrue();
            answer["matches"]!.AsArray().ShouldBeEmpty();
        }

        using (var factory = new ServiceFactory())
        {
            using var response = await factory.CreateClient().PostAsync(new Uri("/v1/archive/search", UriKind.Relative), Content(Reprint(), "text/plain"), TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("serve --archive FILE");
        }
    }

    [Fact]
    public async Task The_configured_copy_thresholds_apply_to_look_ups()
    {
        // The reprint passes the default thresholds (above); a configuration asking for more shared text than it has finds nothing.
        var config = Path.Combine(_dir, "provenance.json");
        File.WriteAllText(config, """{ "copies": { "minShingles": 5000 } }""");
        using var factory = new ServiceFactory(new Dictionary<string, string?> { ["Provenance:Service:Archive"] = MakeArchive(), ["Provenance:ConfigFile"] = config });
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/archive/search?path=reprint.txt", UriKind.Relative), Content(Reprint(), "text/plain"), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        answer["compared"]!.GetValue<bool>().ShouldBeTrue();
        answer["matches"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_archive_stops_start_up_naming_it()
    {
        var missing = Path.Combine(_dir, "nowhere.db");
        using var factory = new ServiceFactory(new Dictionary<string, string?> { ["Provenance:Service:Archive"] = missing });
        var error = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => factory.CreateClient());
        error.Failures.ShouldContain($"Provenance:Service:Archive is '{missing}', and there is no file there; 'provenance index add FOLDER --db {missing}' makes one");
    }
}
