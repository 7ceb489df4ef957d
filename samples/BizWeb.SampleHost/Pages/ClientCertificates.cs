using System.Security.Cryptography.X509Certificates;
using BizWeb.AspNetCore;

namespace BizWeb.SampleHost.Pages;

/// <summary>The name of the certificate the browser presented (証明書選択), shown on the sign-in screens.</summary>
internal static class ClientCertificates
{
    public static async Task<string?> DescribeAsync(HttpContext context) =>
        (await context.GetBizWebClientCertificateAsync())?.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
}
