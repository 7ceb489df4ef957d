using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace BizWeb.AspNetCore;

/// <summary>
/// Behind a TLS-terminating reverse proxy the client certificate arrives in a header. It is honoured
/// only when the connection comes from a configured trusted proxy and has no certificate of its own;
/// from anyone else the header is removed unread, so a client can never claim a certificate by
/// sending the header itself. Runs before <c>X-Forwarded-For</c> is applied, so it judges the proxy's
/// own address.
/// </summary>
internal sealed class ForwardedClientCertificate(IReadOnlySet<IPAddress> proxies, string header)
{
    /// <summary>Longest header accepted: a PEM certificate with a long chain of extensions fits in 16 KiB.</summary>
    private const int MaxHeaderLength = 16 * 1024;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Headers.TryGetValue(header, out var value))
        {
            context.Request.Headers.Remove(header);
            var remote = context.Connection.RemoteIpAddress;
            // The cheap gates first: a trusted proxy's connection without a certificate of its own, a
            // header of sane length; only then is the certificate parsed.
            if (remote is not null && proxies.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)
                && context.Connection.ClientCertificate is null
                && value.Count == 1 && value[0] is { Length: > 0 and <= MaxHeaderLength } text
                && TryRead(text, out var certificate))
            {
                context.Connection.ClientCertificate = certificate;
                context.Response.RegisterForDispose(certificate);
            }
        }

        await next(context).ConfigureAwait(false);
    }

    internal static bool TryRead(string text, out X509Certificate2 certificate)
    {
        certificate = null!;
        try
        {
            var decoded = Uri.UnescapeDataString(text.Trim());
            certificate = decoded.Contains("-----BEGIN", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(decoded)
                : X509CertificateLoader.LoadCertificate(Convert.FromBase64String(decoded));
            return true;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentException or UriFormatException)
        {
            return false;
        }
    }
}
