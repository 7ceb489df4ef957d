using System.Globalization;

namespace BizWeb.Tokens.Tests;

/// <summary>
/// HOTP codes against oathtool (OATH Toolkit), an implementation independent of the SDK: Oath/generate.sh
/// wrote Oath/oathtool-hotp.txt with <c>oathtool --hotp --digits=D --counter=C KEY</c> for four keys, 6–8
/// digits and counters around the look-ahead edges and beyond 2^32 and 2^53.
/// </summary>
public sealed class HotpOracleTests
{
    public static TheoryData<string, int, long, string> OathtoolCodes()
    {
        var data = new TheoryData<string, int, long, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Oath", "oathtool-hotp.txt")))
        {
            var fields = line.Split(' ');
            data.Add(fields[0], int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[2], CultureInfo.InvariantCulture), fields[3]);
        }

        return data;
    }

    [Fact]
    public void The_oracle_file_holds_every_code_generate_sh_writes()
    {
        Assert.Equal(4 * 3 * 13, OathtoolCodes().Count);
    }

    [Theory]
    [MemberData(nameof(OathtoolCodes))]
    public void Every_oathtool_code_is_computed_and_matched_at_its_counter(string keyHex, int digits, long counter, string code)
    {
        var key = Convert.FromHexString(keyHex);
        Assert.Equal(code, Hotp.FormatString(Hotp.Compute(key, counter, OtpHashAlgorithm.Sha1, digits), digits));
        Assert.True(HotpVerifier.TryMatch(key, code, OtpHashAlgorithm.Sha1, digits, counter, 0, out var matched));
        Assert.Equal(counter, matched);

        // From a few counters before, the look-ahead finds it at its own counter (the codes between differ).
        var from = Math.Max(0, counter - 5);
        Assert.True(HotpVerifier.TryMatch(key, code, OtpHashAlgorithm.Sha1, digits, from, 5, out matched));
        Assert.Equal(counter, matched);

        // From the next counter on it is a used code.
        Assert.False(HotpVerifier.TryMatch(key, code, OtpHashAlgorithm.Sha1, digits, counter + 1, 10, out _));
    }
}
