using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;

namespace BizWeb.Certificates.Tests;

public sealed class RenewalTests : IDisposable
{
    private readonly TestAuthority _ca = new();

    public void Dispose() => _ca.Dispose();

    [Fact]
    public async Task Renewal_opens_30_days_before_expiry_and_supersedes_the_current_certificate()
    {
        var issued = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());
        using var current = X509CertificateLoader.LoadCertificate(issued.RawData);
        _ca.Time.SetUtcNow(issued.NotAfter - TimeSpan.FromDays(31));

        var early = await _ca.Ca.RenewAsync(current, TestKeys.NewP256Request(), AuditActor.Principal(TestAuthority.User));
        Assert.Equal(MessageCode.CertificateRenewalNotOpen, early.ErrorCode);

        _ca.Time.SetUtcNow(issued.NotAfter - TimeSpan.FromDays(30));
        var renewed = await _ca.Ca.RenewAsync(current, TestKeys.NewP256Request(), AuditActor.Principal(TestAuthority.User));

        Assert.True(renewed.Succeeded, renewed.ToString());
        Assert.Equal(TestAuthority.User, renewed.Value.Principal);
        Assert.Equal(CertificateRevocationReason.Superseded, (await _ca.Store.FindBySerialAsync(issued.SerialNumber, CancellationToken.None))!.RevocationReason);
        Assert.Null(await _ca.Authenticator.AuthenticateAsync(current, _ca.Time.GetUtcNow(), CancellationToken.None));
        Assert.Contains(await _ca.AuditAsync(), e => e.Action == "CertificateRenewed" && e.Detail == renewed.Value.SerialNumber);
    }

    [Fact]
    public async Task Only_the_current_certificate_renews()
    {
        var old = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());
        await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());
        using var superseded = X509CertificateLoader.LoadCertificate(old.RawData);
        _ca.Time.SetUtcNow(old.NotAfter - TimeSpan.FromDays(5));

        var result = await _ca.Ca.RenewAsync(superseded, TestKeys.NewP256Request(), AuditActor.Principal(TestAuthority.User));

        Assert.Equal(MessageCode.CertificateNotAccepted, result.ErrorCode);
    }

    [Fact]
    public async Task Reminders_are_due_30_and_10_days_before_expiry_once_each()
    {
        var issued = await _ca.IssueAsync(TestAuthority.Admin, TestKeys.NewP256Request());
        _ca.Time.SetUtcNow(issued.NotAfter - TimeSpan.FromDays(31));
        Assert.Empty(await _ca.Reminders.ListDueAsync());

        _ca.Time.SetUtcNow(issued.NotAfter - TimeSpan.FromDays(29));
        var first = Assert.Single(await _ca.Reminders.ListDueAsync());
        Assert.Equal((TestAuthority.Admin, 30, issued.SerialNumber), (first.Principal, first.DaysBeforeExpiry, first.SerialNumber));
        Assert.True(await _ca.Reminders.MarkSentAsync(first));
        Assert.False(await _ca.Reminders.MarkSentAsync(first));
        Assert.Empty(await _ca.Reminders.ListDueAsync());

        _ca.Time.SetUtcNow(issued.NotAfter - TimeSpan.FromDays(9));
        var final = Assert.Single(await _ca.Reminders.ListDueAsync());
        Assert.Equal(10, final.DaysBeforeExpiry);
        Assert.True(await _ca.Reminders.MarkSentAsync(final));
        Assert.Empty(await _ca.Reminders.ListDueAsync());

        _ca.Time.SetUtcNow(issued.NotAfter + TimeSpan.FromDays(1));
        Assert.Empty(await _ca.Reminders.ListDueAsync());
    }

    [Fact]
    public async Task A_renewed_certificate_gets_no_reminder()
    {
        var issued = await _ca.IssueAsync(TestAuthority.Admin, TestKeys.NewP256Request());
        _ca.Time.SetUtcNow(issued.NotAfter - TimeSpan.FromDays(20));
        await _ca.IssueAsync(TestAuthority.Admin, TestKeys.NewP256Request());

        Assert.Empty(await _ca.Reminders.ListDueAsync());
    }
}
