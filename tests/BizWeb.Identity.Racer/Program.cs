// A separate OS process for the two-process races of tests/BizWeb.Identity.Comparison.Tests, on PostgreSQL:
//   dotnet BizWeb.Identity.Racer.dll <BizWeb|Identity> <our connection string> <Identity's connection string>
// Builds that side with its own connection pool and its own counting hasher (the cheap Argon2id of the
// tests), warms up, prints "ready", then for every stdin line "<account> <guesses>" fires that many wrong
// guesses at the account in parallel and prints one RaceTally line (evaluated=… failed=… locked=… …).
// Exits at the end of stdin.
using System.Globalization;
using BizWeb.Identity.Comparison;
using BizWeb.Testing;
using BizWeb.Testing.Auth;

if (args is not [var sideName, var bizWeb, var identity])
{
    Console.Error.WriteLine("usage: BizWeb.Identity.Racer <BizWeb|Identity> <our connection string> <Identity's connection string>");
    return 2;
}

var hasher = new CountingPinHasher(TestPinHashing.CheapHasher());
using var database = ComparisonDatabase.Open(ComparisonEngine.PostgreSql, bizWeb, identity);
await using ISignInSide side = sideName == "Identity" ? new IdentitySide(database, hasher) : new BizWebSide(database, hasher);

// Warm up the pool and the code paths with a read of an account no race uses (it need not exist: the answer does not matter).
const int WarmUpAccount = 999_999;
side.Prepare(WarmUpAccount);
_ = await side.IsLockedAsync(WarmUpAccount).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
Console.WriteLine("ready");

while (Console.ReadLine() is { } line)
{
    var parts = line.Split(' ');
    var (account, guesses) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    side.Prepare(account);
    hasher.Reset();
    var outcomes = await ParallelGuesses.FireAsync(side, account, guesses);
    Console.WriteLine(RaceTally.Of(hasher.Verifications, outcomes));
}

return 0;
