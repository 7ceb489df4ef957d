using System.Security.Cryptography;

namespace BizWeb.Tokens;

/// <summary>
/// Derives the OCRA question of a transaction: SHA-256 over the transaction digest and a fresh
/// 16-byte CSPRNG nonce, mapped onto the suite's question format and length. Bound to the
/// transaction (the digest) and fresh (the nonce), so no response is ever valid twice.
/// </summary>
internal static class OcraChallenge
{
    private const string Alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Hex = "0123456789ABCDEF";

    public static string Derive(OcraSuite suite, ReadOnlySpan<byte> transactionDigest)
    {
        Span<byte> input = stackalloc byte[transactionDigest.Length + 16];
        transactionDigest.CopyTo(input);
        RandomNumberGenerator.Fill(input[transactionDigest.Length..]);
        Span<byte> hash = stackalloc byte[64];
        SHA512.HashData(input, hash);
        var alphabet = suite.QuestionFormat switch { 'N' => "0123456789", 'A' => Alphanumeric, _ => Hex };
        var length = Math.Min(suite.QuestionLength, 16);
        Span<char> question = stackalloc char[length];
        var used = 0;
        foreach (var b in hash)
        {
            // Rejection sampling: only bytes below the largest multiple of the alphabet size, so no bias.
            if (b >= 256 - (256 % alphabet.Length))
            {
                continue;
            }

            question[used++] = alphabet[b % alphabet.Length];
            if (used == length)
            {
                break;
            }
        }

        if (used < length)
        {
            return Derive(suite, transactionDigest);
        }

        return new string(question);
    }
}
