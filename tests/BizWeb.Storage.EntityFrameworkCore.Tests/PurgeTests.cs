using BizWeb.Auth;
using BizWeb.Testing.Auth;
using BizWeb.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>The purge deletes expired tickets, old delivered notifications, expired counters, card challenges and confirmations, and nothing else.</summary>
public abstract class PurgeTests(TestDatabase database) : IDisposable
{
    private static readonly ContractId Contract = AuthHarness.DefaultContract;

    [Fact]
    public async Task Only_what_is_past_its_retention_is_purged_and_the_audit_trail_never()
    {
        using var h = AuthHarness.Create(services: s => database.AddStores(s));
        var now = h.Time.GetUtcNow();
        var admin = PrincipalId.Administrator(Contract);
        FlowTicket Ticket(string hash, DateTimeOffset expires) => new()
        {
            Id = Guid.NewGuid(), HandleHash = hash, Purpose = FlowPurpose.AdminSignIn, Principal = admin, Step = 1,
            StartedAt = expires.AddMinutes(-5), LastStepAt = expires.AddMinutes(-5), ExpiresAt = expires,
        };
        SecurityNotification Notification(DateTimeOffset? delivered, bool abandoned = false) => new()
        {
            Id = Guid.NewGuid(), Event = SecurityEvent.AdminActivated, Recipient = admin, EmailAddress = "a@example.co.jp",
            CreatedAt = now.AddDays(-40), NextAttemptAt = now.AddDays(-40), DeliveredAt = delivered, Abandoned = abandoned,
        };
        var oldTicket = Ticket("01", now.AddDays(-2));
        var recentTicket = Ticket("02", now.AddHours(-1));
        var liveTicket = Ticket("03", now.AddMinutes(5));
        var oldDelivered = Notification(now.AddDays(-31));
        var recentDelivered = Notification(now.AddDays(-29));
        var pending = Notification(null);
        var abandoned = Notification(null, abandoned: true);
        var changes = new AuthChanges().Put(oldTicket).Put(recentTicket).Put(liveTicket)
            .Enqueue(oldDelivered).Enqueue(recentDelivered).Enqueue(pending).Enqueue(abandoned)
            .Append(new AuditEntry { At = now.AddDays(-400), Actor = AuditActor.System, Action = "Old", Outcome = AuditOutcome.Succeeded });
        Assert.Equal(CommitOutcome.Committed, await h.Get<IAuthUnitOfWork>().CommitAsync(changes, default));
        var counters = h.Get<ICredentialCounterStore>();
        await counters.TryReserveAttemptAsync("?expired", 7, now.AddDays(-2), now.AddDays(-1), default);
        await counters.TryReserveAttemptAsync("?live", 7, now, now.AddHours(1), default);
        await counters.TryReserveAttemptAsync("kept", 7, now, null, default);

        CustomerCardChallenge Challenge(string contract, DateTimeOffset expires) => new()
        {
            Id = Guid.NewGuid(), ContractId = AuthHarness.Parse(contract), CardSerialNumber = "1", Principal = PrincipalId.Administrator(AuthHarness.Parse(contract)),
            Purpose = FlowPurpose.AdminSignIn, FlowId = Guid.NewGuid(), Positions = [CustomerCardPosition.A], IssuedAt = expires.AddMinutes(-5), ExpiresAt = expires,
        };
        TransactionConfirmation Confirmation(DateTimeOffset expires) => new()
        {
            Id = Guid.NewGuid(), Principal = admin, Digest = new byte[32], CreatedAt = expires.AddMinutes(-5), ExpiresAt = expires,
        };
        var challenges = h.Get<ICustomerCardChallengeStore>();
        await challenges.GetOrAddAsync(Challenge("10987654321", now.AddMinutes(-1)), now.AddMinutes(-2), default);
        var openChallenge = await challenges.GetOrAddAsync(Challenge(AuthHarness.ContractIdText, now.AddMinutes(5)), now, default);
        var confirmations = h.Get<ITransactionConfirmationStore>();
        await confirmations.AddAsync(Confirmation(now.AddMinutes(-1)), default);
        var openConfirmation = Confirmation(now.AddMinutes(5));
        await confirmations.AddAsync(openConfirmation, default);

        var result = await h.Get<BizWebStoragePurge>().PurgeAsync();

        Assert.Equal(new StoragePurgeResult(Tickets: 1, Notifications: 1, Counters: 1) { CardChallenges = 1, TransactionConfirmations = 1 }, result);
        Assert.NotNull(await challenges.FindAsync(openChallenge.Principal, openChallenge.Purpose, openChallenge.FlowId, now, default));
        Assert.NotNull(await confirmations.FindAsync(openConfirmation.Id, default));
        var tickets = h.Get<IFlowTicketStore>();
        Assert.Null(await tickets.FindByHandleHashAsync("01", default));
        Assert.NotNull(await tickets.FindByHandleHashAsync("02", default));
        Assert.NotNull(await tickets.FindByHandleHashAsync("03", default));
        Assert.Equal(
            new[] { recentDelivered.Id, pending.Id, abandoned.Id }.Order(),
            (await h.Get<INotificationOutbox>().ListForContractAsync(Contract, default)).Select(n => n.Id).Order());
        Assert.Equal(1, await counters.GetFailuresAsync("?live", now, default));
        Assert.Equal(1, await counters.GetFailuresAsync("kept", now, default));
        Assert.Single(await h.Get<IAuditTrailStore>().ReadAsync(0, 10, default));
        Assert.Equal(new StoragePurgeResult(0, 0, 0), await h.Get<BizWebStoragePurge>().PurgeAsync());
    }

    [Fact]
    public void The_hosted_purge_is_registered_on_request_and_its_options_are_validated()
    {
        using var h = AuthHarness.Create(services: s =>
        {
            database.AddStores(s);
            s.AddBizWeb().AddStoragePurge(o => o.Interval = TimeSpan.FromMinutes(10));
        });
        Assert.Single(h.Services.GetServices<IHostedService>());

        using var broken = AuthHarness.Create(services: s =>
        {
            database.AddStores(s);
            s.AddBizWeb().AddStoragePurge(o => o.Interval = TimeSpan.Zero);
        });
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => broken.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageRetentionOptions>>().Value);
    }

    public void Dispose()
    {
        database.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqlitePurgeTests() : PurgeTests(new SqliteTestDatabase());

public sealed class PostgreSqlPurgeTests() : PurgeTests(new PostgreSqlTestDatabase());
