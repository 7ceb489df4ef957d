namespace BizWeb.SampleHost.Operations;

/// <summary>
/// One operator of the operations console as kept in <c>operators.json</c>: the password only as the
/// SDK's PHC hash, the TOTP seed only as <see cref="BizWeb.Auth.ISecretProtector"/> ciphertext.
/// </summary>
internal sealed record OperatorRecord
{
    public required string Id { get; init; }

    /// <summary>PHC string made by the SDK's <see cref="BizWeb.Auth.IPinHasher"/>.</summary>
    public required string PasswordHash { get; init; }

    /// <summary>Base64 of the seed protected under <see cref="OperatorSignIn.SeedPurpose"/>.</summary>
    public required string ProtectedTotpSeed { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Never the hash or the seed.</summary>
    public override string ToString() => $"Operator {Id}";
}
