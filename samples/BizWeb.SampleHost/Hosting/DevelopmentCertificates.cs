using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BizWeb.SampleHost.Hosting;

/// <summary>
/// First-run material for an evaluator's machine: the TLS certificate for <c>localhost</c> and the
/// password of the development CA's private key. Both live in the data folder with owner-only
/// permissions. A bank configures its own server certificate and keeps its CA key in an HSM
/// (an <c>ICertificateAuthorityKeyProvider</c>); nothing here is meant for production.
/// </summary>
internal static class DevelopmentCertificates
{
    public static X509Certificate2 LoadOrCreateServerCertificate(SampleHostSettings settings, TimeProvider time)
    {
        var options = settings.Options;
        if (!string.IsNullOrEmpty(options.ServerCertificatePath))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(options.ServerCertificatePath, options.ServerCertificatePassword);
        }

        var path = Path.Combine(settings.DataDirectory, "server-localhost.pfx");
        if (File.Exists(path))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
            if (existing.NotAfter > time.GetUtcNow().UtcDateTime.AddDays(7) && existing.GetNameInfo(X509NameType.DnsName, false) == options.PublicHostName)
            {
                WritePublicPem(settings, existing);
                return existing;
            }

            existing.Dispose();
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={options.PublicHostName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(options.PublicHostName);
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddIpAddress(System.Net.IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = time.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(365));
        WriteOwnerOnly(path, created.Export(X509ContentType.Pkcs12));
        var loaded = X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
        WritePublicPem(settings, loaded);
        return loaded;
    }

    /// <summary>The public half, for clients that pin it (<c>bizweb-cert --server-ca</c>, a browser's trust store).</summary>
    private static void WritePublicPem(SampleHostSettings settings, X509Certificate2 certificate) =>
        File.WriteAllText(Path.Combine(settings.DataDirectory, "server-localhost.pem"), certificate.ExportCertificatePem() + "\n");

    /// <summary>The development CA key's password: made with the CSPRNG on first run, kept owner-only.</summary>
    public static string LoadOrCreateCaKeyPassword(SampleHostSettings settings)
    {
        SampleHostSettings.CreateOwnerOnlyDirectory(settings.CaDirectory);
        var path = Path.Combine(settings.CaDirectory, "ca-key.password");
        if (!File.Exists(path))
        {
            WriteOwnerOnly(path, System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        }

        return File.ReadAllText(path).Trim();
    }

    private static void WriteOwnerOnly(string path, byte[] content)
    {
        SampleHostSettings.CreateOwnerOnlyDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        if (File.Exists(path))
        {
            File.Delete(path);
        }

        using var stream = new FileStream(path, options);
        stream.Write(content);
    }
}
