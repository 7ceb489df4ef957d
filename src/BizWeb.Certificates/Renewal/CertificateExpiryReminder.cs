using BizWeb.Auth;

namespace BizWeb.Certificates;

/// <summary>An expiry reminder that is due: tell <see cref="Principal"/> that the certificate expires soon and can be renewed.</summary>
/// <param name="Principal">The certificate's holder.</param>
/// <param name="SerialNumber">The certificate.</param>
/// <param name="NotAfter">When it expires.</param>
/// <param name="DaysBeforeExpiry">The reminder's lead time (30 or 10 by default).</param>
public sealed record CertificateExpiryReminder(PrincipalId Principal, string SerialNumber, DateTimeOffset NotAfter, int DaysBeforeExpiry);
