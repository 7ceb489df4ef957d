using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace BizWeb.Auth;

/// <summary>The rules of the <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §3 that span more than one PIN.</summary>
public static class PinRules
{
    /// <summary>
    /// At user activation a new PIN must differ from the temporary PIN it replaces (Q5-4): the new
    /// login PIN from the temporary login PIN, the new confirmation PIN from the temporary
    /// confirmation PIN. Compared in constant time.
    /// </summary>
    /// <param name="newPin">The PIN the person chose.</param>
    /// <param name="temporaryPin">The temporary PIN the administrator set.</param>
    /// <returns>An error <see cref="MessageCode.PinSameAsTemporary"/> when they are equal.</returns>
    public static ValidationResult CheckReplacesTemporary(string? newPin, string? temporaryPin) =>
        !string.IsNullOrEmpty(newPin) && FixedTimeEquals(newPin, temporaryPin)
            ? new ValidationResult([MessageCatalog.Get(MessageCode.PinSameAsTemporary)], null)
            : ValidationResult.Valid;

    /// <summary>
    /// The same value for two PINs (registration, login, confirmation) is allowed but carries the
    /// warning <see cref="MessageCode.PinReused"/> recommending different values (Q1-3, Q2-4, Q5-3).
    /// Empty PINs are ignored. Compared in constant time.
    /// </summary>
    /// <param name="pins">The PINs the person set together, in any order.</param>
    /// <returns>Valid, with one warning when any two are equal.</returns>
    public static ValidationResult CheckDistinct(params ReadOnlySpan<string?> pins)
    {
        var reused = false;
        for (var i = 0; i < pins.Length; i++)
        {
            for (var j = i + 1; j < pins.Length; j++)
            {
                reused |= !string.IsNullOrEmpty(pins[i]) && FixedTimeEquals(pins[i], pins[j]);
            }
        }

        return reused
            ? new ValidationResult(null, [MessageCatalog.Get(MessageCode.PinReused)])
            : ValidationResult.Valid;
    }

    /// <summary>Equality of two secrets whose time depends only on their lengths.</summary>
    internal static bool FixedTimeEquals(string? left, string? right) =>
        left is not null && right is not null
        && CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(left.AsSpan()),
            MemoryMarshal.AsBytes(right.AsSpan()));
}
