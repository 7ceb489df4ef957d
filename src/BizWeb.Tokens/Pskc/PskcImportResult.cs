using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// The outcome of a PSKC import: all tokens imported, or none and the reason, naming the key package
/// (its number in the file and its serial number or key id) — never a seed or key.
/// </summary>
public sealed class PskcImportResult
{
    private PskcImportResult(int importedCount, BizWebMessage? error, int? keyPackageNumber, string? keyPackageName, string? detail)
    {
        ImportedCount = importedCount;
        Error = error;
        KeyPackageNumber = keyPackageNumber;
        KeyPackageName = keyPackageName;
        Detail = detail;
    }

    /// <summary>Whether every token of the file was imported.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The number of tokens imported (0 on failure: all or nothing).</summary>
    public int ImportedCount { get; }

    /// <summary>Why nothing was imported; <see langword="null"/> on success.</summary>
    public BizWebMessage? Error { get; }

    /// <summary>The 1-based number of the key package that failed, when one did.</summary>
    public int? KeyPackageNumber { get; }

    /// <summary>The serial number (or key id) of the key package that failed, when it has one.</summary>
    public string? KeyPackageName { get; }

    /// <summary>A technical explanation in English for the bank's operator (line numbers, element names); never secret.</summary>
    public string? Detail { get; }

    internal static PskcImportResult Success(int count) => new(count, null, null, null, null);

    internal static PskcImportResult Failure(MessageCode code, int? keyPackageNumber, string? keyPackageName, string detail) =>
        new(0, MessageCatalog.Get(code), keyPackageNumber, keyPackageName, detail);

    /// <inheritdoc />
    public override string ToString() => Succeeded
        ? $"Imported {ImportedCount} tokens"
        : $"Failed: {Error!.Code}" + (KeyPackageNumber is { } n ? $" at key package #{n}" : string.Empty)
            + (KeyPackageName is { } name ? $" ({name})" : string.Empty) + $": {Detail}";
}
