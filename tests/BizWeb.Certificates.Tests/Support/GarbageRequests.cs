using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BizWeb.Certificates.Tests;

/// <summary>
/// Well-formed PKCS#10 requests that no key signed, as an attacker sends them: a random odd RSA
/// modulus of any length (without a prime factor below 1,000, so it would pass BouncyCastle's
/// small-primes check and reach its Miller–Rabin round), e = 65537, and a random "signature".
/// </summary>
internal static class GarbageRequests
{
    public static byte[] Rsa(int bits)
    {
        var modulus = RandomOddModulus(bits);
        var key = new AsnWriter(AsnEncodingRules.DER);
        using (key.PushSequence())
        {
            key.WriteIntegerUnsigned(modulus);
            key.WriteInteger(65537);
        }

        var spki = new AsnWriter(AsnEncodingRules.DER);
        using (spki.PushSequence())
        {
            using (spki.PushSequence())
            {
                spki.WriteObjectIdentifier("1.2.840.113549.1.1.1");
                spki.WriteNull();
            }

            spki.WriteBitString(key.Encode());
        }

        var csr = new AsnWriter(AsnEncodingRules.DER);
        using (csr.PushSequence())
        {
            using (csr.PushSequence())
            {
                csr.WriteInteger(0);
                csr.WriteEncodedValue(new X500DistinguishedName("CN=12345678901taro011286").RawData);
                csr.WriteEncodedValue(spki.Encode());
                using (csr.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                }
            }

            using (csr.PushSequence())
            {
                csr.WriteObjectIdentifier("1.2.840.113549.1.1.11"); // sha256WithRSAEncryption
                csr.WriteNull();
            }

            csr.WriteBitString(RandomNumberGenerator.GetBytes(modulus.Length));
        }

        return csr.Encode();
    }

    private static byte[] RandomOddModulus(int bits)
    {
        var topBits = bits % 8 == 0 ? 8 : bits % 8;
        while (true)
        {
            var modulus = RandomNumberGenerator.GetBytes((bits + 7) / 8);
            modulus[0] &= (byte)((1 << topBits) - 1);
            modulus[0] |= (byte)(1 << (topBits - 1));
            modulus[^1] |= 1;
            var value = new System.Numerics.BigInteger(modulus, isUnsigned: true, isBigEndian: true);
            var smallFactor = false;
            for (var p = 3; p < 1000 && !smallFactor; p += 2)
            {
                smallFactor = value % p == 0;
            }

            if (!smallFactor)
            {
                return modulus;
            }
        }
    }
}
