using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace BizWeb.AspNetCore;

/// <summary>Kestrel set-up for the manual's client certificates.</summary>
public static class BizWebKestrelExtensions
{
    /// <summary>
    /// Asks the browser for a client certificate during the TLS handshake without requiring one (the
    /// activation and enrollment screens come before the certificate) and lets every certificate through
    /// TLS: the SDK judges it — the chain to the bank's CA, expiry, revocation, and that it is the
    /// principal's current one — at sign-in and on every request.
    /// </summary>
    /// <param name="https">The HTTPS options of a listener.</param>
    /// <returns>The same options.</returns>
    public static HttpsConnectionAdapterOptions AllowBizWebClientCertificates(this HttpsConnectionAdapterOptions https)
    {
        ArgumentNullException.ThrowIfNull(https);
        https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
        https.ClientCertificateValidation = static (_, _, _) => true;
        return https;
    }
}
