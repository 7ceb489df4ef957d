using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Certificates.Tests;

/// <summary>The auth flows revoke certificates through ICertificateRevoker, and expiry reminders reach the auth outbox.</summary>
public sealed class LifecycleRevocationTests : IDisposable
{
    private readonly AuthHarness _h = AuthHarness.Create(
        o => o.RevokeCertificatesOnAccident = true,
        s => s.AddSingleton<ICertificateAuthorityKeyProvider>(TestKeyProvider.Default)
            .AddBizWeb()
            .AddCertificateAuthority(o => o.CrlDistributionPoint = new Uri("http://crl.shinkin.example/bizweb.crl")));

    public void Dispose() => _h.Dispose();

    private async Task<IssuedCertificate> EnrollUserAsync(ContractId contract, string userId)
    {
        var enrollment = _h.Get<CertificateEnrollment>();
        var begun = await enrollment.BeginUserAsync(contract.ToString(), userId, AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        var ticket = await enrollment.CompleteUserAsync(begun.Value.Handle, TestHardwareToken.Code, AuthHarness.Browser);
        var issued = await _h.Get<CertificateAuthority>().IssueAsync(ticket.Value.Handle, TestKeys.NewP256Request(), AuthHarness.Browser);
        Assert.True(issued.Succeeded, issued.ToString());
        return issued.Value;
    }

    [Fact]
    public async Task Deleting_a_user_revokes_the_users_certificate_as_cessation_of_operation()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var issued = await EnrollUserAsync(contract, "taro");
        var admin = await _h.AdminAsync(contract);

        await _h.Get<UserAdministration>().DeleteAsync(admin, taro, AuthHarness.AdminConfirmationPin);

        var stored = (await _h.Get<ICertificateStore>().FindBySerialAsync(issued.SerialNumber, default))!;
        Assert.Equal(CertificateRevocationReason.CessationOfOperation, stored.RevocationReason);
        Assert.Null(await _h.Get<CertificateAuthority>().FindCurrentAsync(PrincipalId.User(contract, taro)));
    }

    [Fact]
    public async Task Withdrawing_the_certificate_flag_revokes_as_privilege_withdrawn_and_an_accident_as_key_compromise()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract, "taro");
        var hanako = await _h.RegisterUserAsync(contract, "hanako");
        var taroCertificate = await EnrollUserAsync(contract, "taro");
        var hanakoCertificate = await EnrollUserAsync(contract, "hanako");
        var admin = await _h.AdminAsync(contract);

        await _h.Get<UserAdministration>().ChangeAsync(admin, taro, new UserChange { NameKana = "ヤマダ タロウ", IssueCertificate = false }, AuthHarness.AdminConfirmationPin);
        await _h.Get<BankOperations>().RegisterAccidentAsync(_h.Operator, contract, hanako);

        var store = _h.Get<ICertificateStore>();
        Assert.Equal(CertificateRevocationReason.PrivilegeWithdrawn, (await store.FindBySerialAsync(taroCertificate.SerialNumber, default))!.RevocationReason);
        Assert.Equal(CertificateRevocationReason.KeyCompromise, (await store.FindBySerialAsync(hanakoCertificate.SerialNumber, default))!.RevocationReason);
    }

    [Fact]
    public async Task Expiry_reminders_go_through_the_outbox_once()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        await _h.RegisterUserAsync(contract);
        var issued = await EnrollUserAsync(contract, "taro");
        var reminders = _h.Get<CertificateExpiryReminders>();

        _h.Time.SetUtcNow(issued.NotAfter.AddDays(-29));
        Assert.Equal(1, await reminders.SendDueAsync());
        Assert.Equal(0, await reminders.SendDueAsync());
        var notice = Assert.Single(await _h.OutboxAsync(contract), n => n.Event == SecurityEvent.UserCertificateExpiring);
        Assert.Equal("taro@example.co.jp", notice.EmailAddress);
    }
}
