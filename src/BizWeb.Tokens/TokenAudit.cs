using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>The audit action names of this package, and the one way it appends them.</summary>
internal static class TokenAudit
{
    public const string CustomerCardIssued = "CustomerCardIssued";
    public const string CustomerCardReissued = "CustomerCardReissued";
    public const string HardwareTokensImported = "HardwareTokensImported";
    public const string HardwareTokenImportFailed = "HardwareTokenImportFailed";
    public const string SoftwareTokenCreated = "SoftwareTokenCreated";
    public const string HardwareTokenRegistered = "HardwareTokenRegistered";
    public const string HardwareTokenRegistrationFailed = "HardwareTokenRegistrationFailed";
    public const string HardwareTokenRegistrationBlocked = "HardwareTokenRegistrationBlocked";
    public const string HardwareTokenRegistrationReleased = "HardwareTokenRegistrationReleased";
    public const string HardwareTokenBound = "HardwareTokenBound";
    public const string HardwareTokenUnbound = "HardwareTokenUnbound";
    public const string HardwareTokenUnregistered = "HardwareTokenUnregistered";
    public const string HardwareTokenResynchronized = "HardwareTokenResynchronized";

    /// <summary>
    /// Appends one record that goes with no state change (a refusal, a failed attempt). A record of a
    /// change goes to the token store with the change instead (<see cref="Record"/>), which commits both
    /// in one atomic step.
    /// </summary>
    public static async ValueTask AppendAsync(IAuthUnitOfWork unitOfWork, AuditEntry entry, CancellationToken cancellationToken) =>
        _ = await unitOfWork.CommitAsync(new AuthChanges().Append(entry), cancellationToken).ConfigureAwait(false);

    /// <summary>The change set a token store commits with its change: this one record.</summary>
    public static AuthChanges Record(AuditEntry entry) => new AuthChanges().Append(entry);
}
