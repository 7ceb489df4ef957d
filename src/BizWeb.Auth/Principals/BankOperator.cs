namespace BizWeb.Auth;

/// <summary>
/// A bank operator whom the host's <see cref="IBankOperatorAuthenticator"/> vouched for on this
/// request (<see cref="BankOperatorAuthentication.AuthenticateAsync"/>); only the SDK makes one.
/// </summary>
public sealed class BankOperator : Caller
{
    internal BankOperator(string operatorId, string? clientAddress)
        : base(AuditActor.BankOperator(operatorId, clientAddress)) => OperatorId = operatorId;

    /// <summary>The operator's id on the bank's terminal.</summary>
    public string OperatorId { get; }
}
