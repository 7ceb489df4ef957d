namespace BizWeb.Auth;

/// <summary>The keys of the failure counters; stable, so stores may persist them.</summary>
internal static class CounterKey
{
    /// <summary>The counter of <paramref name="credential"/> of <paramref name="principal"/>, e.g. <c>12345678901/taro01#5</c>.</summary>
    /// <param name="principal">The owner of the credential.</param>
    /// <param name="credential">The credential.</param>
    /// <returns>The key.</returns>
    public static string For(PrincipalId principal, Credential credential) => $"{principal}#{(int)credential}";

    /// <summary>
    /// The counter for guesses against an identifier that does not exist, kept apart from real
    /// credentials (prefix <c>?</c>) and forgotten after <see cref="LockoutOptions.UnknownPrincipalFailureWindow"/>.
    /// </summary>
    /// <param name="principal">The identifiers as typed (already parsed).</param>
    /// <param name="credential">The credential that was guessed.</param>
    /// <returns>The key.</returns>
    public static string ForUnknown(PrincipalId principal, Credential credential) => $"?{principal}#{(int)credential}";

    /// <summary>
    /// Set when the last attempt against an unknown identifier was evaluated, so later guesses answer
    /// "locked" like a real credential's, and guesses refused while attempts are still in flight "busy".
    /// </summary>
    /// <param name="principal">The identifiers as typed (already parsed).</param>
    /// <param name="credential">The credential that was guessed.</param>
    /// <returns>The key.</returns>
    public static string ForUnknownLocked(PrincipalId principal, Credential credential) => $"?{principal}#{(int)credential}!";

    /// <summary>
    /// The velocity counter of the pre-certificate user-PIN step of a contract id (prefix <c>~</c>), see
    /// <see cref="LockoutOptions.PreCertificateAttemptsPerContract"/>.
    /// </summary>
    /// <param name="contractId">The contract id as typed (already parsed).</param>
    /// <returns>The key.</returns>
    public static string ForPreCertificateAttempts(ContractId contractId) => $"~{contractId}#enrollment";
}
