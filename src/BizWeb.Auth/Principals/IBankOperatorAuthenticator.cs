using System.Security.Claims;

namespace BizWeb.Auth;

/// <summary>
/// The host's word on a bank operator (the SDK has no operator accounts: the bank's terminal signs its
/// staff in, e.g. with a password and TOTP). Called on every request that acts as an operator.
/// </summary>
public interface IBankOperatorAuthenticator
{
    /// <summary>
    /// The operator id of <paramref name="operatorSession"/> when it is a current operator session
    /// (the account exists and may act, the session was not ended); otherwise <see langword="null"/>.
    /// </summary>
    /// <param name="operatorSession">The host's operator session (e.g. the operator cookie's principal).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The operator id, or <see langword="null"/>.</returns>
    ValueTask<string?> AuthenticateAsync(ClaimsPrincipal operatorSession, CancellationToken cancellationToken);
}
