using System.Security.Cryptography;

namespace BizWeb.Tokens;

/// <summary>
/// The secret side of the customer card: drawing values and positions with the CSPRNG
/// (<see cref="RandomNumberGenerator.GetInt32(int, int)"/> is uniform, without modulo bias) and
/// checking answers in constant time over stack buffers.
/// </summary>
internal static class CustomerCardValues
{
    /// <summary>Two ASCII digits for each of the 8 positions, in print order.</summary>
    public const int Length = CustomerCardPositions.Count * 2;

    /// <summary>The <see cref="BizWeb.Auth.ISecretProtector"/> purpose of card values.</summary>
    public const string ProtectionPurpose = "BizWeb.Tokens.CustomerCard";

    /// <summary>Fills <paramref name="values"/> (16 bytes) with uniform ASCII digits.</summary>
    public static void Generate(Span<byte> values)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length, Length, nameof(values));
        for (var i = 0; i < Length; i++)
        {
            values[i] = (byte)('0' + RandomNumberGenerator.GetInt32(0, 10));
        }
    }

    /// <summary><paramref name="count"/> distinct positions, uniformly among all ordered draws (partial Fisher–Yates).</summary>
    public static CustomerCardPosition[] DrawPositions(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, CustomerCardPositions.Count);
        Span<int> deck = stackalloc int[CustomerCardPositions.Count];
        for (var i = 0; i < deck.Length; i++)
        {
            deck[i] = i;
        }

        var drawn = new CustomerCardPosition[count];
        for (var i = 0; i < count; i++)
        {
            var j = RandomNumberGenerator.GetInt32(i, deck.Length);
            (deck[i], deck[j]) = (deck[j], deck[i]);
            drawn[i] = (CustomerCardPosition)deck[i];
        }

        return drawn;
    }

    /// <summary>
    /// Whether <paramref name="answer"/> (already checked to be 2 ASCII digits per position) holds the
    /// card's digits at <paramref name="positions"/>, compared in constant time. Allocates nothing.
    /// </summary>
    public static bool Matches(ReadOnlySpan<byte> cardValues, IReadOnlyList<CustomerCardPosition> positions, ReadOnlySpan<char> answer)
    {
        var length = positions.Count * 2;
        if (cardValues.Length != Length || answer.Length != length || length > Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[Length];
        Span<byte> typed = stackalloc byte[Length];
        for (var i = 0; i < positions.Count; i++)
        {
            var p = (int)positions[i];
            expected[2 * i] = cardValues[2 * p];
            expected[(2 * i) + 1] = cardValues[(2 * p) + 1];
        }

        for (var i = 0; i < length; i++)
        {
            typed[i] = (byte)answer[i];
        }

        var matches = CryptographicOperations.FixedTimeEquals(expected[..length], typed[..length]);
        CryptographicOperations.ZeroMemory(expected);
        CryptographicOperations.ZeroMemory(typed);
        return matches;
    }

    /// <summary>A card serial number: 12 digits from the CSPRNG (not secret, but not guessable either).</summary>
    public static string NewSerialNumber()
    {
        Span<char> serial = stackalloc char[12];
        for (var i = 0; i < serial.Length; i++)
        {
            serial[i] = (char)('0' + RandomNumberGenerator.GetInt32(0, 10));
        }

        return new string(serial);
    }
}
