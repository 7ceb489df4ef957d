namespace BizWeb.Auth;

/// <summary>A service granted to a user (利用者権限設定) with the user's limit for it (限度額設定).</summary>
/// <param name="Service">The service.</param>
/// <param name="Limit">The user's limit for the service (no limit where <see langword="null"/>).</param>
/// <param name="Usable">Whether the contract has the service enabled now (a grant outlives a withdrawn service but cannot be used).</param>
public sealed record UserServiceGrant(BankService Service, TransferLimit Limit, bool Usable);
