using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace BizWeb.CertTool;

/// <summary>
/// <c>--server-ca</c>: trust the host's TLS certificate only through the given anchor (a bank's
/// private CA, or the sample host's own localhost certificate) instead of the system's roots. The
/// chain, the validity and the host name are still checked; nothing is ever accepted blindly.
/// </summary>
internal static class ServerTrust
{
    public static HttpMessageHandler CreateHandler(string? anchorPath)
    {
        var handler = new SocketsHttpHandler();
        if (anchorPath is null)
        {
            return handler;
        }

        var anchors = new X509Certificate2Collection();
        anchors.ImportFromPemFile(anchorPath);
        if (anchors.Count == 0)
        {
            throw new FileNotFoundException("no certificate in --server-ca", anchorPath);
        }

        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0 || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(anchors);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        return handler;
    }
}
