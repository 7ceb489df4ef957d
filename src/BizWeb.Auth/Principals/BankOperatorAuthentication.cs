using System.Security.Claims;

namespace BizWeb.Auth;

/// <summary>Makes the <see cref="BankOperator"/> caller of a request from the host's <see cref="IBankOperatorAuthenticator"/>.</summary>
public sealed class BankOperatorAuthentication
{
    private readonly IBankOperatorAuthenticator _authenticator;

    internal BankOperatorAuthentication(IBankOperatorAuthenticator authenticator) => _authenticator = authenticator;

    /// <summary>The operator of <paramref name="operatorSession"/>, or <see langword="null"/> when the host does not vouch for it.</summary>
    /// <param name="operatorSession">The host's operator session.</param>
    /// <param name="clientAddress">The terminal's address (for the audit trail).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The caller, or <see langword="null"/>.</returns>
    public async ValueTask<BankOperator?> AuthenticateAsync(ClaimsPrincipal? operatorSession, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        if (operatorSession is null)
        {
            return null;
        }

        var operatorId = await _authenticator.AuthenticateAsync(operatorSession, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(operatorId) ? null : new BankOperator(operatorId, clientAddress);
    }
}
