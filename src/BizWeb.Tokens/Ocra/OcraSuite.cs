using System.Globalization;

namespace BizWeb.Tokens;

/// <summary>
/// A parsed RFC 6287 OCRA suite, <c>OCRA-1:HOTP-SHA1-6:QN08</c> or
/// <c>OCRA-1:HOTP-SHA512-8:C-QN08-PSHA1-S064-T1M</c>: the crypto function and its data inputs.
/// </summary>
internal sealed class OcraSuite
{
    private OcraSuite(string text) => Text = text;

    public string Text { get; }

    public OtpHashAlgorithm Hash { get; private init; }

    /// <summary>Digits of the response; 0 means the full truncated value (not accepted here).</summary>
    public int Digits { get; private init; }

    public bool HasCounter { get; private init; }

    /// <summary><c>N</c> (numeric), <c>A</c> (alphanumeric) or <c>H</c> (hex).</summary>
    public char QuestionFormat { get; private init; }

    public int QuestionLength { get; private init; }

    public OtpHashAlgorithm? PinHash { get; private init; }

    public int SessionLength { get; private init; }

    /// <summary>The time step in seconds; 0 when the suite has no T input.</summary>
    public int TimeStepSeconds { get; private init; }

    /// <summary>Whether the bank can verify it for a transaction: Q, optional T, and neither C, P nor S (which need state the bank does not keep).</summary>
    public bool SuitsTransactionSigning => !HasCounter && PinHash is null && SessionLength == 0 && Digits >= Hotp.MinDigits;

    public static bool TryParse(string? text, out OcraSuite suite)
    {
        suite = null!;
        var parts = text?.Split(':');
        if (parts is not { Length: 3 } || parts[0] != "OCRA-1")
        {
            return false;
        }

        var function = parts[1].Split('-');
        if (function is not { Length: 3 } || function[0] != "HOTP" || !TryHash(function[1], out var hash)
            || !int.TryParse(function[2], NumberStyles.None, CultureInfo.InvariantCulture, out var digits) || digits is not (0 or (>= 4 and <= 10)))
        {
            return false;
        }

        bool counter = false;
        char questionFormat = '\0';
        int questionLength = 0, sessionLength = 0, timeStep = 0;
        OtpHashAlgorithm? pinHash = null;
        foreach (var input in parts[2].Split('-'))
        {
            switch (input)
            {
                case "C" when !counter && questionFormat == '\0':
                    counter = true;
                    break;
                case ['Q', 'N' or 'A' or 'H', _, _] when questionFormat == '\0' && TryNumber(input[2..], out questionLength) && questionLength is >= 4 and <= 64:
                    questionFormat = input[1];
                    break;
                case ['P', ..] when questionFormat != '\0' && pinHash is null && TryHash(input[1..], out var p):
                    pinHash = p;
                    break;
                case ['S', _, _, _] when questionFormat != '\0' && sessionLength == 0 && TryNumber(input[1..], out sessionLength) && sessionLength > 0:
                    break;
                case ['T', .., 'S' or 'M' or 'H'] when questionFormat != '\0' && timeStep == 0 && TryNumber(input[1..^1], out var n) && n > 0:
                    timeStep = n * input[^1] switch { 'S' => 1, 'M' => 60, _ => 3600 };
                    break;
                default:
                    return false;
            }
        }

        if (questionFormat == '\0')
        {
            return false;
        }

        suite = new OcraSuite(text!)
        {
            Hash = hash,
            Digits = digits,
            HasCounter = counter,
            QuestionFormat = questionFormat,
            QuestionLength = questionLength,
            PinHash = pinHash,
            SessionLength = sessionLength,
            TimeStepSeconds = timeStep,
        };
        return true;
    }

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static bool TryHash(string text, out OtpHashAlgorithm hash)
    {
        hash = text switch
        {
            "SHA1" => OtpHashAlgorithm.Sha1,
            "SHA256" => OtpHashAlgorithm.Sha256,
            "SHA512" => OtpHashAlgorithm.Sha512,
            _ => (OtpHashAlgorithm)(-1),
        };
        return (int)hash >= 0;
    }
}
