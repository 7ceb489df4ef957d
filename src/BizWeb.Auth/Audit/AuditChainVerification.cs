namespace BizWeb.Auth;

/// <summary>The answer of <see cref="AuditChain.Verify"/>.</summary>
/// <param name="IsIntact">Whether every record links to its predecessor and hashes to its stored hash.</param>
/// <param name="VerifiedRecords">How many records verified before the first break (all of them when intact).</param>
/// <param name="FirstBrokenSequence">The sequence number where the chain breaks, or <see langword="null"/> when intact.</param>
public readonly record struct AuditChainVerification(bool IsIntact, long VerifiedRecords, long? FirstBrokenSequence);
