namespace Provenance.Cli.Tests;

/// <summary>How a check estimates the text it will analyse, which decides whether the rules' expressions are compiled.</summary>
public sealed class RuleLoadingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("provenance-size-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Text_is_estimated_from_file_sizes_with_html_counted_at_a_fifth()
    {
        var files = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var path = Path.Combine(_dir, i % 3 == 0 ? $"p{i:000}.html" : $"a{i:000}.txt");
            File.WriteAllText(path, new string('x', 1000));
            files.Add(path);
        }

        // 200 text files of 1,000 bytes and 100 pages counted at 200 bytes each.
        var expected = (200 * 1000) + (100 * 200);
        var estimate = RuleLoading.ExpectedTextBytes(files, ContentFiles.Extensions);
        estimate.ShouldBeInRange((long)(expected * 0.9), (long)(expected * 1.1));
        RuleLoading.ExpectedTextBytes([], ContentFiles.Extensions).ShouldBe(0);
        RuleLoading.ExpectedTextBytes([Path.Combine(_dir, "gone.txt")], ContentFiles.Extensions).ShouldBe(0);
    }
}
