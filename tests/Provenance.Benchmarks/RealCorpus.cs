using System.Globalization;
using Provenance.Quality;

namespace Provenance.Benchmarks;

/// <summary>
/// Writes a benchmark corpus of real articles: the 795 BuzzFeed-Webis development articles as
/// text files (their paragraphs joined by blank lines, as the quality benchmark reads them) or the
/// 76 saved test pages as HTML, each repeated in turn until the corpus holds the count asked for.
/// Real prose has more candidate matches than generated text (quotations, names, outlets), so the
/// speed figures of the two differ; <c>docs/benchmarks.md</c> gives both.
/// </summary>
internal static class RealCorpus
{
    /// <summary>Runs <c>real-corpus --out DIR [--count N] [--formats txt|html] [--shared DIR]</c>; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        string? output = null;
        string? shared = null;
        var count = 20_000;
        var format = "txt";
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--out" when value is not null: output = value; i++; break;
                case "--shared" when value is not null: shared = value; i++; break;
                case "--count" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0: count = n; i++; break;
                case "--formats" when value is "txt" or "html": format = value; i++; break;
                default:
                    Console.Error.WriteLine($"real-corpus: unexpected argument '{args[i]}'; usage: real-corpus --out DIR [--count N] [--formats txt|html] [--shared DIR]");
                    return 2;
            }
        }

        if (output is null)
        {
            Console.Error.WriteLine("real-corpus: --out DIR is required");
            return 2;
        }

        var paths = QualityPaths.Find(AppContext.BaseDirectory, shared);
        var sources = format == "txt"
            ? DevCorpus.Read(paths.DevArticles).Select(a => a.Text).ToList()
            : Directory.GetDirectories(paths.Pages).Order(StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "source.html")).Where(File.Exists).Select(File.ReadAllText).ToList();
        if (sources.Count == 0)
        {
            Console.Error.WriteLine($"real-corpus: no {format} articles found under {(format == "txt" ? paths.DevArticles : paths.Pages)}");
            return 1;
        }

        // A thousand files a folder, as a content repository spreads them; names sort in the order written.
        for (var i = 0; i < count; i++)
        {
            var folder = Path.Combine(output, $"r{i / 1000:000}");
            if (i % 1000 == 0)
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(Path.Combine(folder, $"{i:00000}.{format}"), sources[i % sources.Count]);
        }

        Console.WriteLine($"real-corpus: {count} {format} files from {sources.Count} real articles in {output}");
        return 0;
    }
}
