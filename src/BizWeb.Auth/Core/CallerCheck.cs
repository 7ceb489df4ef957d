namespace BizWeb.Auth;

/// <summary>
/// Re-checks a signed-in caller against the rows a verb loaded: the principal still exists (a user not
/// deleted), its security stamp is unchanged (constant time) and the certificate it signed in with is
/// still its current one. States and accidents stay each verb's own refusals, with the manual's
/// messages (a locked contract answers "locked", not "signed out").
/// </summary>
internal sealed class CallerCheck
{
    private readonly IClientCertificateAuthenticator? _certificates;
    private readonly BankClock _clock;

    public CallerCheck(BankClock clock, IClientCertificateAuthenticator? certificates = null)
    {
        _certificates = certificates;
        _clock = clock;
    }

    /// <summary>The certificate authenticator; its absence is reported when the host starts (<see cref="RequiredSeams"/>).</summary>
    private IClientCertificateAuthenticator Certificates => RequiredSeams.Require(_certificates);

    /// <summary>Whether <paramref name="caller"/> is still the principal that signed in.</summary>
    public async ValueTask<bool> IsSameAsync(SignedInCaller caller, Contract? contract, User? user, CancellationToken cancellationToken)
    {
        string stamp;
        if (contract is null)
        {
            return false;
        }

        if (caller is SignedInUser)
        {
            if (user is null || user.State == UserState.Deleted)
            {
                return false;
            }

            stamp = user.SecurityStamp;
        }
        else
        {
            stamp = contract.SecurityStamp;
        }

        return PinRules.FixedTimeEquals(stamp, caller.Session.SecurityStamp)
            && await Certificates.IsCurrentAsync(caller.Principal, caller.Session.CertificateThumbprint, _clock.Now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The refusal of <paramref name="caller"/> for a verb that checks no credential: an accident, a
    /// contract not active, a user suspended (or not activated), then <see cref="MessageCode.SessionEnded"/>
    /// for a stale caller; <see langword="null"/> when it may act.
    /// </summary>
    public async ValueTask<MessageCode?> RefusalAsync(SignedInCaller caller, Contract? contract, User? user, CancellationToken cancellationToken)
    {
        var state = (contract, user, caller) switch
        {
            (null, _, _) => MessageCode.SessionEnded,
            (_, null, SignedInUser) => MessageCode.SessionEnded,
            (_, { State: UserState.Deleted }, SignedInUser) => MessageCode.SessionEnded,
            (_, { } u, SignedInUser) => UserGate.Refusal(contract, u),
            ({ AccidentRegistered: true }, _, _) => MessageCode.AccidentRegistered,
            ({ State: not ContractState.Active }, _, _) => MessageCode.ContractNotActive,
            _ => (MessageCode?)null,
        };
        if (state is not null)
        {
            return state;
        }

        return await IsSameAsync(caller, contract, user, cancellationToken).ConfigureAwait(false) ? null : MessageCode.SessionEnded;
    }
}
