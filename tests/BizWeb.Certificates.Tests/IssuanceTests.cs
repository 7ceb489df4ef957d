using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;

namespace BizWeb.Certificates.Tests;

public sealed class IssuanceTests : IDisposable
{
    private readonly TestAuthority _ca = new();

    public void Dispose() => _ca.Dispose();

    [Fact]
    public async Task The_CA_decides_the_subject_and_the_extensions_whatever_the_request_asks()
    {
        var issued = await _ca.IssueAsync(TestAuthority.User, TestKeys.Request(TestKeys.P256));
        using var certificate = X509CertificateLoader.LoadCertificate(issued.RawData);

        Assert.Equal("C=JP, O=Shinkin Test Bank, OU=BizWeb, CN=12345678901taro011286", certificate.SubjectName.Format(false).Replace("; ", ", ", StringComparison.Ordinal));
        Assert.Equal(3, certificate.Version);
        Assert.Equal(_ca.Keys.Certificate.SubjectName.RawData, certificate.IssuerName.RawData);
        var basic = Assert.Single(certificate.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.True(basic.Critical);
        Assert.False(basic.CertificateAuthority);
        var usage = Assert.Single(certificate.Extensions.OfType<X509KeyUsageExtension>());
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, usage.KeyUsages);
        var eku = Assert.Single(certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal(["1.3.6.1.5.5.7.3.2"], eku.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        Assert.Single(certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>());
        var aki = Assert.Single(certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>());
        Assert.Equal(_ca.Keys.Certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifierBytes.ToArray(), aki.KeyIdentifier!.Value.ToArray());
        Assert.Contains(certificate.Extensions.Cast<X509Extension>(), e => e.Oid!.Value == "2.5.29.31");
        Assert.Equal("1.2.840.10045.4.3.2", certificate.SignatureAlgorithm.Value); // ecdsa-with-SHA256
        Assert.Equal(TestKeys.P256.ExportSubjectPublicKeyInfo(), certificate.PublicKey.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public async Task The_administrators_cn_is_contract_id_plus_1286()
    {
        var issued = await _ca.IssueAsync(TestAuthority.Admin, TestKeys.NewP256Request());
        using var certificate = X509CertificateLoader.LoadCertificate(issued.RawData);

        Assert.Equal("123456789011286", certificate.GetNameInfo(X509NameType.SimpleName, false));
        Assert.Equal(TestAuthority.Admin, issued.Principal);
    }

    [Fact]
    public async Task An_RSA_key_also_gets_key_encipherment()
    {
        var issued = await _ca.IssueAsync(TestAuthority.User, TestKeys.Request(TestKeys.Rsa2048));
        using var certificate = X509CertificateLoader.LoadCertificate(issued.RawData);

        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, certificate.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
    }

    [Fact]
    public async Task Serial_is_16_random_positive_bytes_and_validity_is_one_year_from_a_few_minutes_back()
    {
        var now = _ca.Time.GetUtcNow();
        var first = await _ca.IssueAsync(TestAuthority.Admin, TestKeys.NewP256Request());
        var second = await _ca.IssueAsync(TestAuthority.Admin, TestKeys.NewP256Request());
        using var certificate = X509CertificateLoader.LoadCertificate(first.RawData);

        var serial = certificate.SerialNumberBytes.ToArray();
        Assert.Equal(16, serial.Length);
        Assert.True((serial[0] & 0x80) == 0, "positive");
        Assert.Equal(Convert.ToHexString(serial), first.SerialNumber);
        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
        Assert.Equal(now.AddMinutes(-5), first.NotBefore);
        Assert.Equal(now.AddDays(365), first.NotAfter);
        Assert.Equal(first.NotBefore, new DateTimeOffset(certificate.NotBefore.ToUniversalTime()));
        Assert.Equal(first.NotAfter, new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
    }

    [Fact]
    public async Task A_ticket_is_single_use()
    {
        var ticket = _ca.TicketFor(TestAuthority.User);
        Assert.True((await _ca.Ca.IssueAsync(ticket, TestKeys.NewP256Request(), AuditActor.Anonymous())).Succeeded);

        var again = await _ca.Ca.IssueAsync(ticket, TestKeys.NewP256Request(), AuditActor.Anonymous());

        Assert.Equal(MessageCode.EnrollmentTicketInvalid, again.ErrorCode);
    }

    [Fact]
    public async Task A_refused_request_issues_nothing_is_audited_and_leaves_the_ticket_usable()
    {
        var ticket = _ca.TicketFor(TestAuthority.User);
        var request = TestKeys.NewP256Request();
        request[^1] ^= 0x01; // break the proof-of-possession signature

        var refused = await _ca.Ca.IssueAsync(ticket, request, AuditActor.Anonymous("203.0.113.5"));

        Assert.Equal(MessageCode.CertificateRequestSignatureInvalid, refused.ErrorCode);
        Assert.Null(await _ca.Store.FindCurrentAsync(TestAuthority.User, CancellationToken.None));
        var audit = await _ca.AuditAsync();
        var entry = audit[^1];
        Assert.Equal(("CertificateRequestRefused", AuditOutcome.Failed, "CertificateRequestSignatureInvalid"), (entry.Action, entry.Outcome, entry.Detail));
        Assert.True((await _ca.Ca.IssueAsync(ticket, TestKeys.NewP256Request(), AuditActor.Anonymous())).Succeeded);
    }

    [Fact]
    public async Task Reissue_makes_the_new_certificate_current_and_revokes_the_old_one_as_superseded()
    {
        var old = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());
        _ca.Time.Advance(TimeSpan.FromDays(3));

        var reissued = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());

        Assert.Equal(reissued.SerialNumber, (await _ca.Store.FindCurrentAsync(TestAuthority.User, CancellationToken.None))!.SerialNumber);
        var superseded = await _ca.Store.FindBySerialAsync(old.SerialNumber, CancellationToken.None);
        Assert.Equal(CertificateRevocationReason.Superseded, superseded!.RevocationReason);
        Assert.Equal(reissued.IssuedAt, superseded.RevokedAt);
        var audit = await _ca.AuditAsync();
        Assert.Contains(audit, e => e.Action == "CertificateSuperseded" && e.Detail == old.SerialNumber);
        Assert.Contains(audit, e => e.Action == "CertificateIssued" && e.Detail == reissued.SerialNumber && e.Subject == TestAuthority.User);
    }

    [Fact]
    public async Task A_P384_CA_signs_with_SHA384()
    {
        using var ca = new TestAuthority(TestKeyProvider.Create(CertificateKeyAlgorithm.EcdsaP384));
        var issued = await ca.IssueAsync(TestAuthority.Admin, TestKeys.NewP256Request());
        using var certificate = X509CertificateLoader.LoadCertificate(issued.RawData);

        Assert.Equal("1.2.840.10045.4.3.3", certificate.SignatureAlgorithm.Value); // ecdsa-with-SHA384
        Assert.NotNull(await ca.Authenticator.AuthenticateAsync(certificate, ca.Time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public void Serial_numbers_are_always_16_bytes_and_positive()
    {
        for (var i = 0; i < 1000; i++)
        {
            var serial = SerialNumbers.New();
            Assert.Equal(16, serial.Length);
            Assert.InRange(serial[0], 0x40, 0x7F);
            Assert.True(new BigInteger(serial, isUnsigned: true, isBigEndian: true) > 0);
        }
    }
}
