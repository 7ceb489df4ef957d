using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// A hardware (or software) OTP token as stored: its parameters, its seed encrypted at rest
/// (<see cref="ISecretProtector"/>, purpose <see cref="SeedPurpose"/>), its owner, and the state that
/// replay protection and drift need. The seed never leaves the SDK in clear.
/// </summary>
public sealed record HardwareToken
{
    /// <summary>
    /// The purpose the seeds are encrypted under with the <see cref="ISecretProtector"/>
    /// (<c>Protect(seed, SeedPurpose)</c>): a bank that writes tokens into the store itself, or migrates them,
    /// uses it.
    /// </summary>
    public const string SeedPurpose = "BizWeb.Tokens.Seed";

    /// <summary>The serial number printed on the token (unique in the inventory).</summary>
    public required string SerialNumber { get; init; }

    /// <summary>The ciphertext of the seed.</summary>
    public required byte[] ProtectedSeed { get; init; }

    /// <summary>Time-based (TOTP, the default) or event-based (HOTP).</summary>
    public HardwareTokenKind Kind { get; init; }

    /// <summary>The HMAC of the TOTP (RFC 6238) or HOTP (RFC 4226); SHA-1 by default.</summary>
    public OtpHashAlgorithm Algorithm { get; init; } = OtpHashAlgorithm.Sha1;

    /// <summary>Digits per code: 6 (default) to 8.</summary>
    public int Digits { get; init; } = 6;

    /// <summary>The time step X in seconds: 30 (default) or 60 (TOTP only).</summary>
    public int PeriodSeconds { get; init; } = 30;

    /// <summary>T0 of RFC 6238 in Unix seconds; 0 by default.</summary>
    public long EpochSeconds { get; init; }

    /// <summary>An OCRA suite (RFC 6287) for transaction signing on tokens with a keypad, e.g. <c>OCRA-1:HOTP-SHA1-6:QN08</c>; <see langword="null"/> for TOTP only.</summary>
    public string? OcraSuite { get; init; }

    /// <summary>The manufacturer, as the PSKC file names it.</summary>
    public string? Manufacturer { get; init; }

    /// <summary>Where the token is in its life.</summary>
    public HardwareTokenStatus Status { get; init; }

    /// <summary>The user it is registered to while <see cref="HardwareTokenStatus.Assigned"/>.</summary>
    public PrincipalId? Owner { get; init; }

    /// <summary>
    /// The contract the bank bound the token to when shipping it, or <see langword="null"/>: a bound
    /// token in stock can be registered only by that contract's administrator.
    /// </summary>
    public ContractId? BoundContractId { get; init; }

    /// <summary>The token clock's drift in time steps, learnt from off-centre matches and resynchronisation (TOTP; 0 for HOTP).</summary>
    public int Drift { get; init; }

    /// <summary>
    /// The last moving factor accepted — the time step of a TOTP token, the counter of an HOTP token — moved
    /// only forward by the store's conditional update; no factor up to and including it is accepted again
    /// (replay protection). <see cref="long.MinValue"/> when none.
    /// </summary>
    public long LastUsedStep { get; init; } = long.MinValue;

    /// <summary>
    /// For an HOTP token, the next counter it is expected to show (RFC 4226 C): one past
    /// <see cref="LastUsedStep"/>, 0 for a token never used; 0 for a TOTP token.
    /// </summary>
    public long Counter => Kind == HardwareTokenKind.Hotp ? Math.Max(LastUsedStep, -1) + 1 : 0;

    /// <summary>When it entered the inventory.</summary>
    public required DateTimeOffset ImportedAt { get; init; }

    /// <summary>When it was last registered to a user or retired.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>The time step of <paramref name="now"/> (RFC 6238: floor((now − T0) / X)).</summary>
    /// <param name="now">The time.</param>
    /// <returns>The step.</returns>
    public long StepAt(DateTimeOffset now) => Math.DivRem(now.ToUnixTimeSeconds() - EpochSeconds, PeriodSeconds, out var rem) - (rem < 0 ? 1 : 0);

    /// <inheritdoc />
    public override string ToString() => $"HardwareToken {SerialNumber} ({Kind}, {Status})";
}
