using System.Globalization;
using System.Text;

namespace BizWeb.Auth;

/// <summary>
/// A stored PIN hash in the PHC string format
/// (<c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>, <c>$pbkdf2-sha256$i=600000$salt$hash</c>;
/// salt and hash in unpadded standard Base64). Parsing is strict: anything malformed, truncated
/// or out of bounds is a <see cref="FormatException"/> whose message names the problem, never the
/// hash, so a corrupt record is an infrastructure fault and never a match.
/// </summary>
internal sealed class PhcPinHash
{
    public const int SaltLength = 16;
    public const int HashLength = 32;
    private const int MinSaltLength = 8;
    private const int MinHashLength = 16;
    private const int MaxLength = 64;
    private const string Argon2idId = "argon2id";
    private const string Pbkdf2Id = "pbkdf2-sha256";

    public PhcPinHash(PinHashParameters parameters, byte[] salt, byte[] hash)
    {
        Parameters = parameters;
        Salt = salt;
        Hash = hash;
    }

    public PinHashParameters Parameters { get; }

    public byte[] Salt { get; }

    public byte[] Hash { get; }

    /// <summary>True when the salt or hash is shorter than new hashes get.</summary>
    public bool IsShorterThanCurrent => Salt.Length < SaltLength || Hash.Length < HashLength;

    public static PhcPinHash Parse(string phc)
    {
        ArgumentNullException.ThrowIfNull(phc);
        var parts = phc.Split('$');
        if (parts.Length < 2 || parts[0].Length != 0)
        {
            throw Invalid("it does not start with '$' and an algorithm id");
        }

        PinHashParameters parameters;
        int saltIndex;
        switch (parts[1])
        {
            case Argon2idId:
                if (parts.Length != 6)
                {
                    throw Invalid("an argon2id hash has five '$'-separated fields");
                }

                if (parts[2] != "v=19")
                {
                    throw Invalid("only Argon2 version 19 (0x13) is supported");
                }

                var costs = parts[3].Split(',');
                if (costs.Length != 3)
                {
                    throw Invalid("argon2id parameters are m=..,t=..,p=..");
                }

                var memory = Number(costs[0], "m=", 8, PinHashParameters.MaxMemoryKiB);
                var iterations = Number(costs[1], "t=", 1, PinHashParameters.MaxArgon2Iterations);
                var parallelism = Number(costs[2], "p=", 1, PinHashParameters.MaxParallelism);
                if (memory < 8 * parallelism)
                {
                    throw Invalid("argon2id memory is below 8 KiB per lane");
                }

                parameters = new PinHashParameters(PinHashAlgorithm.Argon2id, iterations, memory, parallelism);
                saltIndex = 4;
                break;

            case Pbkdf2Id:
                if (parts.Length != 5)
                {
                    throw Invalid("a pbkdf2-sha256 hash has four '$'-separated fields");
                }

                parameters = new PinHashParameters(
                    PinHashAlgorithm.Pbkdf2Sha256, Number(parts[2], "i=", 1, PinHashParameters.MaxPbkdf2Iterations), 0, 0);
                saltIndex = 3;
                break;

            default:
                throw Invalid("the algorithm id is not argon2id or pbkdf2-sha256");
        }

        var salt = Base64(parts[saltIndex], MinSaltLength, "salt");
        var hash = Base64(parts[saltIndex + 1], MinHashLength, "hash");
        return new PhcPinHash(parameters, salt, hash);
    }

    public override string ToString()
    {
        var builder = new StringBuilder(128);
        if (Parameters.Algorithm == PinHashAlgorithm.Argon2id)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"${Argon2idId}$v=19$m={Parameters.MemoryKiB},t={Parameters.Iterations},p={Parameters.Parallelism}");
        }
        else
        {
            builder.Append(CultureInfo.InvariantCulture, $"${Pbkdf2Id}$i={Parameters.Iterations}");
        }

        return builder.Append('$').Append(Unpadded(Salt)).Append('$').Append(Unpadded(Hash)).ToString();
    }

    private static string Unpadded(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static int Number(string field, string name, int min, int max)
    {
        var digits = field.AsSpan();
        if (!digits.StartsWith(name, StringComparison.Ordinal))
        {
            throw Invalid($"expected parameter '{name[..^1]}'");
        }

        digits = digits[name.Length..];
        if (digits.Length is 0 or > 10 || (digits.Length > 1 && digits[0] == '0') || digits.ContainsAnyExceptInRange('0', '9')
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            throw Invalid($"parameter '{name[..^1]}' is not a whole number from {min} to {max}");
        }

        return (int)value;
    }

    private static byte[] Base64(string field, int minLength, string what)
    {
        if (field.Length % 4 == 1 || field.AsSpan().ContainsAnyExcept(Base64Alphabet))
        {
            throw Invalid($"the {what} is not unpadded Base64");
        }

        var padded = field.Length % 4 == 0 ? field : field + new string('=', 4 - (field.Length % 4));
        var bytes = Convert.FromBase64String(padded);
        if (Unpadded(bytes) != field)
        {
            throw Invalid($"the {what} is not canonical Base64");
        }

        if (bytes.Length < minLength || bytes.Length > MaxLength)
        {
            throw Invalid($"the {what} must be {minLength} to {MaxLength} bytes");
        }

        return bytes;
    }

    private static readonly System.Buffers.SearchValues<char> Base64Alphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    private static FormatException Invalid(string reason) =>
        new($"The stored PIN hash is not a valid PHC string: {reason}.");
}
