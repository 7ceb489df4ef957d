using System.Diagnostics.CodeAnalysis;

namespace BizWeb.Auth;

/// <summary>
/// The bank's 4-digit financial institution code that ends every certificate common name
/// (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §7). The manual's bank uses <c>1286</c>, the default.
/// </summary>
public readonly record struct BankCode
{
    /// <summary>The number of digits in a bank code.</summary>
    public const int Length = 4;

    private readonly string? _value;

    private BankCode(string value) => _value = value;

    /// <summary>The manual's bank code, <c>1286</c>.</summary>
    public static BankCode Default { get; } = new("1286");

    /// <summary>Parses untrusted text; never throws, reports every broken rule.</summary>
    /// <param name="text">The text as entered; it is not trimmed or normalised.</param>
    /// <returns>The bank code, or the errors.</returns>
    public static ParseResult<BankCode> Parse(string? text) =>
        FixedDigitsRule.BankCode.Check(text) is { } errors
            ? new ParseResult<BankCode>(errors)
            : new ParseResult<BankCode>(new BankCode(text!));

    /// <summary>Parses untrusted text; never throws.</summary>
    /// <param name="text">The text as entered.</param>
    /// <param name="bankCode">The bank code when the text is valid.</param>
    /// <returns>True when the text is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out BankCode bankCode) =>
        Parse(text).TryGetValue(out bankCode);

    /// <summary>The 4 digits.</summary>
    /// <returns>The bank code as text, or an empty string for <c>default</c>.</returns>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>
    /// True for <c>default(BankCode)</c>, which no parse produces: it is no bank code, and the SDK refuses it
    /// (with an <see cref="ArgumentException"/>) wherever an id enters a flow or a store.
    /// </summary>
    public bool IsDefault => _value is null;
}
