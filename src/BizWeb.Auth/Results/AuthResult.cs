namespace BizWeb.Auth;

/// <summary>
/// The outcome of a flow step: success, or the errors (manual's <c>ja</c> text and <c>en</c>) that
/// explain a refusal. Expected outcomes (wrong PIN, locked, cooldown …) are results, not exceptions.
/// Warnings (e.g. the same-PIN recommendation) may accompany a success.
/// </summary>
public class AuthResult
{
    private protected AuthResult(IReadOnlyList<BizWebMessage> errors, IReadOnlyList<BizWebMessage> warnings)
    {
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>A success without warnings.</summary>
    public static AuthResult Success { get; } = new([], []);

    /// <summary>Whether the step succeeded.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Why it failed; empty on success.</summary>
    public IReadOnlyList<BizWebMessage> Errors { get; }

    /// <summary>Recommendations that did not stop the step.</summary>
    public IReadOnlyList<BizWebMessage> Warnings { get; }

    /// <summary>The first error's code, or <see langword="null"/> on success.</summary>
    public MessageCode? ErrorCode => Errors.Count == 0 ? null : Errors[0].Code;

    /// <summary>A failure with one catalogue message.</summary>
    /// <param name="code">The error's code.</param>
    /// <returns>The result.</returns>
    public static AuthResult Fail(MessageCode code) => new([MessageCatalog.Get(code)], []);

    /// <summary>A failure with several messages (e.g. every broken PIN rule).</summary>
    /// <param name="errors">The errors; at least one.</param>
    /// <returns>The result.</returns>
    public static AuthResult Fail(IReadOnlyList<BizWebMessage> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        return new(errors, []);
    }

    /// <summary>A success with a value.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="warnings">Warnings, if any.</param>
    /// <returns>The result.</returns>
    public static AuthResult<T> Ok<T>(T value, IReadOnlyList<BizWebMessage>? warnings = null) => new(value, [], warnings ?? []);

    /// <summary>A failure with one catalogue message, for a step that returns a value.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="code">The error's code.</param>
    /// <returns>The result.</returns>
    public static AuthResult<T> Fail<T>(MessageCode code) => new(default, [MessageCatalog.Get(code)], []);

    /// <summary>A failure with several messages, for a step that returns a value.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="errors">The errors; at least one.</param>
    /// <returns>The result.</returns>
    public static AuthResult<T> Fail<T>(IReadOnlyList<BizWebMessage> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        return new(default, errors, []);
    }

    /// <summary>A success carrying warnings.</summary>
    /// <param name="warnings">The warnings.</param>
    /// <returns>The result.</returns>
    public static AuthResult SuccessWith(IReadOnlyList<BizWebMessage> warnings) => new([], warnings);

    /// <inheritdoc />
    public override string ToString() => Succeeded
        ? Warnings.Count == 0 ? "Succeeded" : $"Succeeded with {string.Join(", ", Warnings.Select(w => w.Code))}"
        : $"Failed: {string.Join(", ", Errors.Select(e => e.Code))}";
}
