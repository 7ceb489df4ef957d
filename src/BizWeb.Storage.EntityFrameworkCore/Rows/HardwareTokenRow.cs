using BizWeb.Auth;
using BizWeb.Tokens;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// A token of the inventory: the seed only as the ciphertext the tokens package gave; the owner in one
/// column (<see cref="StoredIds.Key"/>, unique: a user has one token); <see cref="LastUsedStep"/> — the
/// last time step of a TOTP token, the last counter of an HOTP token (<see cref="Kind"/>) — is moved only by a
/// conditional update (replay protection, and the HOTP counter's advance).
/// </summary>
internal sealed class HardwareTokenRow
{
    public required string SerialNumber { get; set; }

    public required byte[] ProtectedSeed { get; set; }

    public int Kind { get; set; }

    public int Algorithm { get; set; }

    public int Digits { get; set; }

    public int PeriodSeconds { get; set; }

    public long EpochSeconds { get; set; }

    public string? OcraSuite { get; set; }

    public string? Manufacturer { get; set; }

    public int Status { get; set; }

    public string? Owner { get; set; }

    public string? BoundContractId { get; set; }

    public int Drift { get; set; }

    public long LastUsedStep { get; set; }

    public long ImportedAt { get; set; }

    public long? ChangedAt { get; set; }

    public static HardwareTokenRow From(HardwareToken token) => new()
    {
        SerialNumber = token.SerialNumber,
        ProtectedSeed = token.ProtectedSeed,
        Kind = (int)token.Kind,
        Algorithm = (int)token.Algorithm,
        Digits = token.Digits,
        PeriodSeconds = token.PeriodSeconds,
        EpochSeconds = token.EpochSeconds,
        OcraSuite = token.OcraSuite,
        Manufacturer = token.Manufacturer,
        Status = (int)token.Status,
        Owner = token.Owner is { } owner ? StoredIds.Key(owner) : null,
        BoundContractId = token.BoundContractId?.ToString(),
        Drift = token.Drift,
        LastUsedStep = token.LastUsedStep,
        ImportedAt = Ticks.From(token.ImportedAt),
        ChangedAt = Ticks.From(token.ChangedAt),
    };

    public HardwareToken ToToken() => new()
    {
        SerialNumber = SerialNumber,
        ProtectedSeed = ProtectedSeed,
        Kind = (HardwareTokenKind)Kind,
        Algorithm = (OtpHashAlgorithm)Algorithm,
        Digits = Digits,
        PeriodSeconds = PeriodSeconds,
        EpochSeconds = EpochSeconds,
        OcraSuite = OcraSuite,
        Manufacturer = Manufacturer,
        Status = (HardwareTokenStatus)Status,
        Owner = Owner is null ? null : StoredIds.Principal(Owner),
        BoundContractId = BoundContractId is null ? null : ContractId.TryParse(BoundContractId, out var bound) ? bound : throw new FormatException("A stored bound contract id is not a contract id."),
        Drift = Drift,
        LastUsedStep = LastUsedStep,
        ImportedAt = Ticks.ToInstant(ImportedAt),
        ChangedAt = Ticks.ToInstant(ChangedAt),
    };
}
