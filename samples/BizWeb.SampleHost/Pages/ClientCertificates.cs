using System.Security.Cryptography.X509Certificates;

namespace BizWeb.SampleHost.Pages;

/// <summary>The certificate the browser presented in the TLS handshake (or a trusted proxy forwarded).</summary>
internal static class ClientCertificates
{
    public static async Task<X509Certificate2?> GetAsync(HttpContext context) =>
        context.Connection.ClientCertificate ?? await context.Connection.GetClientCertificateAsync(context.RequestAborted);

    public static async Task<string?> DescribeAsync(HttpContext context) =>
        (await GetAsync(context))?.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
}
