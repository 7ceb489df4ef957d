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
        // A redirect would re-send the PIN or one-time password to wherever it points: never follow one.
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
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

        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, presented, errors) =>
        {
            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0 || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(anchors);
            // A private CA publishes no revocation the tool could reach offline; the anchor is pinned instead.
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1")); // server authentication
            if (presented is not null)
            {
                // Intermediates the server sent, so a private CA with an intermediate needs no AIA download.
                foreach (var element in presented.ChainElements.Skip(1))
                {
                    chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        return handler;
    }
}
