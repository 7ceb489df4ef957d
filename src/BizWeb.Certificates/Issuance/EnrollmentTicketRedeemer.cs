using BizWeb.Auth;

namespace BizWeb.Certificates;

/// <summary>
/// Redeems a single-use enrollment ticket for the principal to certify; in production
/// <see cref="CertificateEnrollment.RedeemTicketAsync"/>. A delegate so tests can stand in for the auth flows.
/// </summary>
internal delegate ValueTask<AuthResult<PrincipalId>> EnrollmentTicketRedeemer(string? ticket, CancellationToken cancellationToken);
