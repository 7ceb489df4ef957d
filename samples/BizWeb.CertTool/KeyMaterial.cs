using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BizWeb.CertTool;

/// <summary>The key pair made on this machine, its PKCS#10 request, and the PKCS#12 file. The private key never leaves the machine.</summary>
internal static class KeyMaterial
{
    public static AsymmetricAlgorithm Create(string algorithm) => algorithm switch
    {
        "p256" => ECDsa.Create(ECCurve.NamedCurves.nistP256),
        "p384" => ECDsa.Create(ECCurve.NamedCurves.nistP384),
        "rsa3072" => RSA.Create(3072),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "p256, p384 or rsa3072"),
    };

    /// <summary>A PEM request. The subject is a placeholder: the bank's CA decides the real one.</summary>
    public static string Request(AsymmetricAlgorithm key)
    {
        var subject = new X500DistinguishedName("CN=BizWeb certificate request");
        var request = key switch
        {
            ECDsa ec => new CertificateRequest(subject, ec, ec.KeySize > 256 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256),
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new ArgumentException("unsupported key", nameof(key)),
        };
        return request.CreateSigningRequestPem();
    }

    /// <summary>The certificate with its key as PKCS#12 (AES-256, PBKDF2-SHA256), for import into a browser or OS store.</summary>
    public static byte[] Pkcs12(string certificatePem, AsymmetricAlgorithm key, string password, string? caCertificatePem)
    {
        using var certificate = X509Certificate2.CreateFromPem(certificatePem);
        using var withKey = key switch
        {
            ECDsa ec => certificate.CopyWithPrivateKey(ec),
            RSA rsa => certificate.CopyWithPrivateKey(rsa),
            _ => throw new ArgumentException("unsupported key", nameof(key)),
        };
        var collection = new X509Certificate2Collection(withKey);
        if (caCertificatePem is not null)
        {
            collection.Add(X509Certificate2.CreateFromPem(caCertificatePem));
        }

        return collection.ExportPkcs12(new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 600_000), password)
            ?? throw new CryptographicException("PKCS#12 export failed.");
    }

    public static void WriteNew(string path, byte[] content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(content);
    }
}
