using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BizWeb.SampleHost.Tests;

/// <summary>A client certificate with exactly the right CN that the bank's CA never issued.</summary>
public static class ForeignCertificates
{
    public static string CreatePkcs12(string commonName, string password)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O=Not the bank", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(Directory.CreateTempSubdirectory("bizweb-foreign-").FullName, "foreign.p12");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}
