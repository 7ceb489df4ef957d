using BizWeb.AspNetCore;
using BizWeb.Certificates;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace BizWeb.SampleHost.Pages;

/// <summary>
/// The CA step of both certificate flows (管理者2-2 in the browser, 利用者6-4/6-5): the enrollment ticket
/// from the second factor (kept as the flow handle) plus a pasted PKCS#10 request. The key pair was made
/// on the person's machine; only its public key arrives. A refused request leaves the ticket usable.
/// </summary>
public abstract class CertificateRequestPageModel(CertificateAuthority authority) : SitePageModel
{
    public string? Csr { get; private set; }

    public IActionResult OnGet() => FlowHandle is null ? RedirectToPage("Index") : Page();

    public async Task<IActionResult> OnPostAsync(string? csr)
    {
        Csr = csr;
        var issued = await authority.IssueAsync(FlowHandle, CertificateRequestPem.ToDer(csr), Anonymous, HttpContext.RequestAborted);
        if (!Show(issued))
        {
            return Page();
        }

        FlowHandle = null;
        CertificateCompletePageModel.Remember(TempData, issued.Value);
        return RedirectToPage("Complete");
    }
}
