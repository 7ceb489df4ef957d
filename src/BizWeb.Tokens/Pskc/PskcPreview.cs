using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// What an import of a PSKC file would do, read without storing anything
/// (<see cref="HardwareTokenInventory.PreviewPskcAsync"/>): every key package with its serial number, kind,
/// algorithm and, when it cannot be imported, why; or the problem of the file. Never a seed or key.
/// </summary>
public sealed class PskcPreview
{
    private PskcPreview(IReadOnlyList<PskcKeyPackageSummary> keyPackages, BizWebMessage? error, string? detail)
    {
        KeyPackages = keyPackages;
        Error = error;
        Detail = detail;
    }

    /// <summary>Whether the file can be read and at least one of its key packages imported.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Every key package read, in file order (up to the file-level problem, when there is one).</summary>
    public IReadOnlyList<PskcKeyPackageSummary> KeyPackages { get; }

    /// <summary>How many key packages can be imported.</summary>
    public int ImportableCount => KeyPackages.Count(p => p.IsImportable);

    /// <summary>Why nothing of the file can be imported; <see langword="null"/> when something can.</summary>
    public BizWebMessage? Error { get; }

    /// <summary>A technical explanation in English of <see cref="Error"/> for the operator; never secret.</summary>
    public string? Detail { get; }

    internal static PskcPreview Of(IReadOnlyList<PskcKeyPackageSummary> keyPackages) =>
        keyPackages.Any(p => p.IsImportable)
            ? new(keyPackages, null, null)
            : new(keyPackages, MessageCatalog.Get(MessageCode.PskcNoImportableKey), "No key package of the file can be imported.");

    internal static PskcPreview Failure(IReadOnlyList<PskcKeyPackageSummary> keyPackages, MessageCode code, string detail) =>
        new(keyPackages, MessageCatalog.Get(code), detail);

    /// <inheritdoc />
    public override string ToString() => Succeeded
        ? $"{ImportableCount} of {KeyPackages.Count} key packages can be imported"
        : $"Failed: {Error!.Code}: {Detail}";
}
