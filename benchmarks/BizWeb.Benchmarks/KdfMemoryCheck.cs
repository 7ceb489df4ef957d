using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using BizWeb.Storage.EntityFrameworkCore.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Benchmarks;

/// <summary>
/// Issue 23, item 1 (not BenchmarkDotNet): the peak working set of 256 parallel user sign-ins with the
/// production Argon2id parameters (19 MiB, t = 2, p = 1) on the SQLite store, with KDF admission control
/// at its default, at its default places with a queue for everyone, and off (256 places). Each run is a
/// child process of its own, because a process's peak only grows: the child measures its resident set
/// after the warm-up and a full collection (the baseline), resets the peak (<c>/proc/self/clear_refs</c>),
/// releases the 256 sign-ins together, and reads the peak (<c>VmHWM</c>) when they are done. Each
/// configuration runs twice: with the production KDF, and with a 64 KiB one, whose peak is the memory
/// the same 256 requests take without the KDF's (the "load baseline": connections, contexts, tasks).
/// Prints a Markdown table with the bound places × 20 MiB + load baseline. A sign-in that fails with an
/// exception (SQLite's "database is locked" under 256 writers) is counted, not hidden. The child starts
/// with 300 thread-pool threads, as a server that a burst has grown: the KDF runs synchronously, so a
/// cold pool (a thread a second or so beyond the cores) would itself throttle the "off" run.
/// </summary>
internal static class KdfMemoryCheck
{
    private const int SignIns = 256;
    private const string LoginPin = "Login123";
    private const double KdfMiB = 20;
    private const int MinThreads = 300;

