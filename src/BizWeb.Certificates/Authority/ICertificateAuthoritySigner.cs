using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BizWeb.Certificates;

/// <summary>
/// The bank CA's signing key, as a key provider hands it out: it signs, and never gives the private
/// key away (so an HSM can stand behind it). Implementations must not log the key or put it in an
/// exception message.
/// </summary>
public interface ICertificateAuthoritySigner
{
    /// <summary>The CA's certificate (public part only): the issuer of every client certificate and CRL.</summary>
    X509Certificate2 Certificate { get; }

    /// <summary>
    /// Signs <paramref name="data"/> with the CA key: an ECDSA key answers a DER <c>Ecdsa-Sig-Value</c>
    /// (RFC 3279), an RSA key a PKCS#1 v1.5 signature, as X.509 encodes them.
    /// </summary>
    /// <param name="data">The to-be-signed bytes (a TBSCertificate or TBSCertList).</param>
    /// <param name="hashAlgorithm">SHA-256, or SHA-384 for a P-384 key.</param>
    /// <returns>The signature.</returns>
    byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm);
}
