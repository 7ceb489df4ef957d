namespace BizWeb.Auth;

/// <summary>
/// A user (利用者) of a contract, registered by its administrator. Immutable, versioned like
/// <see cref="Contract"/>; PINs appear only as PHC hashes.
/// </summary>
public sealed record User
{
    /// <summary>The contract the user belongs to.</summary>
    public required ContractId ContractId { get; init; }

    /// <summary>The user id (利用者ＩＤ), unique in the contract, case-sensitive.</summary>
    public required UserId Id { get; init; }

    /// <summary>利用者名（カナ）.</summary>
    public required string NameKana { get; init; }

    /// <summary>利用者名（漢字）, optional.</summary>
    public string? NameKanji { get; init; }

    /// <summary>PHC hash of the login PIN ⑤ (temporary while <see cref="State"/> is <see cref="UserState.Registered"/>).</summary>
    public required string LoginPinHash { get; init; }

    /// <summary>PHC hash of the confirmation PIN ⑥ (temporary while registered).</summary>
    public required string ConfirmationPinHash { get; init; }

    /// <summary>The user's e-mail address for security notifications, optional.</summary>
    public string? Email { get; init; }

    /// <summary>電子証明書発行: whether the bank's CA issues this user a client certificate.</summary>
    public bool IssueCertificate { get; init; }

    /// <summary>The services the administrator granted (利用者権限設定), by catalogue name.</summary>
    public IReadOnlyList<string> GrantedServices { get; init; } = [];

    /// <summary>限度額設定: the user's limits per granted service (no limit for a service not listed).</summary>
    public IReadOnlyDictionary<string, TransferLimit> ServiceLimits { get; init; } = new Dictionary<string, TransferLimit>(StringComparer.Ordinal);

    /// <summary>The lifecycle state.</summary>
    public required UserState State { get; init; }

    /// <summary>When the user completed activation, if ever.</summary>
    public DateTimeOffset? ActivatedAt { get; init; }

    /// <summary>事故登録 on this user by the bank; every sign-in and operation is refused while set.</summary>
    public bool AccidentRegistered { get; init; }

    /// <summary>When the user was deleted (抹消), for the user id quarantine.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>Changes on suspension, accident, PIN change and deletion; hosts compare it per request.</summary>
    public required string SecurityStamp { get; init; }

    /// <summary>When the administrator registered the user.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The store's concurrency version: 0 for a user not stored yet.</summary>
    public long Version { get; init; }

    /// <summary>The principal of this user.</summary>
    public PrincipalId Principal => PrincipalId.User(ContractId, Id);

    /// <summary>Identity and state only: never the PIN hashes, the e-mail address or the security stamp.</summary>
    /// <returns>E.g. <c>User 12345678901/taro Active (v2)</c>.</returns>
    public override string ToString() => $"User {Principal} {State}{(AccidentRegistered ? " (accident)" : string.Empty)} (v{Version})";

    /// <summary>Applies <paramref name="trigger"/> through <see cref="UserLifecycle"/>.</summary>
    /// <param name="trigger">What happened.</param>
    /// <param name="now">The current time (recorded for activation and deletion).</param>
    /// <param name="next">The user in the new state, with a new security stamp unless activated or released.</param>
    /// <returns>Whether the transition is allowed; when not, <paramref name="next"/> is this user.</returns>
    public bool TryApply(UserTrigger trigger, DateTimeOffset now, out User next)
    {
        if (!UserLifecycle.TryNext(State, trigger, ActivatedAt is not null, out var state))
        {
            next = this;
            return false;
        }

        next = this with
        {
            State = state,
            ActivatedAt = trigger == UserTrigger.Activated ? now : ActivatedAt,
            DeletedAt = trigger == UserTrigger.Deleted ? now : DeletedAt,
            SecurityStamp = trigger is UserTrigger.Suspended or UserTrigger.Deleted ? SecurityStamps.New() : SecurityStamp,
        };
        return true;
    }
}
