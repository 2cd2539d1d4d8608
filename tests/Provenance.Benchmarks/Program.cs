using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project tests/Provenance.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Provenance.Benchmarks.ReaderBenchmarks).Assembly).Run(args);
