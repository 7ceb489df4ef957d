using System.Security.Cryptography;
using BizWeb.Auth;
using BizWeb.Certificates;
using BizWeb.Testing.Auth;
using BizWeb.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>
/// Fails the n-th database command (or commit) of a full flow — register a user, lock it with wrong
/// guesses, release it, change the administrator's login PIN, issue the contract's customer card,
/// enrol the administrator for a client certificate and issue it through the CA — for every n. After
/// each fault the database holds each change with its audit record and its notification, or none of
/// the three; the flow, retried without the fault, then completes with exactly the notifications of a
/// clean run.
/// </summary>
public abstract class FaultInjectionTests(ITestOutputHelper output)
{
    private const string NewAdminLoginPin = "syacho03";
    private static readonly AuditActor Admin = AuditActor.Principal(PrincipalId.Administrator(AuthHarness.DefaultContract));

    /// <summary>Runs one fault at every command of the flow, and then no fault.</summary>
    protected async Task Every_fault_leaves_all_or_nothing_and_the_retried_flow_succeeds(Func<TestDatabase> newDatabase, int stride)
    {
        var (commands, reference) = await RunAsync(newDatabase, failAt: 0);
        output.WriteLine($"the flow runs {commands} database commands and commits");
        Assert.True(commands > 50, $"only {commands} commands were counted: is the interceptor registered?");

        var faults = 0;
        for (var n = 1; n <= commands; n += stride)
        {
            var (_, notifications) = await RunAsync(newDatabase, n);
            Assert.Equal(reference, notifications);
            faults++;
        }

        output.WriteLine($"{faults} faults injected");
    }

    /// <summary>A failing reservation refuses the sign-in: no guess is evaluated and nothing is signed in.</summary>
    protected async Task A_failing_reservation_fails_closed(TestDatabase database)
    {
        var plan = new FaultPlan();
        using (database)
        using (var h = AuthHarness.Create(services: s => database.AddStores(s, o => o.AddInterceptors(plan.Interceptors))))
        {
            var (contract, certificate) = await h.ActiveContractAsync();
            h.Hasher.Reset();
            plan.FailWhen = sql => sql.Contains("ON CONFLICT", StringComparison.Ordinal);

            var refused = await Assert.ThrowsAnyAsync<Exception>(async () => await h.Get<AdminSignIn>().VerifyPinAsync(certificate, AuthHarness.AdminLoginPin, AuthHarness.Browser));
            Assert.NotNull(Injected(refused));
            Assert.Equal(0, h.Hasher.Verifications);

            plan.FailWhen = null;
            Assert.True((await h.Get<AdminSignIn>().VerifyPinAsync(certificate, AuthHarness.AdminLoginPin, AuthHarness.Browser)).Succeeded);
        }
    }

    /// <summary>Runs the flow with a fault at command <paramref name="failAt"/> (0: none), checks all-or-nothing, retries without the fault, and returns the notifications.</summary>
    private static async Task<(int Commands, string[] Notifications)> RunAsync(Func<TestDatabase> newDatabase, int failAt)
    {
        var plan = new FaultPlan();
        using var database = newDatabase();
        using var h = AuthHarness.Create(configure: null, services: s => AddStoresAndAuthority(s, database, plan));
        var (contract, _) = await h.ActiveContractAsync(LockoutMode.Unlinked);
        var originalAdminPin = (await h.Get<IContractStore>().FindAsync(contract, default))!.AdminLoginPinHash;
        var userCertificate = h.Certificates.IssueFor(PrincipalId.User(contract, AuthHarness.User("taro")));

        plan.Reset();
        plan.FailAt = failAt;
        try
        {
            await FlowAsync(h, contract, userCertificate, originalAdminPin);
            Assert.True(failAt == 0 || plan.Count < failAt, $"the fault at {failAt} was never hit ({plan.Count} commands)");
        }
        catch (Exception exception) when (Injected(exception) is { } fault)
        {
            // EF Core may wrap it (DbUpdateException from SaveChanges): an infrastructure fault, thrown, never a result.
            Assert.Equal(failAt, fault.Command);
        }

        var commands = plan.Count;
        plan.Reset();
        await AssertAllOrNothingAsync(h, contract, originalAdminPin);

        // Retried without the fault, the flow completes from wherever it stopped.
        await FlowAsync(h, contract, userCertificate, originalAdminPin);
        await AssertAllOrNothingAsync(h, contract, originalAdminPin);
        var user = (await h.Get<IUserStore>().FindAsync(contract, AuthHarness.User("taro"), default))!;
        Assert.Equal(UserState.Registered, user.State);
        var audit = await h.Get<IAuditTrailStore>().ReadAsync(0, 10_000, default);
        Assert.Single(audit, a => a.Action == "UserReleased");
        Assert.Single(audit, a => a.Action == nameof(SecurityEvent.AdminLoginPinChanged));
        Assert.Single(audit, a => a.Action == "CustomerCardIssued");
        Assert.Single(audit, a => a.Action == "CertificateIssued");
        var notifications = await h.Get<INotificationOutbox>().ListForContractAsync(contract, default);
        return (commands, [.. notifications.Select(n => $"{n.Event}>{n.Recipient}").Order(StringComparer.Ordinal)]);
    }

