using System.Diagnostics;
using BizWeb.Auth;
using BizWeb.Testing;
using BizWeb.Testing.Auth;
using Xunit.Abstractions;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>
/// Two OS processes, each with its own connection pool and its own counting hasher, fire 32 wrong
/// guesses each at one user's login PIN through PostgreSQL at the same moment: the database's
/// conditional increment lets exactly 7 be evaluated in total.
/// </summary>
public sealed class TwoProcessLockoutTests(ITestOutputHelper output) : IDisposable
{
    private const int GuessesPerProcess = 32;
    private readonly PostgreSqlTestDatabase _database = new();

    [Fact]
    public async Task Two_processes_with_32_wrong_guesses_each_evaluate_exactly_seven_and_lock_the_user_and_contract()
    {
        ContractId contract;
        UserId user;
        using (var harness = AuthHarness.Create(services: s => _database.AddStores(s)))
        {
            (contract, _) = await harness.ActiveContractAsync(LockoutMode.Linked);
            user = await harness.RegisterUserAsync(contract);
            await harness.ActivateUserAsync(contract, user);
        }

        var racers = new[] { Start(contract, user), Start(contract, user) };
        try
        {
            foreach (var racer in racers)
            {
                Assert.Equal("ready", await ReadLineAsync(racer));
            }

            // Both are warmed up and waiting on stdin: release them together.
            foreach (var racer in racers)
            {
                await racer.StandardInput.WriteLineAsync("go");
                await racer.StandardInput.FlushAsync();
            }

            var reports = new List<Dictionary<string, int>>();
            foreach (var racer in racers)
            {
                var line = await ReadLineAsync(racer);
                await racer.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
                Assert.True(racer.ExitCode == 0, $"racer exited {racer.ExitCode}: {line} {await racer.StandardError.ReadToEndAsync()}");
                output.WriteLine($"racer {racer.Id}: {line}");
                reports.Add(line!.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));
            }

            Assert.Equal(7, reports.Sum(r => r["evaluated"]));
            Assert.Equal(2 * GuessesPerProcess, reports.Sum(r => r["locked"] + r["busy"] + r["failed"]));
            Assert.True(reports.Sum(r => r["locked"]) >= 1, "the 7th failure answers locked");
            Assert.All(reports, r => Assert.True(r["evaluated"] < GuessesPerProcess));
        }
        finally
        {
            foreach (var racer in racers)
            {
                if (!racer.HasExited)
                {
                    racer.Kill();
                }

                racer.Dispose();
            }
        }

        using var check = AuthHarness.Create(services: s => _database.AddStores(s));
        Assert.Equal(UserState.Suspended, (await check.Get<IUserStore>().FindAsync(contract, user, default))!.State);
        Assert.Equal(ContractState.Stopped, (await check.Get<IContractStore>().FindAsync(contract, default))!.State);
        var audit = await check.Get<IAuditTrailStore>().ReadAsync(0, 10_000, default);
        Assert.True(AuditChain.Verify(audit).IsIntact);
        Assert.Single(audit, a => a.Action == "UserLocked");
        Assert.Single(audit, a => a.Action == "ContractLocked");
    }

    public void Dispose() => _database.Dispose();

    private Process Start(ContractId contract, UserId user)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory); // …/bin/<Configuration>/net10.0/
        var racer = Path.Combine(RepositoryRoot.Find(), "tests", "BizWeb.Storage.Racer", "bin", testOutput.Parent!.Name, testOutput.Name, "BizWeb.Storage.Racer.dll");
        Assert.True(File.Exists(racer), $"{racer} is missing: build tests/BizWeb.Storage.Racer.");
        var start = new ProcessStartInfo("dotnet", [racer, _database.ConnectionString, contract.ToString(), user.ToString(), GuessesPerProcess.ToString(System.Globalization.CultureInfo.InvariantCulture)])
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
