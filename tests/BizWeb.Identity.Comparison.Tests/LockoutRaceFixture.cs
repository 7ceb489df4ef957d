using BizWeb.Testing;
using BizWeb.Testing.Auth;

namespace BizWeb.Identity.Comparison.Tests;

/// <summary>Both sides on one pair of fresh PostgreSQL databases, each with its own counting hasher (the cheap Argon2id of the tests).</summary>
public sealed class LockoutRaceFixture : IAsyncLifetime
{
    private int _accounts;

    /// <summary>The two databases.</summary>
    public ComparisonDatabase Database { get; } = ComparisonDatabase.Create(ComparisonEngine.PostgreSql);

    /// <summary>Our side and its hasher.</summary>
    public (ISignInSide Side, CountingPinHasher Hasher) BizWeb { get; private set; }

    /// <summary>Identity's side and its hasher.</summary>
    public (ISignInSide Side, CountingPinHasher Hasher) Identity { get; private set; }

    /// <summary>A side by name.</summary>
    public (ISignInSide Side, CountingPinHasher Hasher) this[string side] => side == "Identity" ? Identity : BizWeb;

    /// <summary>An account number no race has used.</summary>
    public int NextAccount() => Interlocked.Increment(ref _accounts);

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        var ours = new CountingPinHasher(TestPinHashing.CheapHasher());
        var theirs = new CountingPinHasher(TestPinHashing.CheapHasher());
        BizWeb = (new BizWebSide(Database, ours), ours);
        Identity = (new IdentitySide(Database, theirs), theirs);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await BizWeb.Side.DisposeAsync();
        await Identity.Side.DisposeAsync();
        Database.Dispose();
    }
}
