using System.Diagnostics;
using System.Globalization;
using BizWeb.Testing;
using Xunit.Abstractions;

namespace BizWeb.Identity.Comparison.Tests;

/// <summary>
/// Issue 24's race: 64 parallel wrong guesses at one account (limit 7), 20 times, for our sign-in and for
/// Identity's <c>CheckPasswordSignInAsync(…, lockoutOnFailure: true)</c>, in one process and split over two
/// OS processes (32 each, separate connection pools and hashers) on PostgreSQL. Counts the hasher's
/// evaluations and whether the account ended locked. Ours reserves the attempt atomically before the
/// check: exactly 7 every run. Identity counts after the check with optimistic concurrency, so its figure
/// is measured and printed; asserted is only what its design guarantees: at least 7 evaluated (each of
/// the 7 increments that lock follows an evaluation), at most 64, and all 64 when it did not lock (only a
/// loaded lockout refuses a guess unevaluated).
/// </summary>
public sealed class LockoutRaceTests(LockoutRaceFixture fixture, ITestOutputHelper output) : IClassFixture<LockoutRaceFixture>
{
    private const int Guesses = 64;
    private const int Runs = 20;
    private const int Limit = 7;
    private const string RightPin = "Login123";

    [Theory]
    [InlineData("BizWeb", 1)]
    [InlineData("BizWeb", 2)]
    [InlineData("Identity", 1)]
    [InlineData("Identity", 2)]
    public async Task Sixty_four_parallel_wrong_guesses_twenty_times(string sideName, int processes)
    {
        var (side, hasher) = fixture[sideName];
        var racers = processes == 1 ? [] : new[] { StartRacer(sideName), StartRacer(sideName) };
        var runs = new List<(RaceTally Tally, bool Locked)>();
        try
        {
            foreach (var racer in racers)
            {
                Assert.Equal("ready", await ReadLineAsync(racer));
            }

            for (var run = 0; run < Runs; run++)
            {
                var account = fixture.NextAccount();
                await side.SeedAsync(account, RightPin);
                RaceTally tally;
                if (racers.Length == 0)
                {
                    hasher.Reset();
                    var outcomes = await ParallelGuesses.FireAsync(side, account, Guesses);
                    tally = RaceTally.Of(hasher.Verifications, outcomes);
                }
                else
                {
                    // Both are waiting on stdin: release them together, half the guesses each.
                    foreach (var racer in racers)
                    {
                        await racer.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{account} {Guesses / racers.Length}"));
                        await racer.StandardInput.FlushAsync();
                    }

                    tally = RaceTally.Parse((await ReadLineAsync(racers[0]))!);
                    for (var i = 1; i < racers.Length; i++)
                    {
                        tally += RaceTally.Parse((await ReadLineAsync(racers[i]))!);
                    }
                }

                runs.Add((tally, await side.IsLockedAsync(account)));
            }
        }
        finally
        {
            foreach (var racer in racers)
            {
                racer.StandardInput.Close();
                if (!racer.WaitForExit(TimeSpan.FromSeconds(30)))
                {
                    racer.Kill();
                }

                racer.Dispose();
            }
        }

        var evaluated = runs.Select(r => r.Tally.Evaluated).Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sideName}, {processes} process(es), {Guesses} guesses x {Runs}: evaluated min {evaluated[0]} / median {Median(evaluated)} / max {evaluated[^1]}; ended locked {runs.Count(r => r.Locked)}/{Runs}"));
        foreach (var (tally, locked) in runs)
        {
            output.WriteLine($"  {tally} endedLocked={locked}");
        }

        Assert.All(runs, r => Assert.Equal(Guesses, r.Tally.Answered));
        Assert.All(runs, r => Assert.Equal(0, r.Tally.SignedIn + r.Tally.Other));
        if (sideName == "BizWeb")
        {
            Assert.All(runs, r => Assert.Equal(Limit, r.Tally.Evaluated));
            Assert.All(runs, r => Assert.True(r.Locked, "the 7th failure locks the user"));
        }
        else
        {
            Assert.All(runs, r => Assert.InRange(r.Tally.Evaluated, Limit, Guesses));
            Assert.All(runs, r => Assert.True(r.Locked || r.Tally.Evaluated == Guesses, $"unlocked after {r.Tally.Evaluated} evaluations"));
        }
    }

    private static double Median(int[] sorted) => (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2.0;

    private Process StartRacer(string sideName)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory); // …/bin/<Configuration>/net10.0/
        var racer = Path.Combine(RepositoryRoot.Find(), "tests", "BizWeb.Identity.Racer", "bin", testOutput.Parent!.Name, testOutput.Name, "BizWeb.Identity.Racer.dll");
        Assert.True(File.Exists(racer), $"{racer} is missing: build tests/BizWeb.Identity.Racer.");
        return Process.Start(new ProcessStartInfo("dotnet", [racer, sideName, fixture.Database.BizWebConnectionString, fixture.Database.IdentityConnectionString])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
    }

    private static async Task<string?> ReadLineAsync(Process process) =>
        await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
}
