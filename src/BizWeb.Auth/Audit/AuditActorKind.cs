namespace BizWeb.Auth;

/// <summary>Who did something recorded in the audit trail.</summary>
public enum AuditActorKind
{
    /// <summary>The SDK itself (e.g. a lock caused by failures, the outbox dispatcher).</summary>
    System = 0,

    /// <summary>A bank operator on the operations terminal (運用端末).</summary>
    BankOperator = 1,

    /// <summary>A contract's administrator (管理者).</summary>
    Administrator = 2,

    /// <summary>A user (利用者).</summary>
    User = 3,

    /// <summary>Someone not (yet) identified, e.g. a failed sign-in.</summary>
    Anonymous = 4,
}
