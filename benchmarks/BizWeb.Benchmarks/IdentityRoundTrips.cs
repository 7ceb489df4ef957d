using System.Globalization;
using BizWeb.Identity.Comparison;

namespace BizWeb.Benchmarks;

/// <summary>
/// Issue 24's round-trip count (not BenchmarkDotNet): database commands and commits of one warm sign-in
/// per row, ours and Identity's, on each engine of <see cref="IdentityComparisonFixture.Engines"/>, counted by
/// <see cref="RoundTripCounter"/> (the interceptors of tests/BizWeb.Storage.EntityFrameworkCore.Tests/RoundTripTests).
/// Prints a Markdown table.
/// </summary>
internal static class IdentityRoundTrips
{
    public static void Run()
    {
        Console.WriteLine("| engine | row | BizWeb | Identity |");
        Console.WriteLine("|---|---|---:|---:|");
        foreach (var engine in IdentityComparisonFixture.Engines())
        {
            foreach (var row in IdentityComparisonFixture.Rows)
            {
                var (ours, theirs) = (new RoundTripCounter(), new RoundTripCounter());
                var fixture = IdentityComparisonFixture.Create(engine, new ScalingFixture.PlainComparisonHasher(), row, 1, 6, ours, theirs);
                try
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {engine} | {row} | {Count(fixture, fixture.BizWeb, ours)} | {Count(fixture, fixture.Identity, theirs)} |"));
                }
                finally
                {
                    fixture.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }
        }
    }

    /// <summary>One warm-up sign-in, then the round trips of the next one.</summary>
    private static int Count(IdentityComparisonFixture fixture, ISignInSide side, RoundTripCounter counter)
    {
        fixture.RunAsync(side, 1, 1).GetAwaiter().GetResult();
        counter.Reset();
        fixture.RunAsync(side, 1, 1).GetAwaiter().GetResult();
        return counter.Count;
    }
}
