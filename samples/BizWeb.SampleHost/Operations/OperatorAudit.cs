using BizWeb.Auth;

namespace BizWeb.SampleHost.Operations;

/// <summary>
/// Appends the console's own actions (operator sign-in, chain verification, CRL publication, test
/// clock …) to the SDK's hash-chained audit trail; the SDK's own calls audit themselves with the same
/// operator actor. The detail never holds a password, code, PIN or seed.
/// </summary>
internal sealed class OperatorAudit(IAuthUnitOfWork unitOfWork, TimeProvider time)
{
    public async Task AppendAsync(AuditActor actor, string action, AuditOutcome outcome, string? detail = null, PrincipalId? subject = null, CancellationToken cancellationToken = default) =>
        _ = await unitOfWork.CommitAsync(
            new AuthChanges().Append(new AuditEntry
            {
                At = time.GetUtcNow(),
                Actor = actor,
                Action = action,
                Subject = subject,
                Outcome = outcome,
                Detail = detail,
            }),
            cancellationToken);
}