    /// <summary>The parent: one child per configuration, one table row each.</summary>
    public static void Run()
    {
        var places = new PinHashingOptions().MaxConcurrentEvaluations;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{SignIns} parallel user sign-ins, Argon2id 19 MiB t=2 p=1, SQLite; {Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {MinThreads} thread-pool threads"));
        Console.WriteLine("| admission | places | queue | signed in | busy | errors | most running | seconds | idle baseline MiB | load baseline MiB (64 KiB KDF) | peak MiB | bound MiB (places × 20 + load baseline) | within |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (name, arguments) in new[]
        {
            ("on (defaults)", "default default wait"),
            ("on, queue for all", string.Create(CultureInfo.InvariantCulture, $"default {SignIns} nowait")),
            ("off", string.Create(CultureInfo.InvariantCulture, $"{SignIns} 0 nowait")),
        })
        {
            var load = RunChild(arguments + " cheap");
            var report = RunChild(arguments + " production");
            var baseline = double.Parse(report["baseline_mib"], CultureInfo.InvariantCulture);
            var loadBaseline = double.Parse(load["peak_mib"], CultureInfo.InvariantCulture);
            var peak = double.Parse(report["peak_mib"], CultureInfo.InvariantCulture);
            var used = int.Parse(report["places"], CultureInfo.InvariantCulture);
            var bound = (used * KdfMiB) + loadBaseline;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {used} | {report["queue"]} | {report["ok"]} | {report["busy"]} | {report["errors"]} | {report["most_running"]} | {report["seconds"]} | {baseline:F0} | {loadBaseline:F0} | {peak:F0} | {bound:F0} | {(peak <= bound ? "yes" : "no")} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(default places on this machine: {places})"));
    }

    /// <summary>The child: <c>places queue wait|nowait production|cheap</c>, places and queue a number or <c>default</c>; prints one line of key=value.</summary>
    public static async Task RunOneAsync(string placesText, string queueText, string waitText, string kdf)
    {
        ThreadPool.GetMinThreads(out _, out var io);
        ThreadPool.SetMinThreads(MinThreads, io);
        var file = Path.Combine(Path.GetTempPath(), $"bizweb-kdf-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 120 }.ToString();
        try
        {
            var certificates = new Dictionary<string, PrincipalId>(StringComparer.Ordinal);
            var services = new ServiceCollection().AddSingleton<IClientCertificateAuthenticator>(new ScalingFixture.MapCertificates(certificates));
            services.AddBizWeb(o =>
            {
                if (kdf == "cheap")
                {
                    o.PinHashing.Argon2MemoryKiB = 64;
                }

                if (placesText != "default")
                {
                    o.PinHashing.MaxConcurrentEvaluations = int.Parse(placesText, CultureInfo.InvariantCulture);
                }

                if (queueText != "default")
                {
                    o.PinHashing.MaxQueuedEvaluations = int.Parse(queueText, CultureInfo.InvariantCulture);
                }

                if (waitText == "nowait")
                {
                    o.PinHashing.MaxQueueWait = null;
                }
            }).AddSqliteStores(connectionString);
            using (var context = new SqliteBizWebDbContext(new DbContextOptionsBuilder<SqliteBizWebDbContext>().UseSqlite(connectionString).Options))
            {
                await context.Database.MigrateAsync();
            }

            await using var provider = services.BuildServiceProvider();
            var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<BizWebOptions>>().Value.PinHashing;
            var users = await SeedAsync(provider, certificates);
            var admission = provider.GetRequiredService<KdfAdmission>();

            // Warm up every code path once, then measure the baseline after a full, compacting collection.
            await SignInAsync(provider, users[0]);
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var baseline = StatusKiB("VmRSS");
            File.WriteAllText("/proc/self/clear_refs", "5");

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var mostRunning = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    mostRunning = Math.Max(mostRunning, admission.InFlight);
                    await Task.Delay(1, CancellationToken.None);
                }
            });
            var signIns = users.Select(u => Task.Run(async () =>
            {
                await go.Task;
                try
                {
                    return (Answer: await SignInAsync(provider, u), Error: (Exception?)null);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    return (Answer: (AuthResult<SignedInPrincipal>?)null, Error: ex);
                }
            })).ToList();
            var clock = Stopwatch.StartNew();
            go.SetResult();
            var results = await Task.WhenAll(signIns);
            clock.Stop();
            await sampling.CancelAsync();
            await sampler;
            var peak = StatusKiB("VmHWM");

            var ok = results.Count(r => r.Answer is { Succeeded: true });
            var busy = results.Count(r => r.Answer?.ErrorCode == MessageCode.ServiceBusy);
            var errors = results.Where(r => r.Error is not null).Select(r => r.Error!.GetType().Name + ": " + r.Error.Message).ToList();
            if (ok + busy + errors.Count != SignIns)
            {
                throw new InvalidOperationException($"Unexpected answers: {string.Join(", ", results.Where(r => r.Answer is { Succeeded: false } a && a.ErrorCode != MessageCode.ServiceBusy).Select(r => r.Answer!.ErrorCode).Distinct())}");
            }

            foreach (var error in errors.Distinct())
            {
                Console.Error.WriteLine(error);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"places={options.MaxConcurrentEvaluations} queue={options.QueueLimit} ok={ok} busy={busy} errors={errors.Count} most_running={mostRunning} seconds={clock.Elapsed.TotalSeconds:F1} baseline_mib={baseline / 1024.0:F1} peak_mib={peak / 1024.0:F1}"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static Dictionary<string, string> RunChild(string arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, "kdf-memory-run " + arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        var error = child.StandardError.ReadToEnd();
        child.WaitForExit();
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith("places=", StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"kdf-memory-run {arguments} exited {child.ExitCode}: {output} {error}");
        }

        return line.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }

    /// <summary>256 active contracts with one active user each, all with the same production-cost PIN hash.</summary>
    private static async Task<List<(PrincipalId Principal, X509Certificate2 Certificate)>> SeedAsync(IServiceProvider provider, Dictionary<string, PrincipalId> certificates)
    {
        var pinHash = provider.GetRequiredService<IPinHasher>().HashPin(LoginPin);
        var now = TimeProvider.System.GetUtcNow();
        var changes = new AuthChanges();
        var users = new List<(PrincipalId, X509Certificate2)>();
        for (var i = 0; i < SignIns; i++)
        {
            var contract = ContractId.Parse(string.Create(CultureInfo.InvariantCulture, $"5550000{i:D4}")).Value;
            var user = UserId.Parse(string.Create(CultureInfo.InvariantCulture, $"taro{i:D3}")).Value;
            var principal = PrincipalId.User(contract, user);
            changes.Put(new Contract { Id = contract, LockoutMode = LockoutMode.Linked, State = ContractState.Active, RegistrationPinHash = "x", SecurityStamp = "s", CreatedAt = now })
                .Put(new User { ContractId = contract, Id = user, NameKana = "タロウ", LoginPinHash = pinHash, ConfirmationPinHash = pinHash, State = UserState.Active, ActivatedAt = now, SecurityStamp = "u", CreatedAt = now });
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var certificate = new CertificateRequest($"CN={contract}{user}1286", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
            certificates[certificate.Thumbprint] = principal;
            certificates[SignedInPrincipal.ThumbprintOf(certificate)] = principal;
            users.Add((principal, certificate));
        }

        using var scope = provider.CreateScope();
        if (await scope.ServiceProvider.GetRequiredService<IAuthUnitOfWork>().CommitAsync(changes, default) != CommitOutcome.Committed)
        {
            throw new InvalidOperationException("Seeding failed.");
        }

        return users;
    }

    private static async Task<AuthResult<SignedInPrincipal>> SignInAsync(IServiceProvider provider, (PrincipalId Principal, X509Certificate2 Certificate) user)
    {
        using var scope = provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserSignIn>().SignInAsync(user.Certificate, LoginPin, AuditActor.Anonymous("127.0.0.1"));
    }

    /// <summary>A <c>kB</c> line of <c>/proc/self/status</c> (VmRSS, VmHWM).</summary>
    private static long StatusKiB(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
