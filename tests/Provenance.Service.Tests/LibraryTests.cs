using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Provenance.Articles;
using Provenance.Hosting;
using Provenance.Tests;

namespace Provenance.Service.Tests;

/// <summary>The embedding surface: AddProvenance with options from configuration, async reading, cancellation, and one checker shared by many threads.</summary>
public sealed class LibraryTests
{
    [Fact]
    public void AddProvenance_binds_rule_folders_and_thresholds_from_configuration()
    {
        var folder = Directory.CreateTempSubdirectory("provenance-lib-").FullName;
        File.Copy(Path.Combine(RepoPaths.Rules, "commercial.rules.json"), Path.Combine(folder, "commercial.rules.json"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Provenance:RulesDirectory"] = folder,
            ["Provenance:FailBelow"] = "40",
            ["Provenance:MatchTimeout"] = "00:00:01",
        }).Build();
        using var provider = new ServiceCollection().AddProvenance(configuration.GetSection("Provenance")).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value;
        options.FailBelow.ShouldBe(40);
        options.MatchTimeout.ShouldBe(TimeSpan.FromSeconds(1));
        var checker = provider.GetRequiredService<ProvenanceChecker>();
        checker.Rules.Packs.Select(p => p.Name).ShouldBe(["provenance.commercial"]);
        provider.GetRequiredService<ProvenanceChecker>().ShouldBeSameAs(checker);
    }

    [Fact]
    public void AddProvenance_with_code_adds_rule_folders_to_the_built_in_packs()
    {
        var folder = Directory.CreateTempSubdirectory("provenance-lib-").FullName;
        var pack = File.ReadAllText(Path.Combine(RepoPaths.Rules, "commercial.rules.json"))
            .Replace("\"provenance.commercial\"", "\"newsroom.house\"", StringComparison.Ordinal)
            .Replace("PRV4", "PRV9", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "house.rules.json"), pack);
        using var provider = new ServiceCollection().AddProvenance(o => o.ExtraRuleDirectories.Add(folder)).BuildServiceProvider();
        var checker = provider.GetRequiredService<ProvenanceChecker>();
        checker.Rules.Packs.Select(p => p.Name).ShouldContain("newsroom.house");
        checker.Rules.Packs.Select(p => p.Name).ShouldContain("provenance.attribution");
    }

    [Theory]
    [InlineData("Provenance:FailOn", "fatal", "Provenance:FailOn is 'fatal'; expected error, warning or info")]
    [InlineData("Provenance:FailBelow", "140", "Provenance:FailBelow is 140; expected a score from 0 to 100")]
    [InlineData("Provenance:MatchTimeout", "00:00:00", "Provenance:MatchTimeout is 00:00:00; it must be positive")]
    public void Invalid_options_are_refused_with_the_key_named(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var provider = new ServiceCollection().AddProvenance(configuration.GetSection("Provenance")).BuildServiceProvider();
        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value).Failures.ShouldContain(message);
    }

    [Fact]
    public void CreateChecker_refuses_invalid_options_the_same_way()
    {
        Should.Throw<ProvenanceSetupException>(() => ProvenanceSetup.CreateChecker(new ProvenanceOptions { FailOn = "fatal", FailBelow = -1 }))
            .Message.ShouldBe("Provenance:FailOn is 'fatal'; expected error, warning or info; Provenance:FailBelow is -1; expected a score from 0 to 100");
    }

    [Fact]
    public void A_rule_pack_that_does_not_load_is_a_setup_error_with_file_line_and_path()
    {
        var folder = Directory.CreateTempSubdirectory("provenance-lib-").FullName;
        File.WriteAllText(Path.Combine(folder, "broken.rules.json"), "{\n  \"pack\": \"x\",\n  \"version\": 3\n}\n");
        var error = Should.Throw<ProvenanceSetupException>(() => ProvenanceSetup.CreateChecker(new ProvenanceOptions { RulesDirectory = folder, BaseDirectory = folder }));
        error.Message.ShouldStartWith("the rules did not load");
        error.Message.ShouldContain("broken.rules.json(");
    }

    [Fact]
    public async Task ReadAsync_decodes_like_files_do_and_honours_the_size_limit_and_cancellation()
    {
        var text = "Café owners said the rules changed.";
        using (var utf16 = new MemoryStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]))
        {
            var article = await ArticleLoader.ReadAsync(utf16, ArticleFormat.Text, "a.txt", cancellationToken: TestContext.Current.CancellationToken);
            article.Source.Text.ShouldContain("Café owners");
        }

        using (var large = new MemoryStream(new byte[10_000]))
        {
            (await Should.ThrowAsync<ContentTooLargeException>(() => ArticleLoader.ReadAsync(large, ArticleFormat.Text, maxBytes: 1000, cancellationToken: TestContext.Current.CancellationToken)))
                .Message.ShouldContain("limit of 1,000 bytes");
        }

        using (var binary = new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]))
        {
            (await Should.ThrowAsync<InvalidDataException>(() => ArticleLoader.ReadAsync(binary, ArticleFormat.Text, "x.zip", cancellationToken: TestContext.Current.CancellationToken)))
                .Message.ShouldBe("x.zip: the file is binary (it contains NUL bytes), not text");
        }

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await Should.ThrowAsync<OperationCanceledException>(() => ServiceFactory.Checker.CheckAsync(stream, ArticleFormat.Text, cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task ReadFileAsync_takes_the_format_from_the_extension()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("provenance-lib-").FullName, "story.md");
        await File.WriteAllTextAsync(file, "# Talks resume\n\nBy Jane Roe\n", TestContext.Current.CancellationToken);
        var article = await ArticleLoader.ReadFileAsync(file, cancellationToken: TestContext.Current.CancellationToken);
        article.Format.ShouldBe(ArticleFormat.Markdown);
    }

    [Fact]
    public void One_checker_used_from_many_threads_gives_what_it_gives_on_one()
    {
        var checker = ServiceFactory.Checker;
        var samples = Directory.GetFiles(RepoPaths.Samples).Order(StringComparer.Ordinal).Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f))).ToList();
        string Describe(ArticleReport r) => $"{r.Scorecard.Score}{r.Scorecard.Grade}:" + string.Join(",", r.Analysis.Findings.Select(f => $"{f.RuleId}@{f.Location.Start}"));
        var sequential = samples.Select(s => Describe(checker.Check(Article.FromText(s.Text, s.Name), TestContext.Current.CancellationToken))).ToList();

        var work = Enumerable.Range(0, 40).SelectMany(_ => samples.Select((s, i) => (s, i))).ToList();
        var parallel = new string[work.Count];
        Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, n =>
            parallel[n] = Describe(checker.Check(Article.FromText(work[n].s.Text, work[n].s.Name))));

        for (var n = 0; n < work.Count; n++)
        {
            parallel[n].ShouldBe(sequential[work[n].i]);
        }
    }
}
