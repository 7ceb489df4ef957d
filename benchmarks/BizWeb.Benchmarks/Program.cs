using BenchmarkDotNet.Running;
using BizWeb.Benchmarks;

// Every benchmark sits beside its baseline in the same class, so results read as ratios.
// Full (short job):  dotnet run -c Release --project benchmarks/BizWeb.Benchmarks -- --filter '*' --job short
// Quick (< 5 min):   dotnet run -c Release --project benchmarks/BizWeb.Benchmarks -- --filter '*' --anyCategories quick --job short
// PSKC live heap:    dotnet run -c Release --project benchmarks/BizWeb.Benchmarks -- pskc-memory
// Identity round trips (issue 24): dotnet run -c Release --project benchmarks/BizWeb.Benchmarks -- identity-round-trips
if (args is ["pskc-memory"])
{
    PskcMemoryCheck.Run();
    return;
}

// KDF peak memory (issue 23):    dotnet run -c Release --project benchmarks/BizWeb.Benchmarks -- kdf-memory
if (args is ["kdf-memory"])
{
    KdfMemoryCheck.Run();
    return;
}

if (args is ["kdf-memory-run", var places, var queue, var wait, var kdf])
{
    await KdfMemoryCheck.RunOneAsync(places, queue, wait, kdf);
    return;
}

if (args is ["identity-round-trips"])
{
    IdentityRoundTrips.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
