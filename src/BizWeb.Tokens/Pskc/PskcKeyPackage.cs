namespace BizWeb.Tokens;

/// <summary>What the reader found in one key package; <see cref="Seed"/> is the caller's to zero.</summary>
internal sealed record PskcKeyPackage
{
    public required int Number { get; init; }

    public required string SerialNumber { get; init; }

    public string? Manufacturer { get; init; }

    /// <summary>The PSKC algorithm URI.</summary>
    public required string Algorithm { get; init; }

    public required PskcKeyKind Kind { get; init; }

    public required byte[] Seed { get; init; }

    public int? Digits { get; init; }

    /// <summary>The AlgorithmParameters Suite (a hash for HOTP/TOTP); for OCRA, the OCRA suite of either notation.</summary>
    public string? Suite { get; init; }

    public int? TimeInterval { get; init; }

    public int? TimeDrift { get; init; }

    public long? Time { get; init; }

    public long? Counter { get; init; }
}
