using BizWeb.Auth;

namespace BizWeb.Certificates;

/// <summary>
/// Looks an enrollment ticket up without using it up, before the request is read; in production
/// <see cref="CertificateEnrollment.FindTicketAsync"/>. A delegate so tests can stand in for the auth flows.
/// </summary>
internal delegate ValueTask<AuthResult<PrincipalId>> EnrollmentTicketFinder(string? ticket, CancellationToken cancellationToken);
