namespace BizWeb.Auth;

/// <summary>How an audited action ended.</summary>
public enum AuditOutcome
{
    /// <summary>Done.</summary>
    Succeeded = 0,

    /// <summary>A wrong credential or invalid input.</summary>
    Failed = 1,

    /// <summary>Refused without evaluation (locked, stopped, accident, cooldown, illegal transition).</summary>
    Refused = 2,
}
