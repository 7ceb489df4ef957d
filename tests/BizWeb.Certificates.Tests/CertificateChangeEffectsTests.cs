using BizWeb.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Certificates.Tests;

/// <summary>
/// Issue 15: revoking or superseding a principal's certificate renews the principal's security stamp
/// (the contract's for the administrator, the user's for a user), so the sessions signed in with it
/// end (finding 2); issuing one queues the 電子証明書発行 notices (finding 7). Each commits with the
/// certificate change and its audit records, or none of them does.
/// </summary>
public sealed class CertificateChangeEffectsTests : IDisposable
{
    private readonly FailingUnitOfWork _failing = new();
    private readonly TestAuthority _ca;

    public CertificateChangeEffectsTests() =>
        _ca = new TestAuthority(services: s => s.AddSingleton<IAuthUnitOfWork>(sp => _failing.Over(sp.GetRequiredService<InMemoryAuthStore>())));

    public static TheoryData<string> Principals => ["admin", "user"];

    public void Dispose() => _ca.Dispose();

    [Theory]
    [MemberData(nameof(Principals))]
    public async Task Revoking_a_certificate_renews_its_holders_security_stamp(string who)
    {
        var principal = Of(who);
        var issued = await _ca.IssueAsync(principal, TestKeys.NewP256Request());
        var before = await _ca.StampAsync(principal);

        Assert.True((await _ca.Ca.RevokeAsync(issued.SerialNumber, CertificateRevocationReason.KeyCompromise, TestAuthority.Operator)).Succeeded);

        Assert.NotEqual(before, await _ca.StampAsync(principal));
    }

    [Theory]
    [MemberData(nameof(Principals))]
    public async Task Superseding_a_certificate_renews_its_holders_security_stamp(string who)
    {
        var principal = Of(who);
        var before = await _ca.StampAsync(principal);
        await _ca.IssueAsync(principal, TestKeys.NewP256Request());
        Assert.Equal(before, await _ca.StampAsync(principal)); // a first certificate supersedes nothing

        await _ca.IssueAsync(principal, TestKeys.NewP256Request());

        Assert.NotEqual(before, await _ca.StampAsync(principal));
    }

    [Fact]
    public async Task Renewing_supersedes_and_so_renews_the_users_security_stamp()
    {
        var issued = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());
        using var current = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(issued.RawData);
        var before = await _ca.StampAsync(TestAuthority.User);
        _ca.Time.SetUtcNow(issued.NotAfter - TimeSpan.FromDays(10));

        Assert.True((await _ca.Ca.RenewAsync(current, TestKeys.NewP256Request(), AuditActor.Principal(TestAuthority.User))).Succeeded);

        Assert.NotEqual(before, await _ca.StampAsync(TestAuthority.User));
    }

    [Fact]
    public async Task A_revocation_whose_commit_fails_leaves_neither_the_revocation_nor_the_new_stamp_nor_its_audit_record()
    {
        var issued = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());
        var stamp = await _ca.StampAsync(TestAuthority.User);

        _failing.Failing = true;
        await Assert.ThrowsAnyAsync<InvalidOperationException>(async () => await _ca.Ca.RevokeAsync(issued.SerialNumber, CertificateRevocationReason.KeyCompromise, TestAuthority.Operator));
        _failing.Failing = false;

        Assert.False((await _ca.Store.FindBySerialAsync(issued.SerialNumber, CancellationToken.None))!.IsRevoked);
        Assert.Equal(stamp, await _ca.StampAsync(TestAuthority.User));
        Assert.DoesNotContain(await _ca.AuditAsync(), e => e.Action == "CertificateRevoked");
    }

    [Fact]
    public async Task A_supersession_whose_commit_fails_leaves_neither_the_new_certificate_nor_the_new_stamp_nor_the_notices()
    {
        var first = await _ca.IssueAsync(TestAuthority.Admin, TestKeys.NewP256Request());
        var stamp = await _ca.StampAsync(TestAuthority.Admin);
        var notices = (await _ca.OutboxAsync()).Count;

        _failing.Failing = true;
        await Assert.ThrowsAnyAsync<InvalidOperationException>(async () => await _ca.Ca.IssueAsync(_ca.TicketFor(TestAuthority.Admin), TestKeys.NewP256Request(), AuditActor.Anonymous()));
        _failing.Failing = false;

        Assert.Equal(first.SerialNumber, (await _ca.Store.FindCurrentAsync(TestAuthority.Admin, CancellationToken.None))!.SerialNumber);
        Assert.Equal(stamp, await _ca.StampAsync(TestAuthority.Admin));
        Assert.Equal(notices, (await _ca.OutboxAsync()).Count);
        Assert.DoesNotContain(await _ca.AuditAsync(), e => e.Action == "CertificateSuperseded");
    }

    [Fact]
    public async Task Issuing_notifies_the_administrator_of_every_certificate_of_the_contract_and_the_user_of_his_own()
    {
        await _ca.IssueAsync(TestAuthority.Admin, TestKeys.NewP256Request());
        var adminOnly = await _ca.OutboxAsync();
        Assert.Equal([(SecurityEvent.AdminCertificateIssued, TestAuthority.Admin, TestAuthority.AdminEmail)], adminOnly.Select(n => (n.Event, n.Recipient, n.EmailAddress)));

        await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());
        await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request()); // a reissue (supersession) notifies again

        var notices = (await _ca.OutboxAsync()).Select(n => (n.Event, n.Recipient, n.EmailAddress)).OrderBy(n => n.Event).ToList();
        Assert.Equal(
            [
                (SecurityEvent.AdminCertificateIssued, TestAuthority.Admin, TestAuthority.AdminEmail),
                (SecurityEvent.UserCertificateIssuedToAdmin, TestAuthority.Admin, TestAuthority.AdminEmail),
                (SecurityEvent.UserCertificateIssuedToAdmin, TestAuthority.Admin, TestAuthority.AdminEmail),
                (SecurityEvent.UserCertificateIssued, TestAuthority.User, TestAuthority.TaroEmail),
                (SecurityEvent.UserCertificateIssued, TestAuthority.User, TestAuthority.TaroEmail),
            ],
            notices);
    }

    [Fact]
    public async Task A_refused_request_notifies_no_one()
    {
        var request = TestKeys.NewP256Request();
        request[^1] ^= 0x01;

        Assert.False((await _ca.Ca.IssueAsync(_ca.TicketFor(TestAuthority.User), request, AuditActor.Anonymous())).Succeeded);

        Assert.Empty(await _ca.OutboxAsync());
    }

    private static PrincipalId Of(string who) => who == "admin" ? TestAuthority.Admin : TestAuthority.User;

    /// <summary>A unit of work whose commits conflict while <see cref="Failing"/> is set.</summary>
    private sealed class FailingUnitOfWork
    {
        public bool Failing { get; set; }

        public IAuthUnitOfWork Over(IAuthUnitOfWork inner) => new Decorator(this, inner);

        private sealed class Decorator(FailingUnitOfWork owner, IAuthUnitOfWork inner) : IAuthUnitOfWork
        {
            public ValueTask<CommitOutcome> CommitAsync(AuthChanges changes, CancellationToken cancellationToken) =>
                owner.Failing ? ValueTask.FromResult(CommitOutcome.Conflict) : inner.CommitAsync(changes, cancellationToken);
        }
    }
}
