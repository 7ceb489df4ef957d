using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;

namespace BizWeb.Certificates.Tests;

public sealed class SignInMappingTests : IDisposable
{
    private readonly TestAuthority _ca = new();

    public void Dispose() => _ca.Dispose();

    private async Task<PrincipalId?> SignInAsync(byte[] der, DateTimeOffset? at = null)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        return await _ca.Authenticator.AuthenticateAsync(certificate, at ?? _ca.Time.GetUtcNow(), CancellationToken.None);
    }

    private async Task<string?> LastRefusalAsync() => (await _ca.AuditAsync()).Last(e => e.Action == "ClientCertificateRefused").Detail;

    [Fact]
    public async Task The_current_certificate_maps_to_its_principal()
    {
        var admin = await _ca.IssueAsync(TestAuthority.Admin, TestKeys.NewP256Request());
        var user = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());

        Assert.Equal(TestAuthority.Admin, await SignInAsync(admin.RawData));
        Assert.Equal(TestAuthority.User, await SignInAsync(user.RawData));
    }

    [Fact]
    public async Task Expired_and_not_yet_valid_certificates_are_refused()
    {
        var issued = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());

        Assert.Null(await SignInAsync(issued.RawData, issued.NotAfter.AddSeconds(1)));
        Assert.Equal("Expired", await LastRefusalAsync());
        Assert.Null(await SignInAsync(issued.RawData, issued.NotBefore.AddSeconds(-1)));
        Assert.Equal("NotYetValid", await LastRefusalAsync());
        Assert.Equal(TestAuthority.User, await SignInAsync(issued.RawData, issued.NotAfter.AddSeconds(-1)));
    }

    [Fact]
    public async Task A_revoked_certificate_is_refused()
    {
        var issued = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());

        Assert.True((await _ca.Ca.RevokeAsync(issued.SerialNumber, CertificateRevocationReason.KeyCompromise, TestAuthority.Operator)).Succeeded);

        Assert.Null(await SignInAsync(issued.RawData));
        Assert.Equal("Revoked", await LastRefusalAsync());
    }

    [Fact]
    public async Task A_superseded_certificate_is_refused_and_its_successor_accepted()
    {
        var old = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());
        var current = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());

        Assert.Null(await SignInAsync(old.RawData));
        Assert.Equal("NotCurrent", await LastRefusalAsync());
        Assert.Equal(TestAuthority.User, await SignInAsync(current.RawData));
    }

    [Fact]
    public async Task A_foreign_CA_with_the_same_name_is_refused()
    {
        using var foreign = new TestAuthority(TestKeyProvider.Create(CertificateKeyAlgorithm.EcdsaP256));
        Assert.Equal(_ca.Keys.Certificate.SubjectName.RawData, foreign.Keys.Certificate.SubjectName.RawData);
        var forged = await foreign.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());

        Assert.Null(await SignInAsync(forged.RawData));
        Assert.Equal("ForeignIssuer", await LastRefusalAsync());
    }

    [Fact]
    public async Task A_self_signed_certificate_with_a_correct_looking_cn_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(_ca.Keys.Certificate.SubjectName.Name.Replace("しんきん電子証明書認証局", "12345678901taro011286", StringComparison.Ordinal), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var selfSigned = request.CreateSelfSigned(_ca.Time.GetUtcNow().AddDays(-1), _ca.Time.GetUtcNow().AddDays(300));

        Assert.Null(await SignInAsync(selfSigned.RawData));
        Assert.Equal("ForeignIssuer", await LastRefusalAsync());
    }

    [Fact]
    public async Task A_certificate_signed_by_the_CA_key_without_client_auth_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("C=JP, O=Shinkin Test Bank, OU=BizWeb, CN=12345678901taro011286", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false)); // serverAuth
        using var issuer = _ca.Keys.CertificateWithKey();
        using var certificate = request.Create(issuer, _ca.Time.GetUtcNow().AddDays(-1), _ca.Time.GetUtcNow().AddDays(300), SerialNumbers.New());

        Assert.Null(await SignInAsync(certificate.RawData));
        Assert.Equal("WrongUsage", await LastRefusalAsync());
    }

    [Fact]
    public async Task A_certificate_signed_by_the_CA_key_but_never_issued_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("C=JP, O=Shinkin Test Bank, OU=BizWeb, CN=12345678901taro011286", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var issuer = _ca.Keys.CertificateWithKey();
        using var certificate = request.Create(issuer, _ca.Time.GetUtcNow().AddDays(-1), _ca.Time.GetUtcNow().AddDays(300), SerialNumbers.New());

        Assert.Null(await SignInAsync(certificate.RawData));
        Assert.Equal("UnknownCertificate", await LastRefusalAsync());
    }

    [Fact]
    public async Task A_deleted_user_is_refused()
    {
        var issued = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());
        await _ca.DeleteUserAsync(TestAuthority.User);

        Assert.Null(await SignInAsync(issued.RawData));
        Assert.Equal("PrincipalUnknown", await LastRefusalAsync());
    }

    [Fact]
    public async Task Another_banks_code_is_refused()
    {
        var issued = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());
        var authenticator = new ClientCertificateAuthenticator(
            new IssuingAuthority(_ca.Keys), _ca.Store, _ca.Principals, _ca.AuthStore, BankCode.Parse("1287").Value);

        var mapping = await authenticator.MapAsync(issued.RawData, _ca.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(CertificateRefusal.CommonNameInvalid, mapping.Refusal);
    }

    [Fact]
    public async Task Garbage_is_refused_as_malformed()
    {
        var authenticator = new ClientCertificateAuthenticator(
            new IssuingAuthority(_ca.Keys), _ca.Store, _ca.Principals, _ca.AuthStore, BankCode.Default);

        var mapping = await authenticator.MapAsync([0x30, 0x03, 0x02, 0x01, 0x01], _ca.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(CertificateRefusal.Malformed, mapping.Refusal);
    }
}
