using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using BizWeb.Auth;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Pkcs;
using NetCertificateRequest = System.Security.Cryptography.X509Certificates.CertificateRequest;
using NetCertificateRequestLoadOptions = System.Security.Cryptography.X509Certificates.CertificateRequestLoadOptions;

namespace BizWeb.Certificates;

/// <summary>
/// Reads a PKCS#10 request (DER or PEM) and judges it by the key policy: RSA of exactly 2048, 3072
/// or 4096 bits with e = 65537, or ECDSA on P-256 / P-384; signed with SHA-256/384/512 (never SHA-1
/// or MD5); the proof-of-possession signature verifies. Only the public key (its
/// SubjectPublicKeyInfo, as sent) is taken from an accepted request: its subject, attributes and
/// requested extensions are ignored. Never throws on any input.
/// </summary>
/// <remarks>
/// The cheapest gates come first, and no key object is built before the key's size is known to be
/// allowed: the input is bounded (<see cref="MaxDerLength"/>, <see cref="MaxPemLength"/>), the
/// structure is read as ASN.1 only, the RSA modulus length is read from the key's DER (a length,
/// not a number), and only then does .NET (OpenSSL) check the signature — at most one RSA-4096
/// verification per request. BouncyCastle never builds an RSA key object here or in the
/// certificate builder (its constructor runs a primality test of the modulus).
/// </remarks>
internal static class CertificateRequestPolicy
{
    /// <summary>
    /// The largest DER request read: 8 KiB. An RSA-4096 request is about 1.1 KB (key 550 B,
    /// signature 512 B) and a P-384 one under 0.5 KB, which leaves room for a long subject and
    /// requested extensions (both ignored).
    /// </summary>
    internal const int MaxDerLength = 8 * 1024;

    /// <summary>The largest PEM request read: 12 KiB, the base64 of <see cref="MaxDerLength"/> with its line breaks and armour.</summary>
    internal const int MaxPemLength = 12 * 1024;

    private const string RsaEncryption = "1.2.840.113549.1.1.1";
    private const string EcPublicKey = "1.2.840.10045.2.1";

    /// <summary>The RSA moduli accepted, in bits.</summary>
    private static readonly int[] RsaKeySizes = [2048, 3072, 4096];

    /// <summary>65537 as a DER INTEGER's content.</summary>
    private static readonly byte[] F4 = [0x01, 0x00, 0x01];

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

    /// <summary>The judgement of a request: the refusal, or the request's SubjectPublicKeyInfo as sent.</summary>
    internal readonly record struct Judgement(MessageCode? Refusal, SubjectPublicKeyInfo? PublicKey, bool IsRsa)
    {
        public bool Accepted => Refusal is null;
    }

