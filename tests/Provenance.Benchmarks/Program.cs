using BenchmarkDotNet.Running;

// Benchmarks: dotnet run -c Release --project tests/Provenance.Benchmarks -- --filter '*'
// Corpus:     dotnet run -c Release --project tests/Provenance.Benchmarks -- corpus --out DIR [--count N] [--seed S] [--formats txt,md,html]
// Real:      dotnet run -c Release --project tests/Provenance.Benchmarks -- real-corpus --out DIR [--count N] [--formats txt|html] [--shared DIR]
// Per rule:  dotnet run -c Release --project tests/Provenance.Benchmarks -- rule-profile DIR [MAX] [--screens] [--allocations]
// Parts:     dotnet run -c Release --project tests/Provenance.Benchmarks -- part-profile DIR [PASSES] [--allocations | --outlet-allocations] [--cpu] (quote analysis, outlet rules)
// Expressions: dotnet run -c Release --project tests/Provenance.Benchmarks -- expression-profile DIR [TOP] (each expression over the blocks its screen passes)
// Copies:    dotnet run -c Release --project tests/Provenance.Benchmarks -- print-profile DIR [PASSES] (prints and the search, with a checksum of the prints)
// Held:      dotnet run -c Release --project tests/Provenance.Benchmarks -- held-profile DIR [PASSES] [MAX] (results packed and made again, as a search for copies holds them)
//            (with DOTNET_TieredCompilation=0 for steady-state figures: each rule's loop is otherwise timed while it is re-JIT-compiled)
if (args is ["corpus", ..])
{
    return Provenance.Benchmarks.CorpusGenerator.Run(args);
}

if (args is ["real-corpus", ..])
{
    return Provenance.Benchmarks.RealCorpus.Run(args);
}

if (args is ["part-profile", ..])
{
    return Provenance.Benchmarks.PartProfile.Run(args);
}

if (args is ["expression-profile", ..])
{
    return Provenance.Benchmarks.ExpressionProfile.Run(args);
}

if (args is ["print-profile", ..])
{
    return Provenance.Benchmarks.PrintProfile.Run(args);
}

if (args is ["held-profile", ..])
{
    return Provenance.Benchmarks.HeldProfile.Run(args);
}

if (args is ["rule-profile", ..])
{
    return Provenance.Benchmarks.RuleProfile.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Provenance.Benchmarks.ReaderBenchmarks).Assembly).Run(args);
return 0;
