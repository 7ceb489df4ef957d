// Usage: dotnet BizWeb.Storage.Racer.dll <npgsql connection string> <contract id> <user id> <guesses>
// Prints "ready" once warmed up, waits for a line on stdin, fires the guesses in parallel (one scope
// each, like separate requests), then prints "evaluated=<n> locked=<m> failed=<k>".
using BizWeb.Auth;
using BizWeb.Testing;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: BizWeb.Storage.Racer <connection string> <contract id> <user id> <guesses>");
    return 2;
}

var (connectionString, contractId, userId, guesses) = (args[0], ContractId.TryParse(args[1]).Value, UserId.TryParse(args[2]).Value, int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
var hasher = new CountingPinHasher(TestPinHashing.CheapHasher());
using var certificates = new TestCertificates();
var services = new ServiceCollection()
    .AddSingleton<IPinHasher>(hasher)
    .AddSingleton<IClientCertificateAuthenticator>(certificates);
services.AddBizWeb(o => o.PinHashing = TestPinHashing.CheapArgon2id()).AddPostgreSqlStores(connectionString);
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
Console.WriteLine($"evaluated={hasher.Verifications} locked={locked} failed={results.Count(r => r.ErrorCode == MessageCode.UserSignInFailed)}");
return 0;
