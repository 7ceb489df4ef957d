namespace BizWeb.Auth;

/// <summary>An <see cref="AuthResult"/> that carries a value on success; made by <see cref="AuthResult.Ok{T}"/> and <see cref="AuthResult.Fail{T}(MessageCode)"/>.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class AuthResult<T> : AuthResult
{
    private readonly T? _value;

    internal AuthResult(T? value, IReadOnlyList<BizWebMessage> errors, IReadOnlyList<BizWebMessage> warnings)
        : base(errors, warnings) => _value = value;

    /// <summary>The value of a successful step.</summary>
    /// <exception cref="InvalidOperationException">The step failed.</exception>
    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"The step failed ({ErrorCode}); there is no value.");
}