    /// <summary>Each step checks whether it is done already, so a retry continues where a fault stopped it.</summary>
    private static async Task FlowAsync(AuthHarness h, ContractId contract, System.Security.Cryptography.X509Certificates.X509Certificate2 userCertificate, string? originalAdminPin)
    {
        var admin = await h.AdminAsync(contract);
        var taro = AuthHarness.User("taro");
        if (await h.Get<IUserStore>().FindAsync(contract, taro, default) is null)
        {
            Assert.True((await h.Get<UserAdministration>().RegisterAsync(admin, new UserRegistration
            {
                UserId = "taro",
                NameKana = "ヤマダ タロウ",
                TemporaryLoginPin = AuthHarness.TemporaryLoginPin,
                TemporaryConfirmationPin = AuthHarness.TemporaryConfirmationPin,
                Email = "taro@example.co.jp",
            }, AuthHarness.AdminConfirmationPin)).Succeeded);
        }

        if (!await HasAuditAsync(h, "UserLocked"))
        {
            for (var guess = 0; guess < 10 && (await h.Get<IUserStore>().FindAsync(contract, taro, default))!.State != UserState.Suspended; guess++)
            {
                await h.Get<UserSignIn>().SignInAsync(userCertificate, "wrong999", AuthHarness.Browser);
            }

            if ((await h.Get<IUserStore>().FindAsync(contract, taro, default))!.State != UserState.Suspended)
            {
                // The fault hit the commit of the 7th guess's lock: nothing of the lock is stored, the
                // counter stays at 7, so the PIN is refused without evaluation (fails closed, answering
                // "busy" since nothing is locked) — but the
                // user is not Suspended, so neither the administrator nor the bank can release it
                // (README: "a counter reset for it on the operations console is still to do"). This
                // test does that missing reset on the store and retries the lock.
                var key = $"{PrincipalId.User(contract, taro)}#{(int)Credential.UserLoginPin}";
                Assert.Equal(7, await h.Get<ICredentialCounterStore>().GetFailuresAsync(key, h.Time.GetUtcNow(), default));
                h.Hasher.Reset();
                Assert.Equal(MessageCode.CredentialBusy, (await h.Get<UserSignIn>().SignInAsync(userCertificate, AuthHarness.TemporaryLoginPin, AuthHarness.Browser)).ErrorCode);
                Assert.Equal(0, h.Hasher.Verifications);
                await h.Get<ICredentialCounterStore>().ResetAsync(key, default);
                for (var guess = 0; guess < 7; guess++)
                {
                    await h.Get<UserSignIn>().SignInAsync(userCertificate, "wrong999", AuthHarness.Browser);
                }
            }
        }

        if (!await HasAuditAsync(h, "UserReleased"))
        {
            Assert.True((await h.Get<UserAdministration>().ReleaseSuspensionAsync(admin, taro, AuthHarness.AdminConfirmationPin)).Succeeded);
        }

        if ((await h.Get<IContractStore>().FindAsync(contract, default))!.AdminLoginPinHash == originalAdminPin)
        {
            Assert.True((await h.Get<CredentialChanges>().ChangeAdminLoginPinAsync(await h.AdminAsync(contract), AuthHarness.AdminLoginPin, NewAdminLoginPin)).Succeeded);
        }

        if (await h.Get<ICustomerCardStore>().FindAsync(contract, default) is null)
        {
            Assert.True((await h.Get<CustomerCardIssuance>().IssueAsync(contract, h.Operator, default)).Succeeded);
        }

        if (await h.Get<ICertificateStore>().FindCurrentAsync(admin.Principal, default) is null)
        {
            // A fault after the ticket was redeemed uses it up: the retry enrols again for a new one.
            var enrollment = h.Get<CertificateEnrollment>();
            var card = await enrollment.BeginAdminAsync(contract.ToString(), NewAdminLoginPin, AuthHarness.Browser);
            Assert.True(card.Succeeded, card.ToString());
            var ticket = await enrollment.CompleteAdminAsync(card.Value.Handle, TestCustomerCard.Answer, AuthHarness.Browser);
            Assert.True(ticket.Succeeded, ticket.ToString());
            var issued = await h.Get<CertificateAuthority>().IssueAsync(ticket.Value.Handle, TestCertificateAuthorityKeys.NewRequest(), Admin);
            Assert.True(issued.Succeeded, issued.ToString());
        }
    }

