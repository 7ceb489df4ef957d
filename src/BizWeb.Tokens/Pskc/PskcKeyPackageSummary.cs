using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>One key package of a PSKC file as the bank's operator sees it: what it is and, when it cannot be imported, why. Never a seed or key.</summary>
public sealed class PskcKeyPackageSummary
{
    internal PskcKeyPackageSummary(int number, string? serialNumber, PskcKeyKind kind, string? algorithm, string? manufacturer, BizWebMessage? error, string? detail)
    {
        Number = number;
        SerialNumber = serialNumber;
        Kind = kind;
        Algorithm = algorithm;
        Manufacturer = manufacturer;
        Error = error;
        Detail = detail;
    }

    /// <summary>The 1-based number of the key package in the file.</summary>
    public int Number { get; }

    /// <summary>The serial number (or, without one, the key id); <see langword="null"/> when the package has neither.</summary>
    public string? SerialNumber { get; }

    /// <summary>The kind of one-time password; <see cref="PskcKeyKind.Unknown"/> when the package could not be read that far.</summary>
    public PskcKeyKind Kind { get; }

    /// <summary>The key algorithm as the file names it (control characters removed, at most 80 characters), when it names one.</summary>
    public string? Algorithm { get; }

    /// <summary>The manufacturer, as the file names it.</summary>
    public string? Manufacturer { get; }

    /// <summary>Whether the key package can be (or was) imported.</summary>
    public bool IsImportable => Error is null;

    /// <summary>Why it cannot be imported; <see langword="null"/> when it can.</summary>
    public BizWebMessage? Error { get; }

    /// <summary>A technical explanation in English for the operator (e.g. <c>unsupported: key algorithm …</c>); never secret.</summary>
    public string? Detail { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"#{Number}" + (SerialNumber is { } serial ? $" ({serial})" : string.Empty) + $" {Kind}"
            + (Error is { } error ? $": {error.Code}: {Detail}" : string.Empty);
}
