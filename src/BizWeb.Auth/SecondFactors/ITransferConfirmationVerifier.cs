namespace BizWeb.Auth;

/// <summary>
/// The transaction-bound token confirmation seam (利用者9-1, dynamic linking), implemented by
/// <c>BizWeb.Tokens</c> (<c>AddHardwareTokens(…)</c>). Implementations only judge: the transfer flow
/// counts failures toward the user's lock.
/// </summary>
public interface ITransferConfirmationVerifier
{
    /// <summary>Opens a single-use confirmation bound to <paramref name="digest"/> for <paramref name="user"/>.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="digest">The 32-byte <see cref="TransferDetails.ComputeDigest"/> of what the review shows.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The challenge, or <see cref="MessageCode.HardwareTokenNotRegistered"/>.</returns>
    ValueTask<AuthResult<TransferConfirmationChallenge>> BeginAsync(PrincipalId user, ReadOnlyMemory<byte> digest, CancellationToken cancellationToken);

    /// <summary>Judges <paramref name="code"/> for the confirmation, which must be bound to <paramref name="digest"/>.</summary>
    /// <param name="confirmationId">The id from <see cref="BeginAsync"/>.</param>
    /// <param name="user">The signed-in user.</param>
    /// <param name="digest">The digest of the transfer about to be authorised.</param>
    /// <param name="code">The token's digits.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Verified (the confirmation is consumed), rejected or malformed.</returns>
    ValueTask<SecondFactorVerification> ConfirmAsync(Guid confirmationId, PrincipalId user, ReadOnlyMemory<byte> digest, string code, CancellationToken cancellationToken);
}