    /// <summary>The EF Core stores with the fault plan, plus the customer card issuance and the CA (with the test CA key).</summary>
    private static void AddStoresAndAuthority(IServiceCollection services, TestDatabase database, FaultPlan plan)
    {
        services.AddSingleton<ISecretProtector>(new AesGcmSecretProtector(new Dictionary<byte, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) }, 1));
        services.AddSingleton<ICertificateAuthorityKeyProvider>(TestCertificateAuthorityKeys.Instance);
        services.AddBizWeb()
            .AddCustomerCards()
            .AddCertificateAuthority(o => o.CrlDistributionPoint = new Uri("http://crl.shinkin.example/bizweb.crl"));
        database.AddStores(services, o => o.AddInterceptors(plan.Interceptors));
    }

    /// <summary>Every state change is in the database with its audit record and its notification, or none of them is.</summary>
    private static async Task AssertAllOrNothingAsync(AuthHarness h, ContractId contract, string? originalAdminPin)
    {
        var audit = await h.Get<IAuditTrailStore>().ReadAsync(0, 10_000, default);
        Assert.True(AuditChain.Verify(audit).IsIntact);
        var notifications = await h.Get<INotificationOutbox>().ListForContractAsync(contract, default);
        var user = await h.Get<IUserStore>().FindAsync(contract, AuthHarness.User("taro"), default);
        var adminPinChanged = (await h.Get<IContractStore>().FindAsync(contract, default))!.AdminLoginPinHash != originalAdminPin;
        int Audited(string action) => audit.Count(a => a.Action == action && a.Outcome == AuditOutcome.Succeeded);
        int Notified(SecurityEvent e) => notifications.Count(n => n.Event == e);

        var registered = user is not null;
        Assert.Equal(registered ? 1 : 0, Audited("UserRegistered"));
        Assert.Equal(registered ? 1 : 0, Notified(SecurityEvent.UserRegistered));

        var locked = Audited("UserLocked");
        var released = Audited("UserReleased");
        Assert.Equal(locked, Notified(SecurityEvent.UserPinLocked));
        Assert.Equal(released, Notified(SecurityEvent.PinLockReleased));
        Assert.Equal(user?.State == UserState.Suspended, locked == 1 && released == 0);

        Assert.Equal(adminPinChanged ? 1 : 0, Audited(nameof(SecurityEvent.AdminLoginPinChanged)));
        Assert.Equal(adminPinChanged ? 1 : 0, Notified(SecurityEvent.AdminLoginPinChanged));

        // The card and its audit record, both or neither.
        var card = await h.Get<ICustomerCardStore>().FindAsync(contract, default);
        Assert.Equal(card is null ? 0 : 1, Audited("CustomerCardIssued"));
        Assert.Equal(card?.SerialNumber is { } serial ? [$"card {serial}"] : [], audit.Where(a => a.Action == "CustomerCardIssued").Select(a => a.Detail));

        // Every stored certificate (current ones: nothing in this flow supersedes) with its audit record, and only those.
        var certificates = await h.Get<ICertificateStore>().ListCurrentExpiringAsync(DateTimeOffset.MaxValue, default);
        Assert.Equal(
            certificates.Select(c => c.SerialNumber).Order(StringComparer.Ordinal),
            audit.Where(a => a.Action == "CertificateIssued" && a.Outcome == AuditOutcome.Succeeded).Select(a => a.Detail!).Order(StringComparer.Ordinal));
        Assert.True(certificates.Count <= 1);
    }

    private static InjectedFaultException? Injected(Exception? exception) =>
        exception is null ? null : exception as InjectedFaultException ?? Injected(exception.InnerException);

    private static async Task<bool> HasAuditAsync(AuthHarness h, string action) =>
        (await h.Get<IAuditTrailStore>().ReadAsync(0, 10_000, default)).Any(a => a.Action == action && a.Outcome == AuditOutcome.Succeeded);
}

public sealed class SqliteFaultInjectionTests(ITestOutputHelper output) : FaultInjectionTests(output)
{
    [Fact]
    public Task Every_fault_on_SQLite_leaves_all_or_nothing_and_the_retried_flow_succeeds() =>
        Every_fault_leaves_all_or_nothing_and_the_retried_flow_succeeds(() => new SqliteTestDatabase(), stride: 1);

    [Fact]
    public Task A_failing_reservation_on_SQLite_fails_closed() => A_failing_reservation_fails_closed(new SqliteTestDatabase());
}

public sealed class PostgreSqlFaultInjectionTests(ITestOutputHelper output) : FaultInjectionTests(output)
{
    [Fact]
    public Task Every_fault_on_PostgreSQL_leaves_all_or_nothing_and_the_retried_flow_succeeds() =>
        Every_fault_leaves_all_or_nothing_and_the_retried_flow_succeeds(() => new PostgreSqlTestDatabase(), stride: 1);

    [Fact]
    public Task A_failing_reservation_on_PostgreSQL_fails_closed() => A_failing_reservation_fails_closed(new PostgreSqlTestDatabase());
}
