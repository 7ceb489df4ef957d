using System.Security.Cryptography;

namespace BizWeb.AspNetCore;

/// <summary>A PKCS#10 certificate request pasted or posted as PEM (証明書取得), for <c>CertificateAuthority.IssueAsync</c>.</summary>
public static class CertificateRequestPem
{
    /// <summary>The DER of the first PEM block; anything else becomes an empty request, which the CA refuses with its own code.</summary>
    /// <param name="pem">The posted text.</param>
    /// <returns>The DER bytes, or empty.</returns>
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
