using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using Org.BouncyCastle.X509;

namespace BizWeb.Certificates.Tests;

public sealed class RevocationTests : IDisposable
{
    private readonly TestAuthority _ca = new();

    public void Dispose() => _ca.Dispose();

    [Fact]
    public async Task Revocation_is_audited_and_publishes_a_new_numbered_CRL()
    {
        var first = await _ca.Ca.GetCertificateRevocationListAsync();
        var issued = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());

        var result = await _ca.Ca.RevokeAsync(issued.SerialNumber.ToLowerInvariant(), CertificateRevocationReason.CessationOfOperation, TestAuthority.Operator);

        Assert.True(result.Succeeded);
        var crl = await _ca.Ca.GetCertificateRevocationListAsync();
        Assert.Equal(first.Number + 1, crl.Number);
        var parsed = new X509CrlParser().ReadCrl(crl.RawData);
        parsed.Verify(new X509CertificateParser().ReadCertificate(_ca.Keys.Certificate.RawData).GetPublicKey());
        Assert.NotNull(parsed.GetRevokedCertificate(new Org.BouncyCastle.Math.BigInteger(issued.SerialNumber, 16)));
        Assert.Equal(crl.ThisUpdate + TimeSpan.FromDays(1), crl.NextUpdate);
        Assert.StartsWith("-----BEGIN X509 CRL-----", crl.ToPem(), StringComparison.Ordinal);
        var entry = (await _ca.AuditAsync()).Last(e => e.Action == "CertificateRevoked");
        Assert.Equal((TestAuthority.User, AuditActorKind.BankOperator), (entry.Subject!.Value, entry.Actor.Kind));
    }

    [Fact]
    public async Task Unknown_and_already_revoked_certificates_are_results()
    {
        var issued = await _ca.IssueAsync(TestAuthority.Admin, TestKeys.NewP256Request());
        Assert.True((await _ca.Ca.RevokeCurrentAsync(TestAuthority.Admin, CertificateRevocationReason.KeyCompromise, TestAuthority.Operator)).Succeeded);

        Assert.Equal(MessageCode.CertificateAlreadyRevoked, (await _ca.Ca.RevokeAsync(issued.SerialNumber, CertificateRevocationReason.Unspecified, TestAuthority.Operator)).ErrorCode);
        Assert.Equal(MessageCode.CertificateNotFound, (await _ca.Ca.RevokeAsync("00", CertificateRevocationReason.Unspecified, TestAuthority.Operator)).ErrorCode);
        Assert.Equal(MessageCode.CertificateNotFound, (await _ca.Ca.RevokeCurrentAsync(TestAuthority.Admin, CertificateRevocationReason.Unspecified, TestAuthority.Operator)).ErrorCode);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await _ca.Ca.RevokeAsync(issued.SerialNumber, (CertificateRevocationReason)2, TestAuthority.Operator));
    }

    [Fact]
    public async Task The_CRL_is_kept_while_fresh_and_regenerated_after_half_its_validity()
    {
        var first = await _ca.Ca.GetCertificateRevocationListAsync();
        _ca.Time.Advance(TimeSpan.FromHours(11));
        Assert.Same(first, await _ca.Ca.GetCertificateRevocationListAsync());

        _ca.Time.Advance(TimeSpan.FromHours(1));
        var second = await _ca.Ca.GetCertificateRevocationListAsync();

        Assert.Equal(first.Number + 1, second.Number);
    }

    [Fact]
    public async Task Expired_revoked_certificates_leave_the_CRL()
    {
        var issued = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());
        await _ca.Ca.RevokeCurrentAsync(TestAuthority.User, CertificateRevocationReason.KeyCompromise, TestAuthority.Operator);
        _ca.Time.Advance(TimeSpan.FromDays(366));

        var crl = await _ca.Ca.PublishCertificateRevocationListAsync();

        Assert.Null(new X509CrlParser().ReadCrl(crl.RawData).GetRevokedCertificates());
        Assert.True(issued.NotAfter < crl.ThisUpdate);
    }

    [Fact]
    public async Task The_authority_certificate_is_the_public_part_only()
    {
        using var certificate = await _ca.Ca.GetAuthorityCertificateAsync();
        Assert.False(certificate.HasPrivateKey);
        Assert.Equal(_ca.Keys.Certificate.RawData, certificate.RawData);
        Assert.True(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
    }
}
