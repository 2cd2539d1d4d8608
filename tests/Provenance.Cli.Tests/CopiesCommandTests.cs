using System.Text.Json;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary><c>provenance copies</c> run as a user runs it, on the samples and a rewrite of one.</summary>
public sealed class CopiesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("provenance-copies-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_rewrite_is_named_with_its_original_and_where_the_text_is_in_text_and_json()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "content"));
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.txt"))
        {
            File.Copy(sample, Path.Combine(_dir, "content", Path.GetFileName(sample)));
        }

        // An aggregator's copy: a new headline and a newsletter prompt the rules read as padding.
        var original = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        File.WriteAllText(Path.Combine(_dir, "content", "zz-aggregator.txt"), string.Join("\n\n", ["Israel hits Hezbollah again", .. original.Skip(1), "Get your daily dose of news by entering your email address below."]));

        var (code, output, error) = ToolProcess.Run(_dir, ["copies", "content"]);
        code.ShouldBe(0, error);
        var lines = output.Split('\n');
        lines[0].ShouldBe("1 group of articles share text: 2 of 6 articles compared (6 read)");
        output.ShouldContain("content/hezbollah-original-source-cnn.txt, content/zz-aggregator.txt");
        output.ShouldMatch(@"content/(zz-aggregator|hezbollah-original-source-cnn)\.txt: 100% of its text also appears in content/\S+ \(lines 3–\d+ ↔ lines 3–\d+\)");

        var (jsonCode, json, _) = ToolProcess.Run(_dir, ["copies", "content", "--format", "json"]);
        jsonCode.ShouldBe(0);
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("compared").GetInt32().ShouldBe(6);
        var pair = document.RootElement.GetProperty("clusters").EnumerateArray().Single().GetProperty("pairs").EnumerateArray().Single();
        pair.GetProperty("first").GetString().ShouldBe("content/hezbollah-original-source-cnn.txt");
        pair.GetProperty("firstShare").GetDouble().ShouldBe(1.0);
        pair.GetProperty("firstLines")[0].GetInt32().ShouldBe(3);

        ToolProcess.Run(_dir, ["copies", "content", "--min-share", "1.5"]).Error.ShouldContain("--min-share expects a share between 0 and 1");
    }
}
