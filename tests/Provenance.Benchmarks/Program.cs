using BenchmarkDotNet.Running;

// Benchmarks: dotnet run -c Release --project tests/Provenance.Benchmarks -- --filter '*'
// Corpus:     dotnet run -c Release --project tests/Provenance.Benchmarks -- corpus --out DIR [--count N] [--seed S] [--formats txt,md,html]
if (args is ["corpus", ..])
{
    return Provenance.Benchmarks.CorpusGenerator.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Provenance.Benchmarks.ReaderBenchmarks).Assembly).Run(args);
return 0;
