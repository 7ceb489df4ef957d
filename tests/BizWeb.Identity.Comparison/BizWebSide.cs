using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using BizWeb.Storage.EntityFrameworkCore.PostgreSql;
using BizWeb.Storage.EntityFrameworkCore.Sqlite;
using BizWeb.Testing.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Identity.Comparison;

/// <summary>
/// Our side: <see cref="UserSignIn.SignInAsync"/> (lockout reservation before the PIN check, the PIN
/// check, the state checks, the audited hash-chained commit) on the EF Core stores, with the default
/// lockout of 7 consecutive failures (one contract per account, linked lockout). The client
/// certificate is mapped in memory (<see cref="TestCertificates"/>), as Identity is handed its user
/// name: neither side pays a CA here.
/// </summary>
public sealed class BizWebSide : ISignInSide
{
    private static readonly AuditActor Actor = AuditActor.Anonymous("203.0.113.7");
    private readonly ServiceProvider _services;
    private readonly IPinHasher _hasher;
    private readonly TestCertificates _certificates = new();
    private readonly ConcurrentDictionary<int, X509Certificate2> _byAccount = new();

    /// <summary>Our services on <paramref name="database"/>'s BizWeb database, verifying PINs with <paramref name="hasher"/>.</summary>
    public BizWebSide(ComparisonDatabase database, IPinHasher hasher, RoundTripCounter? roundTrips = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _hasher = hasher;
        var services = new ServiceCollection()
            .AddSingleton(hasher)
            .AddSingleton<IClientCertificateAuthenticator>(_certificates);
        // Identity has no KDF admission control: every guess of ours waits for its place (no ServiceBusy),
        // so the races and timings compare the lockout and the stores alone.
        var builder = services.AddBizWeb(o => o.PinHashing.MaxQueuedEvaluations = 4096);
        void Configure(DbContextOptionsBuilder options)
        {
            database.Configure(options, database.BizWebConnectionString);
            roundTrips?.AddTo(options);
        }

        if (database.Engine == ComparisonEngine.Sqlite)
        {
            services.AddPooledDbContextFactory<SqliteBizWebDbContext>(Configure);
            builder.AddSqliteStores<SqliteBizWebDbContext>();
        }
        else
        {
            services.AddPooledDbContextFactory<PostgreSqlBizWebDbContext>(Configure);
            builder.AddPostgreSqlStores<PostgreSqlBizWebDbContext>();
        }

        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <inheritdoc />
    public string Name => "BizWeb";

    /// <inheritdoc />
    public async Task SeedAsync(int account, string pin)
    {
        var (contract, user) = PrincipalOf(account);
        var now = TimeProvider.System.GetUtcNow();
        var pinHash = _hasher.HashPin(pin);
        using var scope = _services.CreateScope();
        var committed = await scope.ServiceProvider.GetRequiredService<IAuthUnitOfWork>().CommitAsync(new AuthChanges()
            .Put(new Contract { Id = contract, LockoutMode = LockoutMode.Linked, State = ContractState.Active, RegistrationPinHash = pinHash, SecurityStamp = "s", CreatedAt = now })
            .Put(new User { ContractId = contract, Id = user, NameKana = "タロウ", LoginPinHash = pinHash, ConfirmationPinHash = pinHash, State = UserState.Active, ActivatedAt = now, SecurityStamp = "u", CreatedAt = now }), default);
        if (committed != CommitOutcome.Committed)
        {
            throw new InvalidOperationException($"Account {account} was not seeded: {committed}.");
        }

        Prepare(account);
    }

    /// <inheritdoc />
    public void Prepare(int account) =>
        _byAccount.GetOrAdd(account, a => _certificates.IssueFor(PrincipalId.User(PrincipalOf(a).Contract, PrincipalOf(a).User)));

    /// <inheritdoc />
    public async Task<SignInOutcome> SignInAsync(int account, string pin)
    {
        using var scope = _services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserSignIn>().SignInAsync(_byAccount[account], pin, Actor);
        return result.Succeeded ? SignInOutcome.SignedIn : result.ErrorCode switch
        {
            MessageCode.UserSignInFailed => SignInOutcome.Failed,
            MessageCode.UserLocked => SignInOutcome.LockedOut,
            MessageCode.CredentialBusy => SignInOutcome.Busy,
            _ => SignInOutcome.Other,
        };
    }

    /// <inheritdoc />
    public async Task<bool> IsLockedAsync(int account)
    {
        var (contract, user) = PrincipalOf(account);
        using var scope = _services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IUserStore>().FindAsync(contract, user, default))?.State == UserState.Suspended;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _certificates.Dispose();
    }

    private static (ContractId Contract, UserId User) PrincipalOf(int account) =>
        (ContractId.Parse((30_000_000_000L + account).ToString(CultureInfo.InvariantCulture)).Value,
         UserId.Parse(string.Create(CultureInfo.InvariantCulture, $"taro{account:D6}")).Value);
}
