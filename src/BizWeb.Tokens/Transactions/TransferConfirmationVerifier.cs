using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// <see cref="ITransferConfirmationVerifier"/> over <see cref="TransactionConfirmations"/>: the auth
/// transfer flow opens a confirmation bound to the transfer's digest at review and has the token's
/// code judged against it at confirmation (the flow counts the failures).
/// </summary>
internal sealed class TransferConfirmationVerifier(TransactionConfirmations confirmations) : ITransferConfirmationVerifier
{
    public async ValueTask<AuthResult<TransferConfirmationChallenge>> BeginAsync(PrincipalId user, ReadOnlyMemory<byte> digest, CancellationToken cancellationToken)
    {
        var begun = await confirmations.BeginAsync(user, digest, cancellationToken).ConfigureAwait(false);
        return begun.Succeeded
            ? AuthResult.Ok(new TransferConfirmationChallenge(begun.Value.Id, begun.Value.ExpiresAt, begun.Value.OcraChallenge))
            : AuthResult.Fail<TransferConfirmationChallenge>(begun.Errors);
    }

    public ValueTask<SecondFactorVerification> ConfirmAsync(Guid confirmationId, PrincipalId user, ReadOnlyMemory<byte> digest, string code, CancellationToken cancellationToken) =>
        confirmations.ConfirmAsync(confirmationId, user, digest, code, cancellationToken);
}
