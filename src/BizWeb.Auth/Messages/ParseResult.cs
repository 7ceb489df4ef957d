namespace BizWeb.Auth;

/// <summary>Makes <see cref="ParseResult{T}"/> values, for parsers in the other BizWeb packages and in hosts.</summary>
public static class ParseResult
{
    /// <summary>A successful parse.</summary>
    /// <typeparam name="T">The parsed type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/> (a success always has a value).</exception>
    public static ParseResult<T> Success<T>(T value) => value is null ? throw new ArgumentNullException(nameof(value)) : new(value);

    /// <summary>A failed parse with at least one error.</summary>
    /// <typeparam name="T">The type that was not parsed.</typeparam>
    /// <param name="errors">The broken rules, at least one.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public static ParseResult<T> Failure<T>(params ReadOnlySpan<BizWebMessage> errors)
    {
        if (errors.IsEmpty)
        {
            throw new ArgumentException("A failed parse needs at least one error.", nameof(errors));
        }

        return new ParseResult<T>(errors.ToArray());
    }
}
