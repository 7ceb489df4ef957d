using BizWeb.Auth;

namespace BizWeb.Certificates.Tests;

/// <summary>Requests made by <c>openssl req</c> are judged as the key policy says; issued certificates and CRLs read and verify with openssl.</summary>
public sealed class OpenSslInteropTests : IDisposable
{
    private readonly TestAuthority _ca = new();
    private readonly OpenSsl _openssl = new();

    public void Dispose()
    {
        _ca.Dispose();
        _openssl.Dispose();
    }

    /// <summary>openssl commands that make a key file "key.pem"; then <c>openssl req</c> makes the request.</summary>
    public static TheoryData<string, string, MessageCode?> Requests => new()
    {
        { "P-256", "ecparam -name prime256v1 -genkey -noout -out key.pem", null },
        { "P-384", "ecparam -name secp384r1 -genkey -noout -out key.pem", null },
        { "RSA-2048", "genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem", null },
        { "RSA-3072", "genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out key.pem", null },
        { "RSA-4096", "genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096 -out key.pem", null },
        { "RSA-1024", "genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out key.pem", MessageCode.CertificateRequestRsaKeyTooShort },
        { "RSA-2047", "genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2047 -out key.pem", MessageCode.CertificateRequestRsaKeyTooShort },
        { "RSA-2050", "genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2050 -out key.pem", MessageCode.CertificateRequestRsaKeySizeNotAllowed }, // OpenSSL 3.0 makes 2048 bits when asked for 2049
        { "RSA e=3", "genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -pkeyopt rsa_keygen_pubexp:3 -out key.pem", MessageCode.CertificateRequestRsaExponentNotAllowed },
        { "P-192", "ecparam -name prime192v1 -genkey -noout -out key.pem", MessageCode.CertificateRequestCurveNotAllowed },
        { "secp256k1", "ecparam -name secp256k1 -genkey -noout -out key.pem", MessageCode.CertificateRequestCurveNotAllowed },
        { "Ed25519", "genpkey -algorithm ed25519 -out key.pem", MessageCode.CertificateRequestAlgorithmUnsupported },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Openssl_requests_are_judged_by_the_key_policy(string kind, string keyCommand, MessageCode? expected)
    {
        _openssl.Ok(keyCommand.Split(' '));
        _openssl.Ok("req", "-new", "-key", "key.pem", "-subj", "/CN=whatever", "-out", "req.pem");

        var result = await _ca.Ca.IssueAsync(_ca.TicketFor(TestAuthority.User), File.ReadAllBytes(_openssl.PathOf("req.pem")), AuditActor.Anonymous());

        Assert.True(result.ErrorCode == expected, $"{kind}: {result}");
        if (expected is not null)
        {
            Assert.Null(await _ca.Store.FindCurrentAsync(TestAuthority.User, CancellationToken.None));
            var audit = await _ca.AuditAsync();
            Assert.Equal(expected.ToString(), audit[^1].Detail);
        }
    }

    [Theory]
    [InlineData("-sha1", MessageCode.CertificateRequestWeakSignature)]
    [InlineData("-md5", MessageCode.CertificateRequestWeakSignature)]
    [InlineData("-sha384", null)]
    public async Task Openssl_request_signature_hashes_are_judged(string digest, MessageCode? expected)
    {
        _openssl.Ok("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "key.pem");
        _openssl.Ok("req", "-new", "-key", "key.pem", digest, "-subj", "/CN=whatever", "-outform", "DER", "-out", "req.der");

        var result = await _ca.Ca.IssueAsync(_ca.TicketFor(TestAuthority.User), File.ReadAllBytes(_openssl.PathOf("req.der")), AuditActor.Anonymous());

        Assert.True(result.ErrorCode == expected, result.ToString());
    }

    [Fact]
    public async Task Issued_certificates_verify_with_the_CRL_and_fail_once_revoked()
    {
        _openssl.Ok("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "key.pem");
        _openssl.Ok("req", "-new", "-key", "key.pem", "-subj", "/CN=99999999999evil1286/O=Evil", "-addext", "basicConstraints=critical,CA:true", "-out", "req.pem");
        var issued = await _ca.IssueAsync(TestAuthority.User, File.ReadAllBytes(_openssl.PathOf("req.pem")));
        _openssl.Write("cert.pem", issued.ToPem());
        _openssl.Write("ca.pem", _ca.Keys.Certificate.ExportCertificatePem() + "\n");
        _openssl.Write("crl.pem", (await _ca.Ca.GetCertificateRevocationListAsync()).ToPem());

        _openssl.Ok("verify", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "-crl_check", "-purpose", "sslclient", "cert.pem");
        var text = _openssl.Ok("x509", "-in", "cert.pem", "-noout", "-text");
        Assert.Contains("CN=12345678901taro011286", text.Replace(" = ", "=", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("TLS Web Client Authentication", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TLS Web Server Authentication", text, StringComparison.Ordinal);
        Assert.Contains("CA:FALSE", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 Key Usage: critical", text, StringComparison.Ordinal);
        Assert.Contains("Digital Signature", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 Subject Key Identifier", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 Authority Key Identifier", text, StringComparison.Ordinal);
        Assert.Contains("URI:http://crl.shinkin.example/bizweb.crl", text, StringComparison.Ordinal);
        Assert.Contains("ecdsa-with-SHA256", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Evil", text, StringComparison.Ordinal);
        Assert.Equal("subject=C = JP, O = Shinkin Test Bank, OU = BizWeb, CN = 12345678901taro011286", _openssl.Ok("x509", "-in", "cert.pem", "-noout", "-subject", "-nameopt", "oneline,-esc_msb").Trim().Replace("subject= ", "subject=", StringComparison.Ordinal));
        Assert.StartsWith("subject=C = JP, O = Shinkin Test Bank, CN = ", _openssl.Ok("x509", "-in", "ca.pem", "-noout", "-subject").Trim(), StringComparison.Ordinal);

        Assert.True((await _ca.Ca.RevokeAsync(issued.SerialNumber, CertificateRevocationReason.KeyCompromise, TestAuthority.Operator)).Succeeded);
        var crl = await _ca.Ca.GetCertificateRevocationListAsync();
        _openssl.Write("crl.pem", crl.ToPem());
        var (code, output) = _openssl.Run("verify", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "-crl_check", "cert.pem");
        Assert.NotEqual(0, code);
        Assert.Contains("certificate revoked", output, StringComparison.Ordinal);

        var crlText = _openssl.Ok("crl", "-in", "crl.pem", "-noout", "-text", "-CAfile", "ca.pem");
        Assert.Contains("verify OK", crlText, StringComparison.Ordinal);
        Assert.Contains($"X509v3 CRL Number: \n                {crl.Number}", crlText, StringComparison.Ordinal);
        Assert.Contains(issued.SerialNumber, crlText, StringComparison.Ordinal);
        Assert.Contains("Key Compromise", crlText, StringComparison.Ordinal);
        File.WriteAllBytes(_openssl.PathOf("crl.der"), crl.RawData);
        _openssl.Ok("crl", "-inform", "DER", "-in", "crl.der", "-noout", "-CAfile", "ca.pem");
    }

    [Fact]
    public async Task An_RSA_3072_CA_is_verified_by_openssl()
    {
        using var ca = new TestAuthority(TestKeyProvider.Create(CertificateKeyAlgorithm.Rsa3072));
        var issued = await ca.IssueAsync(TestAuthority.Admin, TestKeys.NewP256Request());
        _openssl.Write("cert.pem", issued.ToPem());
        _openssl.Write("ca.pem", ca.Keys.Certificate.ExportCertificatePem() + "\n");
        _openssl.Write("crl.pem", (await ca.Ca.GetCertificateRevocationListAsync()).ToPem());

        _openssl.Ok("verify", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "-crl_check", "cert.pem");
        Assert.Contains("sha256WithRSAEncryption", _openssl.Ok("x509", "-in", "cert.pem", "-noout", "-text"), StringComparison.Ordinal);
    }
}
