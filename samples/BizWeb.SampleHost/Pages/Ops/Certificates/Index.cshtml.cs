using BizWeb.Auth;
using BizWeb.Certificates;
using BizWeb.SampleHost.Operations;
using Microsoft.AspNetCore.Mvc;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Ops.Certificates;

/// <summary>
/// The bank's CA on the console (customers enrol themselves): a principal's current certificate,
/// revocation of it or of any serial number with a reason, CRL publication and download, and the CA
/// certificate. Revocations are audited by the CA with the operator as actor.
/// </summary>
public sealed class IndexModel(CertificateAuthority authority) : OpsPageModel
{
    public string? ContractIdInput { get; private set; }

    public string? UserIdInput { get; private set; }

    public bool Searched { get; private set; }

    public IssuedCertificate? Current { get; private set; }

    public CertificateRevocationList? Published { get; private set; }

    public static IReadOnlyList<CertificateRevocationReason> Reasons { get; } = Enum.GetValues<CertificateRevocationReason>();

    public async Task OnGetAsync(string? contractId, string? userId)
    {
        if (!string.IsNullOrEmpty(contractId))
        {
            await FindAsync(contractId, userId);
        }
    }

    public async Task OnPostRevokeCurrentAsync(string? contractId, string? userId, CertificateRevocationReason reason)
    {
        if (TryPrincipal(contractId, userId, out var principal) && Enum.IsDefined(reason))
        {
            Report(await authority.RevokeCurrentAsync(principal, reason, Operator, Aborted), T("電子証明書を失効させました。", "The certificate was revoked."));
        }

        await FindAsync(contractId, userId);
    }

    public async Task OnPostRevokeSerialAsync(string? serialNumber, CertificateRevocationReason reason)
    {
        if (string.IsNullOrWhiteSpace(serialNumber) || !Enum.IsDefined(reason))
        {
            Errors.Add(T("シリアル番号と失効理由を指定してください。", "Enter a serial number and a reason."));
            return;
        }

        Report(await authority.RevokeAsync(serialNumber, reason, Operator, Aborted), T("電子証明書を失効させました。", "The certificate was revoked."));
    }

    public async Task OnPostPublishCrlAsync()
    {
        Published = await authority.PublishCertificateRevocationListAsync(Aborted);
        await Service<OperatorAudit>().AppendAsync(Operator.Actor, "CrlPublished", AuditOutcome.Succeeded, $"CRL #{Published.Number}", cancellationToken: Aborted);
        Results.Add(T($"CRL #{Published.Number} を発行しました。", $"CRL #{Published.Number} was published."));
    }

    public async Task<IActionResult> OnGetCrlAsync()
    {
        var crl = await authority.GetCertificateRevocationListAsync(Aborted);
        return File(crl.RawData, "application/pkix-crl", "bizweb-ca.crl");
    }

    public async Task<IActionResult> OnGetCaCertificateAsync()
    {
        using var certificate = await authority.GetAuthorityCertificateAsync(Aborted);
        return File(System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem() + "\n"), "application/x-pem-file", "bizweb-ca.pem");
    }

    private async Task FindAsync(string? contractId, string? userId)
    {
        ContractIdInput = contractId;
        UserIdInput = userId;
        if (TryPrincipal(contractId, userId, out var principal))
        {
            Searched = true;
            Current = await authority.FindCurrentAsync(principal, Aborted);
        }
    }

    private bool TryPrincipal(string? contractId, string? userId, out PrincipalId principal)
    {
        principal = default;
        if (!Parsed(ContractId.Parse(contractId), out var contract))
        {
            return false;
        }

        if (string.IsNullOrEmpty(userId))
        {
            principal = PrincipalId.Administrator(contract);
            return true;
        }

        if (!Parsed(UserId.Parse(userId), out var user))
        {
            return false;
        }

        principal = PrincipalId.User(contract, user);
        return true;
    }
}
