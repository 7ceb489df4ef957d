namespace BizWeb.Auth;

/// <summary>
/// The outcome of checking an input against the rules: every broken rule as an error, and any
/// advice as a warning. Valid input allocates nothing.
/// </summary>
public readonly struct ValidationResult
{
    private readonly BizWebMessage[]? _errors;
    private readonly BizWebMessage[]? _warnings;

    internal ValidationResult(BizWebMessage[]? errors, BizWebMessage[]? warnings)
    {
        _errors = errors is { Length: > 0 } ? errors : null;
        _warnings = warnings is { Length: > 0 } ? warnings : null;
    }

    /// <summary>A result with neither errors nor warnings.</summary>
    public static ValidationResult Valid => default;

    /// <summary>True when there is no error (warnings do not make a result invalid).</summary>
    public bool IsValid => _errors is null;

    /// <summary>Every broken rule, in the order the rules are checked.</summary>
    public IReadOnlyList<BizWebMessage> Errors => _errors ?? [];

    /// <summary>Advice for the person; the input is still accepted.</summary>
    public IReadOnlyList<BizWebMessage> Warnings => _warnings ?? [];

    /// <summary>The errors and warnings of both results, this one's first.</summary>
    /// <param name="other">The result to add.</param>
    /// <returns>The combined result.</returns>
    public ValidationResult Combine(ValidationResult other) =>
        new([.. Errors, .. other.Errors], [.. Warnings, .. other.Warnings]);

    /// <inheritdoc />
    public override string ToString() =>
        IsValid && _warnings is null
            ? "Valid"
            : string.Join("; ", Errors.Concat(Warnings).Select(m => m.Code.ToString()));
}
