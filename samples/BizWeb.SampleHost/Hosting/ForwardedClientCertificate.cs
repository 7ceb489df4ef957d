using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace BizWeb.SampleHost.Hosting;

/// <summary>
/// Behind a TLS-terminating reverse proxy the client certificate arrives in a header. It is honoured
/// only when the connection comes from an address listed in <c>SampleHost:TrustedProxies</c> and the
/// connection has no certificate of its own; from anyone else the header is removed unread, so a
/// client can never claim a certificate by sending the header itself.
/// </summary>
internal static class ForwardedClientCertificate
{
    public static IApplicationBuilder UseForwardedClientCertificate(this IApplicationBuilder app, SampleHostSettings settings)
    {
        var proxies = settings.Options.TrustedProxies.Select(IPAddress.Parse).ToHashSet();
        var header = settings.Options.ClientCertificateHeader;
        return app.Use(async (context, next) =>
        {
            if (context.Request.Headers.TryGetValue(header, out var value))
            {
                context.Request.Headers.Remove(header);
                var remote = context.Connection.RemoteIpAddress;
                if (remote is not null && proxies.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)
                    && context.Connection.ClientCertificate is null && TryRead(value.ToString(), out var certificate))
                {
                    context.Connection.ClientCertificate = certificate;
                    context.Response.RegisterForDispose(certificate);
                }
            }

            await next();
        });
    }

    private static bool TryRead(string text, out X509Certificate2 certificate)
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
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            return false;
        }
    }
}
