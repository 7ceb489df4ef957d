using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// The outcome of a PSKC import: the tokens imported (with <see cref="PskcImportPolicy.SkipUnsupported"/>,
/// the key packages skipped and why), or none and the reason, naming the key package (its number in the
/// file and its serial number or key id) — never a seed or key. A file of which nothing was imported is
/// always a failure.
/// </summary>
public sealed class PskcImportResult
{
    private PskcImportResult(int importedCount, IReadOnlyList<PskcKeyPackageSummary> skipped, BizWebMessage? error, int? keyPackageNumber, string? keyPackageName, string? detail)
    {
        ImportedCount = importedCount;
        Skipped = skipped;
        Error = error;
        KeyPackageNumber = keyPackageNumber;
        KeyPackageName = keyPackageName;
        Detail = detail;
    }

    /// <summary>Whether tokens were imported: every one of the file, or (<see cref="PskcImportPolicy.SkipUnsupported"/>) every one not in <see cref="Skipped"/>.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The number of tokens imported (at least 1 on success, 0 on failure).</summary>
    public int ImportedCount { get; }

    /// <summary>The key packages skipped (<see cref="PskcImportPolicy.SkipUnsupported"/>), each with its reason; empty with <see cref="PskcImportPolicy.AllOrNothing"/>.</summary>
    public IReadOnlyList<PskcKeyPackageSummary> Skipped { get; }

    /// <summary>Why nothing was imported; <see langword="null"/> on success.</summary>
    public BizWebMessage? Error { get; }

    /// <summary>The 1-based number of the key package that failed, when one did.</summary>
    public int? KeyPackageNumber { get; }

    /// <summary>The serial number (or key id) of the key package that failed, when it has one.</summary>
    public string? KeyPackageName { get; }

    /// <summary>A technical explanation in English for the bank's operator (line numbers, element names); never secret.</summary>
    public string? Detail { get; }

    internal static PskcImportResult Success(int count, IReadOnlyList<PskcKeyPackageSummary> skipped) => new(count, skipped, null, null, null, null);

    internal static PskcImportResult Failure(MessageCode code, int? keyPackageNumber, string? keyPackageName, string detail, IReadOnlyList<PskcKeyPackageSummary>? skipped = null) =>
        new(0, skipped ?? [], MessageCatalog.Get(code), keyPackageNumber, keyPackageName, detail);

    /// <inheritdoc />
    public override string ToString() => Succeeded
        ? $"Imported {ImportedCount} tokens" + (Skipped.Count > 0 ? $", skipped {Skipped.Count}" : string.Empty)
        : $"Failed: {Error!.Code}" + (KeyPackageNumber is { } n ? $" at key package #{n}" : string.Empty)
            + (KeyPackageName is { } name ? $" ({name})" : string.Empty) + $": {Detail}"
            + (Skipped.Count > 0 ? $" ({Skipped.Count} skipped)" : string.Empty);
}
