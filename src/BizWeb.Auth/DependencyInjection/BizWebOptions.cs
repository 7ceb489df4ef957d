namespace BizWeb.Auth;

/// <summary>
/// Options of the SDK, bound from code or configuration (section <c>BizWeb</c> by convention) and
/// validated at start-up. Defaults come straight from the <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see>.
/// </summary>
public sealed class BizWebOptions
{
    /// <summary>The bank code that ends every certificate common name; <c>1286</c> by default.</summary>
    public string BankCode { get; set; } = Auth.BankCode.Default.ToString();

    /// <summary>
    /// The bank's time zone (IANA id), for "next Monday" and the business day; <c>Asia/Tokyo</c> by default.
    /// </summary>
    public string TimeZoneId { get; set; } = "Asia/Tokyo";

    /// <summary>The PIN system for login and confirmation PINs.</summary>
    public PinPolicyOptions PinPolicy { get; set; } = new();

    /// <summary>How PINs are hashed.</summary>
    public PinHashingOptions PinHashing { get; set; } = new();

    /// <summary>Consecutive-failure lockout (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5).</summary>
    public LockoutOptions Lockout { get; set; } = new();

    /// <summary>Timing of activation, sign-in and enrollment flows.</summary>
    public FlowOptions Flows { get; set; } = new();

    /// <summary>Delivery of security e-mails.</summary>
    public NotificationOptions Notifications { get; set; } = new();

    /// <summary>The service catalogue, the bank's fee master and scheduling of transfers.</summary>
    public TransactionOptions Transactions { get; set; } = new();

    /// <summary>
    /// Whether registering an accident (事故登録) on a contract or user also revokes the affected
    /// client certificate (reason key compromise) through <see cref="ICertificateRevoker"/>; off by
    /// default, since an accident may be cleared again (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §1: the bank chooses).
    /// </summary>
    public bool RevokeCertificatesOnAccident { get; set; }

    /// <summary>The most users (not counting deleted ones) a contract may have: 99 by default (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §1), 1–9999.</summary>
    public int MaxUsersPerContract { get; set; } = 99;

    /// <summary>
    /// How often a change is tried, in all, when other requests changed the same rows first before it
    /// answers <see cref="MessageCode.ConcurrencyConflict"/>: 5 by default, 1–10. One policy for the
    /// flows (an optimistic-concurrency conflict: read again, decide again) and for the EF Core stores'
    /// own transactions (a unique key taken first, a serialization failure or a deadlock).
    /// </summary>
    public int MaxCommitAttempts { get; set; } = 5;
}
