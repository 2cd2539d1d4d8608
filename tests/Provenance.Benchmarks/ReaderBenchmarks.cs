using BenchmarkDotNet.Attributes;
using Provenance.Articles;

namespace Provenance.Benchmarks;

/// <summary>
/// Reading articles into blocks: real HTML pages of about 1 MB (yahoo-1: 1.2 MB, yahoo-2: 1.6 MB)
/// and a small one (bbc-1), a sample article as plain text.
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private string _html = string.Empty;
    private string _text = string.Empty;

    [Params("yahoo-1", "yahoo-2", "bbc-1")]
    public string Page { get; set; } = "yahoo-1";

    [GlobalSetup]
    public void Setup()
    {
        _html = File.ReadAllText(Paths.HtmlPage(Page));
        _text = File.ReadAllText(Path.Combine(Paths.Root, "samples", "hezbollah-original-source-cnn.txt"));
    }

    [Benchmark]
    public int Html() => Article.FromHtml(_html).Blocks.Length;

    [Benchmark]
    public int PlainText() => Article.FromText(_text).Blocks.Length;
}
