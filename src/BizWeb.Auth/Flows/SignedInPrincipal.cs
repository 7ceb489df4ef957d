using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BizWeb.Auth;

/// <summary>
/// A completed sign-in, bound to the client certificate it was made with. The host keeps it in its
/// session and turns it into the request's caller with <see cref="SessionValidation.ValidateAsync"/>, passing
/// the certificate of the request's TLS connection: a lock, suspension, accident, PIN change,
/// deletion, a revoked or superseded certificate, or a request that presents no certificate or
/// another one ends the session at once.
/// </summary>
/// <param name="Principal">Who signed in.</param>
/// <param name="SecurityStamp">The principal's security stamp at sign-in.</param>
/// <param name="CertificateSerialNumber">The serial number (hex) of the client certificate used at sign-in.</param>
/// <param name="CertificateThumbprint">The SHA-256 thumbprint (upper-case hex) of that certificate.</param>
public sealed record SignedInPrincipal(PrincipalId Principal, string SecurityStamp, string CertificateSerialNumber, string CertificateThumbprint)
{
    private const string SerialKey = "CertificateSerialNumber";
    private const string ThumbprintKey = "CertificateThumbprint";

    /// <summary>The SHA-256 thumbprint of <paramref name="certificate"/> as <see cref="CertificateThumbprint"/> holds it.</summary>
    /// <param name="certificate">A client certificate.</param>
    /// <returns>Upper-case hex of the SHA-256 of its DER.</returns>
    public static string ThumbprintOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(SHA256.HashData(certificate.RawData));
    }

    /// <summary>Never the security stamp.</summary>
    /// <returns>E.g. <c>SignedInPrincipal 12345678901/taro</c>.</returns>
    public override string ToString() => $"SignedInPrincipal {Principal}";

    /// <summary>A sign-in of <paramref name="principal"/> with <paramref name="certificate"/>.</summary>
    internal static SignedInPrincipal For(PrincipalId principal, string securityStamp, X509Certificate2 certificate) =>
        new(principal, securityStamp, certificate.SerialNumber, ThumbprintOf(certificate));

    /// <summary>What a flow ticket keeps between its certificate step and the step that signs in (public values, no secret).</summary>
    internal static Dictionary<string, string> TicketValues(X509Certificate2 certificate) => new()
    {
        [SerialKey] = certificate.SerialNumber,
        [ThumbprintKey] = ThumbprintOf(certificate),
    };

    /// <summary>The sign-in a flow completes, bound to the certificate its first step kept in <paramref name="ticket"/>.</summary>
    internal static SignedInPrincipal FromTicket(FlowTicket ticket, string securityStamp) =>
        new(ticket.Principal, securityStamp, ticket.Values.GetValueOrDefault(SerialKey, string.Empty), ticket.Values.GetValueOrDefault(ThumbprintKey, string.Empty));

    /// <summary>Whether <paramref name="certificate"/> is the one this sign-in was made with (constant time).</summary>
    internal bool IsBoundTo(X509Certificate2 certificate) =>
        !string.IsNullOrEmpty(CertificateThumbprint) && PinRules.FixedTimeEquals(ThumbprintOf(certificate), CertificateThumbprint);
}