    public static Judgement Judge(ReadOnlySpan<byte> request)
    {
        byte[] der;
        SubjectPublicKeyInfo spki;
        AlgorithmIdentifier signature;
        try
        {
            if (ToDer(request) is not { } read)
            {
                return Refuse(MessageCode.CertificateRequestMalformed);
            }

            der = read;
            var csr = new Pkcs10CertificationRequest(der);
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

        var isRsa = spki.Algorithm.Algorithm.Id == RsaEncryption;
        if (JudgeKey(spki, isRsa) is { } keyRefusal)
        {
            return Refuse(keyRefusal);
        }

        var signatureId = signature.Algorithm.Id;
        if (WeakSignatures.Contains(signatureId))
        {
            return Refuse(MessageCode.CertificateRequestWeakSignature);
        }

        if (!(isRsa ? RsaSignatures : EcdsaSignatures).Contains(signatureId))
        {
            return Refuse(MessageCode.CertificateRequestAlgorithmUnsupported);
        }

        return ProofOfPossessionVerifies(der) ? new Judgement(null, spki, isRsa) : Refuse(MessageCode.CertificateRequestSignatureInvalid);
    }

    /// <summary>The request's signature by its own key, checked by .NET (OpenSSL); the key's size is known to be allowed.</summary>
    private static bool ProofOfPossessionVerifies(byte[] der)
    {
        try
        {
            // The hash algorithm named here is for signing with the loaded request, which never happens;
            // the verification uses the request's own signature algorithm.
            NetCertificateRequest.LoadSigningRequest(der, HashAlgorithmName.SHA256, out var consumed, NetCertificateRequestLoadOptions.Default);
            return consumed == der.Length;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static MessageCode? JudgeKey(SubjectPublicKeyInfo spki, bool isRsa)
    {
        if (isRsa)
        {
            byte[] key;
            try
            {
                key = spki.PublicKey.GetOctets(); // refuses a BIT STRING with unused bits
            }
#pragma warning disable CA1031
            catch (Exception)
#pragma warning restore CA1031
            {
                return MessageCode.CertificateRequestMalformed;
            }

            return JudgeRsaKey(key);
        }

        return spki.Algorithm.Algorithm.Id switch
        {
            // Named curves only: P-256 or P-384. Explicit parameters, P-192, secp256k1 … are refused.
            EcPublicKey => spki.Algorithm.Parameters is DerObjectIdentifier curve
                && (curve.Equals(SecObjectIdentifiers.SecP256r1) || curve.Equals(SecObjectIdentifiers.SecP384r1))
                ? null
                : MessageCode.CertificateRequestCurveNotAllowed,
            _ => MessageCode.CertificateRequestAlgorithmUnsupported,
        };
    }

    /// <summary>
    /// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }, read as DER: the
    /// modulus's length in bits from its minimal big-endian encoding, the exponent's bytes compared.
    /// </summary>
    private static MessageCode? JudgeRsaKey(byte[] key)
    {
        try
        {
            var reader = new AsnReader(key, AsnEncodingRules.DER);
            var fields = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var modulus = fields.ReadIntegerBytes().Span;
            var exponent = fields.ReadIntegerBytes().Span;
            fields.ThrowIfNotEmpty();
            if ((modulus[0] & 0x80) != 0)
            {
                return MessageCode.CertificateRequestMalformed; // a negative modulus
            }

            var bits = BitLength(modulus);
            if (bits < RsaKeySizes[0])
            {
                return MessageCode.CertificateRequestRsaKeyTooShort;
            }

            if (Array.IndexOf(RsaKeySizes, bits) < 0)
            {
                return MessageCode.CertificateRequestRsaKeySizeNotAllowed;
            }

            return exponent.SequenceEqual(F4) ? null : MessageCode.CertificateRequestRsaExponentNotAllowed;
        }
        catch (AsnContentException)
        {
            return MessageCode.CertificateRequestMalformed;
        }
    }

    /// <summary>The bit length of a non-negative minimal big-endian integer (a leading 0x00 only before a byte with its top bit set).</summary>
    private static int BitLength(ReadOnlySpan<byte> value)
    {
        var start = value.IndexOfAnyExcept((byte)0);
        return start < 0 ? 0 : ((value.Length - start - 1) * 8) + (32 - int.LeadingZeroCount(value[start]));
    }

    /// <summary>DER as it is, or the body of a PEM <c>CERTIFICATE REQUEST</c>; null when neither, or too long.</summary>
    private static byte[]? ToDer(ReadOnlySpan<byte> request)
    {
        if (request.IsEmpty)
        {
            return null;
        }

        if (request[0] == 0x30)
        {
            return request.Length <= MaxDerLength ? request.ToArray() : null;
        }

        if (request.Length > MaxPemLength)
        {
            return null;
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
        if (!PemEncoding.TryFind(fields, out var pem))
        {
            return null;
        }

        var label = fields[pem.Label];
        if (!label.SequenceEqual("CERTIFICATE REQUEST") && !label.SequenceEqual("NEW CERTIFICATE REQUEST"))
        {
            return null;
        }

        var der = new byte[pem.DecodedDataLength];
        return Convert.TryFromBase64Chars(fields[pem.Base64Data], der, out var written) && written <= MaxDerLength ? der[..written] : null;
    }

    private static Judgement Refuse(MessageCode code) => new(code, null, false);
}
