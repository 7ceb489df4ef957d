using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BizWeb.Certificates;

/// <summary>A signer over a key held in this process (.NET <see cref="ECDsa"/> or <see cref="RSA"/>).</summary>
internal sealed class KeyPairSigner : ICertificateAuthoritySigner, IDisposable
{
    private readonly AsymmetricAlgorithm _key;

    public KeyPairSigner(X509Certificate2 certificate, AsymmetricAlgorithm key)
    {
        if (key is not (ECDsa or RSA))
        {
            throw new ArgumentException("The CA key must be ECDSA or RSA.", nameof(key));
        }

        Certificate = certificate;
        _key = key;
    }

    public X509Certificate2 Certificate { get; }

    public byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => _key switch
    {
        ECDsa ec => ec.SignData(data, hashAlgorithm, DSASignatureFormat.Rfc3279DerSequence),
        RSA rsa => rsa.SignData(data, hashAlgorithm, RSASignaturePadding.Pkcs1),
        _ => throw new InvalidOperationException("Unsupported CA key."),
    };

    public void Dispose() => _key.Dispose();

    public override string ToString() => $"KeyPairSigner({Certificate.Subject})";
}
