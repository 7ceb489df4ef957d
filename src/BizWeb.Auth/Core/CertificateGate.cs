using System.Security.Cryptography.X509Certificates;

namespace BizWeb.Auth;

/// <summary>証明書選択: the client certificate must map to a principal of the expected kind.</summary>
internal sealed class CertificateGate
{
    private readonly IPrincipalReader _principals;
    private readonly IClientCertificateAuthenticator? _certificates;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;

    public CertificateGate(IPrincipalReader principals, AuditWriter audit, BankClock clock, IClientCertificateAuthenticator? certificates = null)
    {
        _principals = principals;
        _certificates = certificates;
        _audit = audit;
        _clock = clock;
    }

    /// <summary>The certificate authenticator; its absence is reported when the host starts (<see cref="RequiredSeams"/>).</summary>
    private IClientCertificateAuthenticator Certificates => RequiredSeams.Require(_certificates);

    /// <summary>
    /// The principal of <paramref name="certificate"/>, with its contract and user as the authenticator
    /// read them, when it is of the expected kind; otherwise audited and null.
    /// </summary>
    public async ValueTask<PrincipalRecord?> AuthenticateAsync(X509Certificate2? certificate, bool administrator, AuditActor actor, string action, CancellationToken cancellationToken)
    {
        var gate = Certificates;
        var record = certificate is null ? null : await gate.AuthenticatePrincipalAsync(certificate, _principals, _clock.Now, cancellationToken).ConfigureAwait(false);
        if (record is not null && record.Principal.IsAdministrator == administrator)
        {
            return record;
        }

        await _audit.AppendAsync(_audit.Entry(actor, action, null, AuditOutcome.Refused, MessageCode.CertificateNotAccepted), cancellationToken).ConfigureAwait(false);
        return null;
    }
}
