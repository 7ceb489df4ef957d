namespace BizWeb.Auth;

/// <summary>Security e-mails for the outbox (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §6): none when the recipient has no address registered.</summary>
internal static class SecurityNotices
{
    /// <summary>A notification of <paramref name="securityEvent"/> for <paramref name="recipient"/>, due now; or nothing without an address.</summary>
    public static SecurityNotification? For(DateTimeOffset now, SecurityEvent securityEvent, PrincipalId recipient, string? email) =>
        string.IsNullOrEmpty(email)
            ? null
            : new SecurityNotification
            {
                Id = Guid.NewGuid(),
                Event = securityEvent,
                Recipient = recipient,
                EmailAddress = email,
                CreatedAt = now,
                NextAttemptAt = now,
            };
}
