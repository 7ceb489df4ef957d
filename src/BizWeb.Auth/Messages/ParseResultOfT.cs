using System.Diagnostics.CodeAnalysis;

namespace BizWeb.Auth;

/// <summary>
/// The outcome of parsing untrusted text into a <typeparamref name="T"/>: the value, or every rule
/// the text broke. Parsing never throws on any input; a successful parse allocates nothing.
/// Read it with <see cref="TryGetValue"/>, or with <see cref="Succeeded"/> then <see cref="Value"/> or <see cref="Errors"/>.
/// </summary>
/// <typeparam name="T">The parsed type.</typeparam>
public readonly struct ParseResult<T>
{
    private readonly T _value;
    private readonly BizWebMessage[]? _errors;
    private readonly bool _parsed;

    internal ParseResult(T value)
    {
        _value = value;
        _errors = null;
        _parsed = true;
    }

    internal ParseResult(BizWebMessage[] errors)
    {
        _value = default!;
        _errors = errors;
    }

    /// <summary>True when the text was valid and <see cref="Value"/> holds the result; false for <c>default</c>, which parsed nothing.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => _parsed;

    /// <summary>The parsed value.</summary>
    /// <exception cref="InvalidOperationException">The parse failed; see <see cref="Errors"/>.</exception>
    public T Value => _parsed
        ? _value
        : throw new InvalidOperationException("The text was not valid; read Errors instead of Value.");

    /// <summary>The parsed value when the text was valid; never throws.</summary>
    /// <param name="value">The value, or <c>default</c> when the parse failed.</param>
    /// <returns>True when the text was valid (<see cref="Succeeded"/>).</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return _parsed;
    }

    /// <summary>Every rule the text broke; empty on success.</summary>
    public IReadOnlyList<BizWebMessage> Errors => _errors ?? [];

    /// <inheritdoc />
    public override string ToString() =>
        _parsed ? "Succeeded" : _errors is null ? "Failed: nothing was parsed (default)" : "Failed: " + string.Join("; ", _errors.Select(m => m.Code.ToString()));
}
