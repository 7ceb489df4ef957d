using System.Diagnostics;
using System.Globalization;
using BizWeb.Auth;
using BizWeb.Testing;
using BizWeb.Testing.Auth;
using Xunit.Abstractions;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>
/// Two OS processes, each with its own connection pool, reserve 40 transfers of 1,000 yen each against
/// one daily limit of 50,000 yen through PostgreSQL at the same moment: exactly 50 are reserved, and
/// each process's own limit-free total moves with exactly its own reservations (all or nothing).
/// </summary>
public sealed class TwoProcessTransferTotalsTests(ITestOutputHelper output) : IDisposable
{
    private const int ReservationsPerProcess = 40;
    private const long Amount = 1_000;
    private const long Limit = 50_000;
    private const string SharedKey = "contract:12345678901";
    private readonly PostgreSqlTestDatabase _database = new();

    [Fact]
    public async Task Two_processes_never_pass_a_daily_limit_together()
    {
        var racers = new[] { Start(), Start() };
        var reports = new List<Dictionary<string, int>>();
        try
        {
            foreach (var racer in racers)
            {
                Assert.Equal("ready", await ReadLineAsync(racer));
            }

            foreach (var racer in racers)
            {
                await racer.StandardInput.WriteLineAsync("go");
                await racer.StandardInput.FlushAsync();
            }

            foreach (var racer in racers)
            {
                var line = await ReadLineAsync(racer);
                await racer.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
                Assert.True(racer.ExitCode == 0, $"racer exited {racer.ExitCode}: {line} {await racer.StandardError.ReadToEndAsync()}");
                output.WriteLine($"racer {racer.Id}: {line}");
                reports.Add(line!.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture)));
            }
        }
        finally
        {
            foreach (var racer in racers)
            {
                if (!racer.HasExited)
                {
                    racer.Kill();
                }
            }
        }

        Assert.Equal((int)(Limit / Amount), reports.Sum(r => r["reserved"]));
        Assert.Equal(2 * ReservationsPerProcess, reports.Sum(r => r["reserved"] + r["refused"]));
        using var check = AuthHarness.Create(services: s => _database.AddStores(s));
        var totals = check.Get<ITransferTotalStore>();
        var day = new DateOnly(2026, 11, 25);
        Assert.Equal(Limit, (await totals.GetUsedAsync([SharedKey], day, default))[0]);
        var own = await totals.GetUsedAsync([.. racers.Select(r => $"process:{r.Id}")], day, default);
        Assert.Equal(reports.Select(r => r["reserved"] * Amount), own);
        foreach (var racer in racers)
        {
            racer.Dispose();
        }
    }

    public void Dispose() => _database.Dispose();

    private Process Start()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var racer = Path.Combine(RepositoryRoot.Find(), "tests", "BizWeb.Storage.Racer", "bin", testOutput.Parent!.Name, testOutput.Name, "BizWeb.Storage.Racer.dll");
        Assert.True(File.Exists(racer), $"{racer} is missing: build tests/BizWeb.Storage.Racer.");
        var start = new ProcessStartInfo("dotnet", [racer, "totals", _database.ConnectionString, SharedKey, Limit.ToString(CultureInfo.InvariantCulture), Amount.ToString(CultureInfo.InvariantCulture), ReservationsPerProcess.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return Process.Start(start)!;
    }

    private static async Task<string?> ReadLineAsync(Process process) =>
        await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
}
