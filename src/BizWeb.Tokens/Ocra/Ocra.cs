using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace BizWeb.Tokens;

/// <summary>
/// RFC 6287 OCRA: HOTP truncation of HMAC(key, suite ‖ 0x00 ‖ C ‖ Q ‖ P ‖ S ‖ T), with the message
/// on the stack. The question is padded to 128 bytes: numeric questions as the hex digits of the
/// number (right-padded), alphanumeric as their ASCII bytes, hex as given.
/// </summary>
internal static class Ocra
{
    private const int QuestionBytes = 128;

    /// <summary>The response as a number below 10^digits.</summary>
    /// <exception cref="ArgumentException">The question does not fit the suite.</exception>
    public static int Compute(OcraSuite suite, ReadOnlySpan<byte> key, string question, long counter = 0, ReadOnlySpan<byte> pinHash = default, ReadOnlySpan<byte> session = default, long timeSteps = 0)
    {
        if (!IsValidQuestion(suite, question))
        {
            throw new ArgumentException("The question does not fit the OCRA suite.", nameof(question));
        }

        var suiteLength = Encoding.ASCII.GetByteCount(suite.Text);
        var pinLength = suite.PinHash is { } p ? Hotp.MacLength(p) : 0;
        var length = suiteLength + 1 + (suite.HasCounter ? 8 : 0) + QuestionBytes + pinLength + suite.SessionLength + (suite.TimeStepSeconds > 0 ? 8 : 0);
        Span<byte> message = stackalloc byte[length];
        message.Clear();
        var at = Encoding.ASCII.GetBytes(suite.Text, message);
        at++; // the 0x00 separator
        if (suite.HasCounter)
        {
            BinaryPrimitives.WriteInt64BigEndian(message[at..], counter);
            at += 8;
        }

        WriteQuestion(suite, question, message.Slice(at, QuestionBytes));
        at += QuestionBytes;
        if (pinLength > 0)
        {
            pinHash[..pinLength].CopyTo(message[at..]);
            at += pinLength;
        }

        if (suite.SessionLength > 0)
        {
            session.CopyTo(message.Slice(at, suite.SessionLength));
            at += suite.SessionLength;
        }

        if (suite.TimeStepSeconds > 0)
        {
            BinaryPrimitives.WriteInt64BigEndian(message[at..], timeSteps);
        }

        var response = Hotp.Truncate(key, message, suite.Hash, suite.Digits);
        CryptographicOperations.ZeroMemory(message);
        return response;
    }

    /// <summary>
    /// Whether <paramref name="question"/> is of the suite's format and fits the 128-byte field. Like the
    /// RFC's reference code, the length is not capped at the suite's <c>xx</c> (Appendix C's mutual
    /// vectors use 16-character questions with <c>QA08</c>); the bank's own challenges have exactly that length.
    /// </summary>
    public static bool IsValidQuestion(OcraSuite suite, string? question) =>
        question is { Length: > 0 and <= 64 } && suite.QuestionFormat switch
        {
            'N' => question.All(char.IsAsciiDigit),
            'A' => question.All(c => char.IsAscii(c) && !char.IsControl(c)),
            _ => question.All(char.IsAsciiHexDigit),
        };

    private static void WriteQuestion(OcraSuite suite, string question, Span<byte> destination)
    {
        switch (suite.QuestionFormat)
        {
            case 'A':
                Encoding.ASCII.GetBytes(question, destination);
                break;
            case 'N':
                WriteHexDigits(BigInteger.Parse(question, System.Globalization.CultureInfo.InvariantCulture).ToString("X", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0'), destination);
                break;
            default:
                WriteHexDigits(question, destination);
                break;
        }
    }

    /// <summary>Hex digits, right-padded with 0 digits (so an odd count fills the high nibble of the last byte).</summary>
    private static void WriteHexDigits(string hex, Span<byte> destination)
    {
        for (var i = 0; i < hex.Length; i++)
        {
            var nibble = (byte)Convert.ToInt32(hex[i].ToString(), 16);
            destination[i / 2] |= (byte)(i % 2 == 0 ? nibble << 4 : nibble);
        }
    }
}
