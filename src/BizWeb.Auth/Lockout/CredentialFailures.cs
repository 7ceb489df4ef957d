namespace BizWeb.Auth;

/// <summary>
/// Reading a credential's consecutive failures (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5) without knowing how the SDK keys its
/// counters, e.g. for a bank's operations console that shows how close a user is to being locked.
/// </summary>
public static class CredentialFailures
{
    /// <summary>
    /// The consecutive failures of <paramref name="credential"/> of <paramref name="principal"/>: counted
    /// up by each failed attempt of the SDK's flows and set to 0 by a success or an unlock.
    /// </summary>
    /// <param name="counters">The store the SDK's flows count in (registered by <c>AddBizWeb</c>).</param>
    /// <param name="principal">The owner of the credential (the administrator for contract-level credentials).</param>
    /// <param name="credential">The credential.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of consecutive failures (0 when none).</returns>
    public static ValueTask<int> GetFailuresAsync(this ICredentialCounterStore counters, PrincipalId principal, Credential credential, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counters);
        return counters.GetFailuresAsync(CounterKey.For(principal, credential), now, cancellationToken);
    }
}
