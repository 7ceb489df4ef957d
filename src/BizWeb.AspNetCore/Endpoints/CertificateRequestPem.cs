using System.Security.Cryptography;

namespace BizWeb.AspNetCore;

/// <summary>Reads a PKCS#10 request posted as PEM; anything else becomes an empty request the CA refuses with its own code.</summary>
internal static class CertificateRequestPem
{
    public static byte[] ToDer(string? pem)
    {
        try
        {
            return PemEncoding.TryFind(pem, out var fields) ? Convert.FromBase64String(pem![fields.Base64Data]) : [];
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
