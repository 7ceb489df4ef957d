using System.Text;
using BizWeb.Auth;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Pkcs;

namespace BizWeb.Certificates;

/// <summary>
/// Reads a PKCS#10 request (DER or PEM) and judges it by the key policy: RSA ≥ 2048 bits with
/// e = 65537, or ECDSA on P-256 / P-384; signed with SHA-256/384/512 (never SHA-1 or MD5); the
/// proof-of-possession signature verifies. Only the public key is taken from an accepted request:
/// its subject, attributes and requested extensions are ignored. Never throws on any input.
/// </summary>
internal static class CertificateRequestPolicy
{
    private const string RsaEncryption = "1.2.840.113549.1.1.1";
    private const string EcPublicKey = "1.2.840.10045.2.1";
    private static readonly Org.BouncyCastle.Math.BigInteger F4 = Org.BouncyCastle.Math.BigInteger.ValueOf(65537);

    /// <summary>Signature algorithms with a broken hash: MD2/MD4/MD5 and SHA-1, with RSA, DSA or ECDSA.</summary>
    private static readonly HashSet<string> WeakSignatures =
    [
        PkcsObjectIdentifiers.MD2WithRsaEncryption.Id, PkcsObjectIdentifiers.MD4WithRsaEncryption.Id,
        PkcsObjectIdentifiers.MD5WithRsaEncryption.Id, PkcsObjectIdentifiers.Sha1WithRsaEncryption.Id,
        X9ObjectIdentifiers.ECDsaWithSha1.Id, X9ObjectIdentifiers.IdDsaWithSha1.Id,
        "1.3.14.3.2.29", // sha1WithRSASignature (OIW)
    ];

    private static readonly HashSet<string> RsaSignatures =
    [
        PkcsObjectIdentifiers.Sha256WithRsaEncryption.Id, PkcsObjectIdentifiers.Sha384WithRsaEncryption.Id, PkcsObjectIdentifiers.Sha512WithRsaEncryption.Id,
    ];

    private static readonly HashSet<string> EcdsaSignatures =
    [
        X9ObjectIdentifiers.ECDsaWithSha256.Id, X9ObjectIdentifiers.ECDsaWithSha384.Id, X9ObjectIdentifiers.ECDsaWithSha512.Id,
    ];

    /// <summary>The judgement of a request.</summary>
    internal readonly record struct Judgement(MessageCode? Refusal, AsymmetricKeyParameter? PublicKey, bool IsRsa)
    {
        public bool Accepted => Refusal is null;
    }

    public static Judgement Judge(ReadOnlySpan<byte> request)
    {
        Pkcs10CertificationRequest csr;
        SubjectPublicKeyInfo spki;
        AlgorithmIdentifier signature;
        try
        {
            var der = ToDer(request);
            if (der is null)
            {
                return Refuse(MessageCode.CertificateRequestMalformed);
            }

            csr = new Pkcs10CertificationRequest(der);
            if (!csr.GetDerEncoded().AsSpan().SequenceEqual(der))
            {
                return Refuse(MessageCode.CertificateRequestMalformed); // trailing bytes or non-DER encoding
            }

            spki = csr.GetCertificationRequestInfo().SubjectPublicKeyInfo;
            signature = csr.SignatureAlgorithm;
        }
#pragma warning disable CA1031 // BouncyCastle reports malformed ASN.1 with many exception types; any of them means "malformed".
        catch (Exception)
#pragma warning restore CA1031
        {
            return Refuse(MessageCode.CertificateRequestMalformed);
        }

        var keyCheck = JudgeKey(spki);
        if (keyCheck is { } keyRefusal)
        {
            return Refuse(keyRefusal);
        }

        var isRsa = spki.Algorithm.Algorithm.Id == RsaEncryption;
        var signatureId = signature.Algorithm.Id;
        if (WeakSignatures.Contains(signatureId))
        {
            return Refuse(MessageCode.CertificateRequestWeakSignature);
        }

        if (!(isRsa ? RsaSignatures : EcdsaSignatures).Contains(signatureId))
        {
            return Refuse(MessageCode.CertificateRequestAlgorithmUnsupported);
        }

        try
        {
            var publicKey = csr.GetPublicKey();
            return csr.Verify(publicKey) ? new Judgement(null, publicKey, isRsa) : Refuse(MessageCode.CertificateRequestSignatureInvalid);
        }
#pragma warning disable CA1031 // a signature that cannot even be evaluated is a bad signature.
        catch (Exception)
#pragma warning restore CA1031
        {
            return Refuse(MessageCode.CertificateRequestSignatureInvalid);
        }
    }

    private static MessageCode? JudgeKey(SubjectPublicKeyInfo spki)
    {
        switch (spki.Algorithm.Algorithm.Id)
        {
            case RsaEncryption:
                RsaPublicKeyStructure rsa;
                try
                {
                    rsa = RsaPublicKeyStructure.GetInstance(spki.ParsePublicKey());
                }
#pragma warning disable CA1031
                catch (Exception)
#pragma warning restore CA1031
                {
                    return MessageCode.CertificateRequestMalformed;
                }

                if (rsa.Modulus.SignValue <= 0 || rsa.Modulus.BitLength < 2048)
                {
                    return MessageCode.CertificateRequestRsaKeyTooShort;
                }

                return rsa.PublicExponent.Equals(F4)
                    ? null
                    : MessageCode.CertificateRequestRsaExponentNotAllowed;

            case EcPublicKey:
                // Named curves only: P-256 or P-384. Explicit parameters, P-192, secp256k1 … are refused.
                return spki.Algorithm.Parameters is DerObjectIdentifier curve
                    && (curve.Equals(SecObjectIdentifiers.SecP256r1) || curve.Equals(SecObjectIdentifiers.SecP384r1))
                    ? null
                    : MessageCode.CertificateRequestCurveNotAllowed;

            default:
                return MessageCode.CertificateRequestAlgorithmUnsupported;
        }
    }

    /// <summary>DER as it is, or the body of a PEM <c>CERTIFICATE REQUEST</c>; null when neither.</summary>
    private static byte[]? ToDer(ReadOnlySpan<byte> request)
    {
        if (request.IsEmpty || request.Length > 64 * 1024)
        {
            return null;
        }

        if (request[0] == 0x30)
        {
            return request.ToArray();
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(request);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var fields = text.AsSpan();
        if (!System.Security.Cryptography.PemEncoding.TryFind(fields, out var pem))
        {
            return null;
        }

        var label = fields[pem.Label];
        if (!label.SequenceEqual("CERTIFICATE REQUEST") && !label.SequenceEqual("NEW CERTIFICATE REQUEST"))
        {
            return null;
        }

        var der = new byte[pem.DecodedDataLength];
        return Convert.TryFromBase64Chars(fields[pem.Base64Data], der, out var written) ? der[..written] : null;
    }

    private static Judgement Refuse(MessageCode code) => new(code, null, false);
}
