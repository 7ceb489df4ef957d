using System.Diagnostics.CodeAnalysis;

namespace BizWeb.Auth;

/// <summary>
/// 契約者ＩＤ / 利用者番号 / ご契約先ID: the contract id the bank assigns, exactly 11 half-width
/// digits (for example <c>12345678901</c>), printed on the customer card (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §2).
/// </summary>
public readonly record struct ContractId
{
    /// <summary>The number of digits in a contract id.</summary>
    public const int Length = 11;

    private readonly string? _value;

    private ContractId(string value) => _value = value;

    /// <summary>Parses untrusted text; never throws, reports every broken rule.</summary>
    /// <param name="text">The text as entered; it is not trimmed or normalised.</param>
    /// <returns>The contract id, or the errors.</returns>
    public static ParseResult<ContractId> Parse(string? text) =>
        FixedDigitsRule.ContractId.Check(text) is { } errors
            ? new ParseResult<ContractId>(errors)
            : new ParseResult<ContractId>(new ContractId(text!));

    /// <summary>Parses untrusted text; never throws.</summary>
    /// <param name="text">The text as entered.</param>
    /// <param name="contractId">The contract id when the text is valid.</param>
    /// <returns>True when the text is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ContractId contractId) =>
        Parse(text).TryGetValue(out contractId);

    /// <summary>The 11 digits.</summary>
    /// <returns>The contract id as text, or an empty string for <c>default</c>.</returns>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>
    /// True for <c>default(ContractId)</c>, which no parse produces: it is no contract id, and the SDK refuses it
    /// (with an <see cref="ArgumentException"/>) wherever an id enters a flow or a store.
    /// </summary>
    public bool IsDefault => _value is null;
}
