using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace BizWeb.Certificates;

/// <summary>
/// The default key provider: the CA certificate (PEM) and its key as encrypted PKCS#8 PEM, the
/// password from the options; creates a root CA and writes both files when asked and they are missing.
/// </summary>
internal sealed class FileCertificateAuthorityKeyProvider(IOptions<CertificateAuthorityOptions> options, TimeProvider time) : ICertificateAuthorityKeyProvider, IDisposable
{
    // OWASP's PBKDF2-HMAC-SHA256 iteration count for the key file.
    private static readonly PbeParameters KeyFileEncryption = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 600_000);
    private readonly Lock _gate = new();
    private KeyPairSigner? _signer;

    public ValueTask<ICertificateAuthoritySigner> GetSignerAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _signer ??= Load(options.Value, time.GetUtcNow());
            return ValueTask.FromResult<ICertificateAuthoritySigner>(_signer);
        }
    }

    public void Dispose() => _signer?.Dispose();

    private static KeyPairSigner Load(CertificateAuthorityOptions o, DateTimeOffset now)
    {
        var certificatePath = o.CertificatePath ?? throw new InvalidOperationException("BizWeb:CertificateAuthority:CertificatePath is not set.");
        var keyPath = o.PrivateKeyPath ?? throw new InvalidOperationException("BizWeb:CertificateAuthority:PrivateKeyPath is not set.");
        var password = o.PrivateKeyPassword ?? throw new InvalidOperationException("BizWeb:CertificateAuthority:PrivateKeyPassword is not set.");
        if (o.CreateIfMissing && !File.Exists(certificatePath) && !File.Exists(keyPath))
        {
            Create(o, certificatePath, keyPath, password, now);
        }

        var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
        AsymmetricAlgorithm key = certificate.PublicKey.Oid.Value switch
        {
            "1.2.840.10045.2.1" => ECDsa.Create(),
            "1.2.840.113549.1.1.1" => RSA.Create(),
            _ => throw new InvalidOperationException("The CA certificate's key is neither ECDSA nor RSA."),
        };
        try
        {
            if (key is ECDsa ec)
            {
                ec.ImportFromEncryptedPem(File.ReadAllText(keyPath), password);
            }
            else
            {
                ((RSA)key).ImportFromEncryptedPem(File.ReadAllText(keyPath), password);
            }
        }
        catch (CryptographicException)
        {
            key.Dispose();
            // Never echo the password or the key file's content.
            throw new InvalidOperationException("The CA private key file could not be decrypted: wrong password or not an encrypted PKCS#8 key.");
        }

        if (!certificate.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
        {
            key.Dispose();
            throw new InvalidOperationException("The CA private key does not belong to the CA certificate.");
        }

        return new KeyPairSigner(certificate, key);
    }

    private static void Create(CertificateAuthorityOptions o, string certificatePath, string keyPath, string password, DateTimeOffset now)
    {
        CreateDirectoryOf(keyPath);
        CreateDirectoryOf(certificatePath);
        using var key = AuthorityCertificates.CreateKey(o.KeyAlgorithm);
        var subject = AuthorityCertificates.Name(o.AuthorityName, o.Organization, null, o.Country);
        using var certificate = AuthorityCertificates.Create(key, subject, now, o.AuthorityValidity, issuer: null);
        var keyPem = key.ExportEncryptedPkcs8PrivateKeyPem(password, KeyFileEncryption);
        WritePrivate(keyPath, keyPem);
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem() + "\n");
    }

    /// <summary>A folder that does not exist yet is created, owner-only on Unix (0700): it will hold the CA's key.</summary>
    private static void CreateDirectoryOf(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void WritePrivate(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
        writer.Write('\n');
    }
}
