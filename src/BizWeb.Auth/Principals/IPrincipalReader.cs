namespace BizWeb.Auth;

/// <summary>
/// Reads a principal's contract and user together: one query in the EF Core stores, two store reads by
/// default. The certificate authenticator judges a certificate's principal with it and hands the
/// record to the sign-in flow, so a sign-in reads those rows once.
/// </summary>
public interface IPrincipalReader
{
    /// <summary>
    /// The contract of <paramref name="principal"/> and, for a user, the user; <see langword="null"/>
    /// when the contract, or the user's row, does not exist.
    /// </summary>
    /// <param name="principal">Whom to read.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The record.</returns>
    ValueTask<PrincipalRecord?> FindAsync(PrincipalId principal, CancellationToken cancellationToken);
}
