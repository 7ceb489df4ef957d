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
    public const string HardwareTokenUnregistered = "HardwareTokenUnregistered";
    public const string HardwareTokenResynchronized = "HardwareTokenResynchronized";

    /// <summary>
    /// Appends one record. The token stores are separate from the auth unit of work, so the state
    /// change is stored first and its audit record right after (see the package README).
    /// </summary>
    public static async ValueTask AppendAsync(IAuthUnitOfWork unitOfWork, AuditEntry entry, CancellationToken cancellationToken) =>
        _ = await unitOfWork.CommitAsync(new AuthChanges().Append(entry), cancellationToken).ConfigureAwait(false);
}
