using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using BizWeb.Auth;
using BizWeb.Testing;
using BizWeb.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>
/// Replay protection through PostgreSQL: one valid TOTP code submitted 32 times at once through the
/// real <see cref="IHardwareTokenVerifier"/> is accepted exactly once, from 32 tasks of one process
/// and from two OS processes (tests/BizWeb.Storage.Racer in its <c>totp</c> mode) at the same moment.
/// </summary>
public sealed class TotpReplayTests(ITestOutputHelper output) : IDisposable
{
    private const string Serial = "TOTP-0001";
    private const int SubmissionsPerProcess = 32;
    private static readonly PrincipalId Owner = PrincipalId.User(ContractId.Parse("12345678901").Value, UserId.Parse("taro").Value);
    private readonly PostgreSqlTestDatabase _database = new();
    private readonly byte[] _protectorKey = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _seed = RandomNumberGenerator.GetBytes(20);

    [Fact]
    public async Task One_valid_code_submitted_32_times_in_parallel_is_accepted_exactly_once()
    {
        using var provider = Services(_database, _protectorKey);
        var now = await AssignTokenAsync(provider);
        var code = Code(_seed, Step(now));
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, SubmissionsPerProcess).Select(_ => Task.Run(async () =>
        {
            using var scope = provider.CreateScope();
            var verifier = scope.ServiceProvider.GetRequiredService<IHardwareTokenVerifier>();
            start.Wait();
            return (await verifier.VerifyAsync(new SecondFactorContext(Owner, FlowPurpose.UserCertificateEnrollment, Guid.NewGuid(), now), code, default)).Result;
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r == SecondFactorResult.Verified));
        Assert.Equal(SubmissionsPerProcess - 1, results.Count(r => r == SecondFactorResult.Replayed));
        using var check = provider.CreateScope();
        Assert.Equal(Step(now), (await check.ServiceProvider.GetRequiredService<IHardwareTokenStore>().FindAsync(Serial, default))!.LastUsedStep);
    }

    [Fact]
    public async Task Two_processes_submitting_one_valid_code_32_times_each_get_it_accepted_exactly_once()
    {
        DateTimeOffset now;
        using (var provider = Services(_database, _protectorKey))
        {
            now = await AssignTokenAsync(provider);
        }

        var code = Code(_seed, Step(now));
        var racers = new[] { Start(code, now), Start(code, now) };
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

            var verified = 0;
            var replayed = 0;
            foreach (var racer in racers)
            {
                var line = await ReadLineAsync(racer);
                await racer.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
                Assert.True(racer.ExitCode == 0, $"racer exited {racer.ExitCode}: {line} {await racer.StandardError.ReadToEndAsync()}");
                output.WriteLine($"racer {racer.Id}: {line}");
                var report = line!.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
                verified += report["verified"];
                replayed += report["replayed"];
                Assert.Equal(0, report["rejected"]);
            }

            Assert.Equal(1, verified);
            Assert.Equal((2 * SubmissionsPerProcess) - 1, replayed);
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
    }

    public void Dispose() => _database.Dispose();

    /// <summary>The SDK with customer cards and hardware tokens over the EF Core stores on <paramref name="database"/>, and an AES-GCM protector with <paramref name="key"/>.</summary>
    internal static ServiceProvider Services(TestDatabase database, byte[] key)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProtector>(new AesGcmSecretProtector(new Dictionary<byte, byte[]> { [1] = key }, 1));
        services.AddBizWeb(o => o.PinHashing = TestPinHashing.CheapArgon2id()).AddCustomerCards().AddHardwareTokens();
        database.AddStores(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>RFC 6238 with SHA-1, 6 digits, 30 s, written out here so the test does not trust the code under test.</summary>
    internal static string Code(byte[] seed, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238's default HMAC is SHA-1
        var mac = HMACSHA1.HashData(seed, counter);
#pragma warning restore CA5350
        var offset = mac[^1] & 0x0F;
        var binary = ((mac[offset] & 0x7F) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static long Step(DateTimeOffset now) => now.ToUnixTimeSeconds() / 30;

    /// <summary>Imports the token with a protected seed and assigns it to <see cref="Owner"/>; returns the instant the submissions claim.</summary>
    private async Task<DateTimeOffset> AssignTokenAsync(ServiceProvider provider)
    {
        using var scope = provider.CreateScope();
        var now = TimeProvider.System.GetUtcNow();
        var store = scope.ServiceProvider.GetRequiredService<IHardwareTokenStore>();
        var token = new HardwareToken
        {
            SerialNumber = Serial,
            ProtectedSeed = scope.ServiceProvider.GetRequiredService<ISecretProtector>().Protect(_seed, "BizWeb.Tokens.Seed"),
            ImportedAt = now,
        };
        Assert.Empty(await store.AddAllAsync([token], null, default));
        Assert.True((await store.TryAssignAsync(Serial, Owner, Step(now) - 5, 0, now, null, default)).Assigned);
        return now;
    }

    private Process Start(string code, DateTimeOffset now)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var racer = Path.Combine(RepositoryRoot.Find(), "tests", "BizWeb.Storage.Racer", "bin", testOutput.Parent!.Name, testOutput.Name, "BizWeb.Storage.Racer.dll");
        Assert.True(File.Exists(racer), $"{racer} is missing: build tests/BizWeb.Storage.Racer.");
        var start = new ProcessStartInfo("dotnet",
        [
            racer, "totp", _database.ConnectionString, Owner.ContractId.ToString(), Owner.UserId!.Value.ToString(), code,
            now.UtcTicks.ToString(CultureInfo.InvariantCulture), Convert.ToHexString(_protectorKey), SubmissionsPerProcess.ToString(CultureInfo.InvariantCulture),
        ])
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
