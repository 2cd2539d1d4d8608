using Provenance.Quality;
using Provenance.Tests;

namespace Provenance.Quality.Tests;

/// <summary>
/// The quality benchmark's figures against the floors in tests/Provenance.Quality/floors.json: a
/// change that makes the checker judge real text worse fails here. The development articles live in
/// the shared data beside the repository (../shared/data), never in it; CI always has them, and a
/// run without them elsewhere is skipped with the reason.
/// </summary>
public sealed class QualityFloorTests
{
    private static readonly QualityPaths Paths = QualityPaths.Find(RepoPaths.Root);
    private static readonly Lazy<QualityReport> Report = new(() => QualityBenchmark.Run(Paths));

    public static TheoryData<string> FloorIds() => [.. Floors.Read(Paths.Floors).Limits.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(FloorIds))]
    public void Figure_holds_its_floor(string id)
    {
        var report = Measured();
        var floors = Floors.Read(Paths.Floors);
        report.Figures.ShouldContain(f => f.Id == id, $"floors.json names {id}, which the benchmark no longer measures");
        var figure = report[id];
        TestContext.Current.TestOutputHelper?.WriteLine($"{id} = {figure.Formatted} ({figure.Numerator}/{figure.Denominator})");
        floors.Failure(figure).ShouldBeNull(string.Join(Environment.NewLine, report.Misses.GetValueOrDefault(id, []).Take(20)));
    }

    [Fact]
    public void Every_figure_has_a_floor()
    {
        var floors = Floors.Read(Paths.Floors);
        Measured().Figures.Select(f => f.Id).Where(id => !floors.Limits.ContainsKey(id)).ShouldBeEmpty("each figure of the benchmark is held to a floor in floors.json");
    }

    private static QualityReport Measured()
    {
        if (!File.Exists(Paths.DevArticles) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Assert.Skip($"the shared development data is not at {Paths.DevArticles}");
        }

        return Report.Value;
    }
}
