using BenchmarkDotNet.Running;

// Every benchmark sits beside its baseline in the same class, so results read as ratios.
// Quick run:  dotnet run -c Release --project benchmarks/BizWeb.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
