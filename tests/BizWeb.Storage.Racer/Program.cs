// A separate OS process for the two-process tests through PostgreSQL. Prints "ready" once warmed up,
// waits for a line on stdin, fires its attempts in parallel (one scope each, like separate requests),
// then prints what happened.
//
// Lockout:  dotnet BizWeb.Storage.Racer.dll <npgsql connection string> <contract id> <user id> <guesses>
//           signs in with a wrong PIN; prints "evaluated=<n> locked=<m> busy=<b> failed=<k>" (busy: refused
//           unevaluated while the last attempts were still in flight and nothing was locked yet).
// TOTP:     dotnet BizWeb.Storage.Racer.dll totp <npgsql connection string> <contract id> <user id> <code> <now utc ticks> <protector key hex> <submissions>
//           submits one TOTP code through the real hardware token verifier; prints "verified=<n> replayed=<m> rejected=<k>"
//           (a right code another submission used first is a replay, not a wrong guess).
// Totals:   dotnet BizWeb.Storage.Racer.dll totals <npgsql connection string> <shared key> <daily limit> <amount> <reservations>
//           reserves <amount> against the shared daily total (plus a limit-free total of its own process)
//           through the EF transfer total store; prints "reserved=<n> refused=<m>".
using System.Globalization;
using BizWeb.Auth;
using BizWeb.Testing;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;

if (args is ["totp", var totpConnection, var totpContract, var totpUser, var code, var nowTicks, var keyHex, var submissions])
{
    return await RaceTotpAsync(
        totpConnection,
        PrincipalId.User(ContractId.Parse(totpContract).Value, UserId.Parse(totpUser).Value),
        code,
        new DateTimeOffset(long.Parse(nowTicks, CultureInfo.InvariantCulture), TimeSpan.Zero),
        Convert.FromHexString(keyHex),
        int.Parse(submissions, CultureInfo.InvariantCulture));
}

if (args is ["totals", var totalsConnection, var sharedKey, var limitText, var amountText, var reservationsText])
{
    return await RaceTotalsAsync(
        totalsConnection, sharedKey, long.Parse(limitText, CultureInfo.InvariantCulture), long.Parse(amountText, CultureInfo.InvariantCulture), int.Parse(reservationsText, CultureInfo.InvariantCulture));
}

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: BizWeb.Storage.Racer <connection string> <contract id> <user id> <guesses>");
    Console.Error.WriteLine("       BizWeb.Storage.Racer totp <connection string> <contract id> <user id> <code> <now utc ticks> <protector key hex> <submissions>");
    return 2;
}

var (connectionString, contractId, userId, guesses) = (args[0], ContractId.Parse(args[1]).Value, UserId.Parse(args[2]).Value, int.Parse(args[3], CultureInfo.InvariantCulture));
var hasher = new CountingPinHasher(TestPinHashing.CheapHasher());
using var certificates = new TestCertificates();
var services = new ServiceCollection()
    .AddSingleton<IPinHasher>(hasher)
    .AddSingleton<IClientCertificateAuthenticator>(certificates);
// Every guess waits for its KDF place: this race is about the database's counter, not admission control.
services.AddBizWeb(o =>
{
    o.PinHashing = TestPinHashing.CheapArgon2id();
    o.PinHashing.MaxQueuedEvaluations = guesses;
}).AddPostgreSqlStores(connectionString);
await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
var certificate = certificates.IssueFor(PrincipalId.User(contractId, userId));

// Warm up the connection pool and the code paths without touching the user's counter.
using (var scope = provider.CreateScope())
{
    _ = await scope.ServiceProvider.GetRequiredService<IContractStore>().FindAsync(contractId, default);
}

Console.WriteLine("ready");
_ = Console.ReadLine();

var results = await Task.WhenAll(Enumerable.Range(0, guesses).Select(_ => Task.Run(async () =>
{
    using var scope = provider.CreateScope();
    return await scope.ServiceProvider.GetRequiredService<UserSignIn>().SignInAsync(certificate, "wrong999", AuditActor.Anonymous("198.51.100.9"));
})));

var locked = results.Count(r => r.ErrorCode == MessageCode.UserLocked);
var busy = results.Count(r => r.ErrorCode == MessageCode.CredentialBusy);
Console.WriteLine($"evaluated={hasher.Verifications} locked={locked} busy={busy} failed={results.Count(r => r.ErrorCode == MessageCode.UserSignInFailed)}");
return 0;

static async Task<int> RaceTotpAsync(string connectionString, PrincipalId owner, string code, DateTimeOffset now, byte[] key, int submissions)
{
    var services = new ServiceCollection()
        .AddSingleton<ISecretProtector>(new AesGcmSecretProtector(new Dictionary<byte, byte[]> { [1] = key }, 1));
    services.AddBizWeb(o => o.PinHashing = TestPinHashing.CheapArgon2id()).AddHardwareTokens().AddPostgreSqlStores(connectionString);
    await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

    // Warm up the connection pool and the code paths with a read only: the token's step is untouched.
    using (var scope = provider.CreateScope())
    {
        _ = await scope.ServiceProvider.GetRequiredService<BizWeb.Tokens.IHardwareTokenStore>().FindByOwnerAsync(owner, default);
    }

    Console.WriteLine("ready");
    _ = Console.ReadLine();

    var results = await Task.WhenAll(Enumerable.Range(0, submissions).Select(_ => Task.Run(async () =>
    {
        using var scope = provider.CreateScope();
        var verifier = scope.ServiceProvider.GetRequiredService<IHardwareTokenVerifier>();
        return (await verifier.VerifyAsync(new SecondFactorContext(owner, FlowPurpose.UserCertificateEnrollment, Guid.NewGuid(), now), code, default)).Result;
    })));

    Console.WriteLine($"verified={results.Count(r => r == SecondFactorResult.Verified)} replayed={results.Count(r => r == SecondFactorResult.Replayed)} rejected={results.Count(r => r == SecondFactorResult.Rejected)}");
    return 0;
}

static async Task<int> RaceTotalsAsync(string connectionString, string sharedKey, long limit, long amount, int reservations)
{
    var services = new ServiceCollection();
    services.AddBizWeb(o => o.PinHashing = TestPinHashing.CheapArgon2id()).AddPostgreSqlStores(connectionString);
    await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    var day = new DateOnly(2026, 11, 25);
    var own = $"process:{Environment.ProcessId}";

    // Warm up the connection pool and the code paths with a read only.
    using (var scope = provider.CreateScope())
    {
        _ = await scope.ServiceProvider.GetRequiredService<ITransferTotalStore>().GetUsedAsync([sharedKey], day, default);
    }

    Console.WriteLine("ready");
    _ = Console.ReadLine();

    var results = await Task.WhenAll(Enumerable.Range(0, reservations).Select(_ => Task.Run(async () =>
    {
        using var scope = provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ITransferTotalStore>().TryReserveAsync([new(sharedKey, limit), new(own, null)], day, amount, default);
    })));

    Console.WriteLine($"reserved={results.Count(r => r)} refused={results.Count(r => !r)}");
    return 0;
}
