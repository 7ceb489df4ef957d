namespace BizWeb.Auth;

/// <summary>
/// A corporate contract (ご契約先) as the bank created it, with its administrator's credentials.
/// Immutable: every change makes a new instance that a store commits with optimistic concurrency on
/// <see cref="Version"/>. PINs appear only as PHC hashes.
/// </summary>
public sealed record Contract
{
    /// <summary>The contract id (契約者ＩＤ).</summary>
    public required ContractId Id { get; init; }

    /// <summary>Linked or unlinked lockout (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5).</summary>
    public required LockoutMode LockoutMode { get; init; }

    /// <summary>The lifecycle state.</summary>
    public required ContractState State { get; init; }

    /// <summary>PHC hash of the registration PIN ①.</summary>
    public required string RegistrationPinHash { get; init; }

    /// <summary>PHC hash of the administrator's login PIN ③, once activated.</summary>
    public string? AdminLoginPinHash { get; init; }

    /// <summary>PHC hash of the administrator's confirmation PIN ④, once activated.</summary>
    public string? AdminConfirmationPinHash { get; init; }

    /// <summary>The administrator's e-mail address for security notifications (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §6).</summary>
    public string? AdminEmail { get; init; }

    /// <summary>事故登録: the bank registered an accident; every sign-in and operation is refused while set.</summary>
    public bool AccidentRegistered { get; init; }

    /// <summary>Changes on lock, accident, PIN change and unlock; hosts compare it per request to end live sessions.</summary>
    public required string SecurityStamp { get; init; }

    /// <summary>When the bank created the contract.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The store's concurrency version: 0 for a contract not stored yet.</summary>
    public long Version { get; init; }

    /// <summary>Identity and state only: never the PIN hashes, the e-mail address or the security stamp.</summary>
    /// <returns>E.g. <c>Contract 12345678901 Active (Linked, v3)</c>.</returns>
    public override string ToString() => $"Contract {Id} {State} ({LockoutMode}{(AccidentRegistered ? ", accident" : string.Empty)}, v{Version})";

    /// <summary>Applies <paramref name="trigger"/> through <see cref="ContractLifecycle"/>.</summary>
    /// <param name="trigger">What happened.</param>
    /// <param name="next">The contract in its new state (with a new security stamp when it stops).</param>
    /// <returns>Whether the transition is allowed; when not, <paramref name="next"/> is this contract.</returns>
    public bool TryApply(ContractTrigger trigger, out Contract next)
    {
        if (!ContractLifecycle.TryNext(State, trigger, out var state))
        {
            next = this;
            return false;
        }

        next = this with { State = state, SecurityStamp = trigger == ContractTrigger.Locked ? SecurityStamps.New() : SecurityStamp };
        return true;
    }
}
