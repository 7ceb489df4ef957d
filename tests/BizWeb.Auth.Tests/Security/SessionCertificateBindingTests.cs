using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Tests.Security;

/// <summary>
/// SPEC.md §9: a session is bound to the client certificate it signed in with (issue 15, finding 2:
/// a session cookie replayed from a client without the certificate, or with another principal's, was
/// accepted).
/// </summary>
public sealed class SessionCertificateBindingTests : IDisposable
{
    private readonly AuthHarness _h = AuthHarness.Create();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_session_is_refused_on_a_request_without_a_client_certificate()
    {
        var (contract, adminCertificate) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var (userCertificate, userSession) = await _h.ActivateUserAsync(contract, taro);
        var adminSession = await _h.SignInAdminAsync(adminCertificate);
        var sessions = _h.Get<SessionValidation>();

        Assert.True(await sessions.ValidateAsync(userSession, userCertificate) is not null);
        Assert.True(await sessions.ValidateAsync(adminSession, adminCertificate) is not null);
        Assert.False(await sessions.ValidateAsync(userSession, null) is not null);
        Assert.False(await sessions.ValidateAsync(adminSession, null) is not null);
    }

    [Fact]
    public async Task A_session_is_refused_on_a_request_with_another_principals_certificate()
    {
        var (contract, adminCertificate) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract, "taro");
        var jiro = await _h.RegisterUserAsync(contract, "jiro", "jiro@example.co.jp");
        var (taroCertificate, taroSession) = await _h.ActivateUserAsync(contract, taro);
        var (jiroCertificate, _) = await _h.ActivateUserAsync(contract, jiro);
        var adminSession = await _h.SignInAdminAsync(adminCertificate);
        var sessions = _h.Get<SessionValidation>();

        Assert.False(await sessions.ValidateAsync(taroSession, jiroCertificate) is not null);
        Assert.False(await sessions.ValidateAsync(taroSession, adminCertificate) is not null);
        Assert.False(await sessions.ValidateAsync(adminSession, taroCertificate) is not null);
    }

    [Fact]
    public async Task A_session_is_refused_with_a_second_certificate_of_the_same_principal()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var (_, session) = await _h.ActivateUserAsync(contract, taro);
        using var other = _h.Certificates.IssueFor(PrincipalId.User(contract, taro));

        Assert.False(await _h.Get<SessionValidation>().ValidateAsync(session, other) is not null);
    }

    [Fact]
    public async Task A_session_ends_when_its_certificate_is_no_longer_current()
    {
        var (contract, adminCertificate) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var (userCertificate, userSession) = await _h.ActivateUserAsync(contract, taro);
        var adminSession = await _h.SignInAdminAsync(adminCertificate);
        var sessions = _h.Get<SessionValidation>();

        _h.Certificates.Revoke(adminCertificate);
        Assert.False(await sessions.ValidateAsync(adminSession, adminCertificate) is not null);
        Assert.True(await sessions.ValidateAsync(userSession, userCertificate) is not null);
        _h.Certificates.Revoke(userCertificate);
        Assert.False(await sessions.ValidateAsync(userSession, userCertificate) is not null);
    }

    [Fact]
    public async Task Every_sign_in_is_bound_to_the_certificate_of_its_first_step()
    {
        var (contract, adminCertificate) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var (userCertificate, activated) = await _h.ActivateUserAsync(contract, taro);
        var signedIn = await _h.Get<UserSignIn>().SignInAsync(userCertificate, AuthHarness.UserLoginPin, AuthHarness.Browser);
        var admin = await _h.SignInAdminAsync(adminCertificate);

        Assert.Equal(SignedInPrincipal.ThumbprintOf(userCertificate), activated.CertificateThumbprint);
        Assert.Equal(userCertificate.SerialNumber, activated.CertificateSerialNumber);
        Assert.Equal(SignedInPrincipal.ThumbprintOf(userCertificate), signedIn.Value.CertificateThumbprint);
        Assert.Equal(SignedInPrincipal.ThumbprintOf(adminCertificate), admin.CertificateThumbprint);
        Assert.Equal(adminCertificate.SerialNumber, admin.CertificateSerialNumber);
    }
}
