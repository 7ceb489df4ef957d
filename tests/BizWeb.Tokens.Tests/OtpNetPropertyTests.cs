using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OtpNet;

namespace BizWeb.Tokens.Tests;

/// <summary>Otp.NET is the reference: our codes equal its codes for random keys, times, digit counts, periods and hashes.</summary>
public sealed class OtpNetPropertyTests
{
    private static readonly Gen<(byte[] Key, long Seconds, int Digits, int Period, OtpHashAlgorithm Algorithm)> Inputs =
        from length in Gen.Choose(16, 80)
        from key in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)
        from seconds in Gen.Choose(0, int.MaxValue).Select(s => (long)s * 3)
        from digits in Gen.Elements(6, 7, 8)
        from period in Gen.Elements(30, 60)
        from algorithm in Gen.Elements(OtpHashAlgorithm.Sha1, OtpHashAlgorithm.Sha256, OtpHashAlgorithm.Sha512)
        select (key, seconds, digits, period, algorithm);

    [Property(MaxTest = 500)]
    public Property Our_TOTP_equals_OtpNet_for_random_inputs() =>
        Prop.ForAll(Arb.From(Inputs), input =>
        {
            var (key, seconds, digits, period, algorithm) = input;
            var mode = algorithm switch { OtpHashAlgorithm.Sha256 => OtpHashMode.Sha256, OtpHashAlgorithm.Sha512 => OtpHashMode.Sha512, _ => OtpHashMode.Sha1 };
            var time = DateTimeOffset.FromUnixTimeSeconds(seconds);
            var reference = new OtpNet.Totp(key, period, mode, digits).ComputeTotp(time.UtcDateTime);
            var token = new HardwareToken { SerialNumber = "p", ProtectedSeed = [], Algorithm = algorithm, Digits = digits, PeriodSeconds = period, ImportedAt = default };
            var step = token.StepAt(time);
            var ours = Hotp.FormatString(Hotp.Compute(key, step, algorithm, digits), digits);
            return ours == reference && TotpVerifier.TryMatch(key, reference, algorithm, digits, step, 1, long.MinValue, out var matched) && matched <= step + 1;
        });
}
