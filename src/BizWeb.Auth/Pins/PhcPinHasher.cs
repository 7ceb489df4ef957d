using System.Security.Cryptography;
using System.Text;

namespace BizWeb.Auth;

/// <summary>
/// The default <see cref="IPinHasher"/>: Argon2id (BouncyCastle) or PBKDF2-HMAC-SHA256 (.NET),
/// PHC strings, a 16-byte CSPRNG salt per hash, a 32-byte hash, constant-time comparison, and
/// a fixed dummy hash so that verifying for a principal that does not exist costs the same.
/// Hashes made with other or lower parameters still verify and ask to be re-hashed.
/// </summary>
public sealed class PhcPinHasher : IPinHasher
{
    private readonly PinHashParameters _parameters;
    private readonly PhcPinHash _dummy;

    /// <summary>Creates a hasher for the given parameters.</summary>
    /// <param name="options">The parameters of new hashes.</param>
    /// <exception cref="ArgumentException">The options are out of range; the message lists every problem.</exception>
    public PhcPinHasher(PinHashingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(nameof(PinHashingOptions)).ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _parameters = PinHashParameters.FromOptions(options);
        _dummy = new PhcPinHash(
            _parameters,
            RandomNumberGenerator.GetBytes(PhcPinHash.SaltLength),
            RandomNumberGenerator.GetBytes(PhcPinHash.HashLength));
    }

    /// <summary>The hash that stands in for a principal that does not exist.</summary>
    internal PhcPinHash DummyHash => _dummy;

    /// <inheritdoc />
    public string HashPin(string pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var pinBytes = Encoding.UTF8.GetBytes(pin);
        try
        {
            var salt = RandomNumberGenerator.GetBytes(PhcPinHash.SaltLength);
            var hash = new byte[PhcPinHash.HashLength];
            _parameters.Derive(pinBytes, salt, hash);
            return new PhcPinHash(_parameters, salt, hash).ToString();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pinBytes);
        }
    }

    /// <inheritdoc />
    public PinVerificationResult VerifyPin(string pin, string? storedHash)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var stored = storedHash is null ? _dummy : PhcPinHash.Parse(storedHash);
        var pinBytes = Encoding.UTF8.GetBytes(pin);
        var computed = new byte[stored.Hash.Length];
        try
        {
            stored.Parameters.Derive(pinBytes, stored.Salt, computed);
            var matches = CryptographicOperations.FixedTimeEquals(computed, stored.Hash);
            if (!matches || storedHash is null)
            {
                return PinVerificationResult.Failed;
            }

            return stored.Parameters.IsWeakerThan(_parameters) || stored.IsShorterThanCurrent
                ? PinVerificationResult.SucceededRehashNeeded
                : PinVerificationResult.Succeeded;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pinBytes);
            CryptographicOperations.ZeroMemory(computed);
        }
    }
}
