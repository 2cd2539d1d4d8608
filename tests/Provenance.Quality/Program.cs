using System.Globalization;
using System.Text.Json;
using Provenance.Quality;

// The quality benchmark: judgments on real text, measured against the corpus authors' annotations
// and hand-checked fixtures. See docs/quality.md.
//   dotnet run --project tests/Provenance.Quality -c Release [-- --check] [--misses N] [--json FILE] [--scores FILE] [--shared DIR]
// --scores writes each dev article's score and the signals behind it, one JSON object a line.
// Legacy charsets pages declare (windows-1252, Shift_JIS) are decoded as the CLI decodes them.
System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
var check = false;
var misses = 0;
string? json = null;
string? shared = null;
string? scores = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--check":
            check = true;
            break;
        case "--misses" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n):
            misses = n;
            i++;
            break;
        case "--json" when i + 1 < args.Length:
            json = args[++i];
            break;
        case "--shared" when i + 1 < args.Length:
            shared = args[++i];
            break;
        case "--scores" when i + 1 < args.Length:
            scores = args[++i];
            break;
        default:
            Console.Error.WriteLine($"quality: unknown argument '{args[i]}'. Usage: [--check] [--misses N] [--json FILE] [--scores FILE] [--shared DIR]");
            return 2;
    }
}

var paths = QualityPaths.Find(AppContext.BaseDirectory, shared);
var report = QualityBenchmark.Run(paths, scoresFile: scores);
var floors = Floors.Read(paths.Floors);
Console.Write(report.ToMarkdown(floors));
if (misses > 0)
{
    foreach (var (id, list) in report.Misses.OrderBy(m => m.Key, StringComparer.Ordinal))
    {
        Console.WriteLine();
        Console.WriteLine($"## {id}: {list.Length}");
        foreach (var line in list.Take(misses))
        {
            Console.WriteLine("- " + line);
        }
    }
}

if (json is not null)
{
    File.WriteAllText(json, JsonSerializer.Serialize(report.Figures.ToDictionary(f => f.Id, f => f.Value), new JsonSerializerOptions { WriteIndented = true }));
}

var failures = report.Figures.Select(floors.Failure).OfType<string>().ToList();
foreach (var failure in failures)
{
    Console.Error.WriteLine("quality: " + failure);
}

return check && failures.Count > 0 ? 1 : 0;
