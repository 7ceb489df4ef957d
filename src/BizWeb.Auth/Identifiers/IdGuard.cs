using System.Runtime.CompilerServices;

namespace BizWeb.Auth;

/// <summary>Refuses default ids where they enter a flow or a store: a default id is a programming error, never user input.</summary>
internal static class IdGuard
{
    public static ContractId Require(ContractId value, [CallerArgumentExpression(nameof(value))] string? paramName = null) =>
        value.IsDefault ? throw Default(nameof(ContractId), paramName) : value;

    public static UserId Require(UserId value, [CallerArgumentExpression(nameof(value))] string? paramName = null) =>
        value.IsDefault ? throw Default(nameof(UserId), paramName) : value;

    public static UserId? Require(UserId? value, [CallerArgumentExpression(nameof(value))] string? paramName = null) =>
        value is { IsDefault: true } ? throw Default(nameof(UserId), paramName) : value;

    public static BankCode Require(BankCode value, [CallerArgumentExpression(nameof(value))] string? paramName = null) =>
        value.IsDefault ? throw Default(nameof(BankCode), paramName) : value;

    public static PrincipalId Require(PrincipalId value, [CallerArgumentExpression(nameof(value))] string? paramName = null) =>
        value.IsDefault ? throw Default(nameof(PrincipalId), paramName) : value;

    private static ArgumentException Default(string type, string? paramName) =>
        new($"A default {type} is not a real id; parse one (or take it from a signed-in principal).", paramName);
}
