using BizWeb.Auth;
using Microsoft.AspNetCore.Identity;

namespace BizWeb.Identity.Comparison;

/// <summary>
/// Identity's <see cref="IPasswordHasher{TUser}"/> over one of our <see cref="IPinHasher"/>s, so both sides
/// of the comparison pay exactly the same KDF with the same parameters (the same instance, even).
/// </summary>
public sealed class PinHasherAsPasswordHasher<TUser>(IPinHasher pins) : IPasswordHasher<TUser>
    where TUser : class
{
    /// <inheritdoc />
    public string HashPassword(TUser user, string password) => pins.HashPin(password);

    /// <inheritdoc />
    public PasswordVerificationResult VerifyHashedPassword(TUser user, string hashedPassword, string providedPassword) =>
        pins.VerifyPin(providedPassword, hashedPassword) switch
        {
            PinVerificationResult.Succeeded => PasswordVerificationResult.Success,
            PinVerificationResult.SucceededRehashNeeded => PasswordVerificationResult.SuccessRehashNeeded,
            _ => PasswordVerificationResult.Failed,
        };
}
