using BizWeb.AspNetCore;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using BizWeb.Auth;
using BizWeb.Certificates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace BizWeb.SampleHost.Pages;

/// <summary>
/// 管理者2-4 / 利用者6-6 電子証明書取得完了: right after issuance, the new certificate (to download) and its
/// Common Name; later, the Common Name of the certificate the browser presents, when the SDK accepts it
/// as the current one of an administrator (2-4) or a user (6-6).
/// </summary>
public abstract class CertificateCompletePageModel(IClientCertificateAuthenticator authenticator) : SitePageModel
{
    private const string AdministratorKey = "issued-admin-certificate";
    private const string UserKey = "issued-user-certificate";

    public string? CommonName { get; private set; }

    /// <summary>The certificate just issued (public material, PEM), or null when the browser's one is shown.</summary>
    public string? CertificatePem { get; private set; }

    protected abstract bool ForAdministrator { get; }

    private string Key => ForAdministrator ? AdministratorKey : UserKey;

    /// <summary>Keeps the issued certificate for the completion page and its download.</summary>
    internal static void Remember(ITempDataDictionary tempData, IssuedCertificate issued) =>
        tempData[issued.Principal.IsAdministrator ? AdministratorKey : UserKey] = issued.ToPem();

    /// <summary>A new enrollment forgets the certificate of the last one.</summary>
    internal static void Forget(ITempDataDictionary tempData)
    {
        tempData.Remove(AdministratorKey);
        tempData.Remove(UserKey);
    }

    public async Task OnGetAsync()
    {
        if (TempData.Peek(Key) is string pem)
        {
            CertificatePem = pem;
            using var issued = X509Certificate2.CreateFromPem(pem);
            CommonName = issued.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            return;
        }

        var presented = await HttpContext.GetBizWebClientCertificateAsync();
        if (presented is not null
            && await authenticator.AuthenticateAsync(presented, Clock.GetUtcNow(), HttpContext.RequestAborted) is { } principal
            && principal.IsAdministrator == ForAdministrator)
        {
            CommonName = presented.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            return;
        }

        Errors.Add(T("有効な電子証明書が選択されていません。電子証明書を取得し、ブラウザで選択してください。",
            "No valid certificate was presented. Obtain one and choose it in the browser."));
    }

    public IActionResult OnGetDownload() => TempData.Peek(Key) is string pem
        ? File(Encoding.ASCII.GetBytes(pem), "application/x-pem-file", "certificate.pem")
        : RedirectToPage();
}
