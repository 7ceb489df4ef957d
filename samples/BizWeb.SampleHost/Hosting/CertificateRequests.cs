using System.Security.Cryptography;

namespace BizWeb.SampleHost.Hosting;

/// <summary>Reads a PKCS#10 request pasted or posted as PEM; anything else becomes an empty request the CA refuses with its own code.</summary>
internal static class CertificateRequests
{
    public static byte[] PemToDer(string? pem)
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
