using BizWeb.Auth;
using BizWeb.Identity.Comparison;

namespace BizWeb.Benchmarks;

/// <summary>
/// Both sides of the Identity comparison (issue 24) on a fresh pair of databases, with the accounts one
/// benchmark case needs: per caller, one account that always signs in (right PIN), one locked by 7
/// real wrong guesses (locked), or enough accounts to take its wrong guesses 6 at a time, one under the
/// limit (wrong PIN) — <see cref="ResetWrongPinAccountsAsync"/> clears them between iterations with a
/// right sign-in, outside the measurement.
/// </summary>
internal sealed class IdentityComparisonFixture : IAsyncDisposable
{
    public const string RightPin = "Login123";
    private const int GuessesPerAccount = 6;
    private const int Limit = 7;
    private readonly ComparisonDatabase _database;
    private readonly string _row;
    private readonly int _accountsPerCaller;

    private IdentityComparisonFixture(ComparisonDatabase database, string row, int accountsPerCaller, ISignInSide bizWeb, ISignInSide identity, ISignInSide identityAudited)
    {
        IdentityAudited = identityAudited;
        _database = database;
        _row = row;
        _accountsPerCaller = accountsPerCaller;
        BizWeb = bizWeb;
        Identity = identity;
    }

    /// <summary>The rows: <c>RightPin</c>, <c>WrongPin</c>, <c>Locked</c>.</summary>
    public static IEnumerable<string> Rows => ["RightPin", "WrongPin", "Locked"];

    /// <summary>The engines: SQLite, and PostgreSQL when BIZWEB_TEST_POSTGRES names a server.</summary>
    public static IEnumerable<ComparisonEngine> Engines() =>
        Environment.GetEnvironmentVariable(PostgreSqlDatabase.Variable) is null ? [ComparisonEngine.Sqlite] : [ComparisonEngine.Sqlite, ComparisonEngine.PostgreSql];

    public ISignInSide BizWeb { get; }

    public ISignInSide Identity { get; }

    /// <summary>Identity plus one audit insert per sign-in (the like-for-like row), on accounts of its own.</summary>
    public ISignInSide IdentityAudited { get; }

    /// <summary>Both sides on <paramref name="engine"/> with <paramref name="hasher"/>, seeded for <paramref name="row"/> with <paramref name="callers"/> callers making <paramref name="operations"/> sign-ins per invocation.</summary>
    public static IdentityComparisonFixture Create(ComparisonEngine engine, IPinHasher hasher, string row, int callers, int operations, RoundTripCounter? bizWebRoundTrips = null, RoundTripCounter? identityRoundTrips = null)
    {
        var database = ComparisonDatabase.Create(engine);
        var accountsPerCaller = row == "WrongPin" ? (operations / callers + GuessesPerAccount - 1) / GuessesPerAccount : 1;
        var fixture = new IdentityComparisonFixture(database, row, accountsPerCaller, new BizWebSide(database, hasher, bizWebRoundTrips), new IdentitySide(database, hasher, identityRoundTrips), new IdentitySide(database, hasher, audited: true));
        fixture.SeedAsync(callers).GetAwaiter().GetResult();
        return fixture;
    }

    /// <summary>One invocation: <paramref name="operations"/> sign-ins of this fixture's row on <paramref name="side"/>, split over <paramref name="callers"/>.</summary>
    public Task RunAsync(ISignInSide side, int callers, int operations) => ParallelCallers.RunAsync(callers, operations, async (caller, n) =>
    {
        var expected = _row switch { "RightPin" => SignInOutcome.SignedIn, "WrongPin" => SignInOutcome.Failed, _ => SignInOutcome.LockedOut };
        var outcome = await side.SignInAsync(Account(caller, _row == "WrongPin" ? n / GuessesPerAccount : 0), _row == "RightPin" ? RightPin : ParallelGuesses.WrongPin);
        if (outcome != expected)
        {
            throw new InvalidOperationException($"{side.Name} {_row}: {outcome}, expected {expected}.");
        }
    });

    /// <summary>Clears the wrong-PIN accounts' failures with a right sign-in on every side (nothing for the other rows).</summary>
    public async Task ResetWrongPinAccountsAsync(int callers)
    {
        if (_row != "WrongPin")
        {
            return;
        }

        await ForEachAccountAsync(callers, async (side, account) =>
        {
            if (await side.SignInAsync(account, RightPin) != SignInOutcome.SignedIn)
            {
                throw new InvalidOperationException($"{side.Name}: account {account} did not reset.");
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await BizWeb.DisposeAsync();
        await Identity.DisposeAsync();
        await IdentityAudited.DisposeAsync();
        _database.Dispose();
    }

    private async Task SeedAsync(int callers)
    {
        await ForEachAccountAsync(callers, (side, account) => side.SeedAsync(account, RightPin));
        if (_row != "Locked")
        {
            return;
        }

        await ForEachAccountAsync(callers, async (side, account) =>
        {
            for (var i = 0; i < Limit; i++)
            {
                _ = await side.SignInAsync(account, ParallelGuesses.WrongPin);
            }

            if (!await side.IsLockedAsync(account))
            {
                throw new InvalidOperationException($"{side.Name}: account {account} is not locked after {Limit} wrong guesses.");
            }
        });
    }

    private async Task ForEachAccountAsync(int callers, Func<ISignInSide, int, Task> action)
    {
        foreach (var side in new[] { BizWeb, Identity, IdentityAudited })
        {
            for (var caller = 0; caller < callers; caller++)
            {
                for (var k = 0; k < _accountsPerCaller; k++)
                {
                    await action(side, Account(caller, k));
                }
            }
        }
    }

    private int Account(int caller, int k) => (caller * _accountsPerCaller) + k;
}
