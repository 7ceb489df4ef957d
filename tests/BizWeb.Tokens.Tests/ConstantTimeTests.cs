using System.Text.RegularExpressions;
using BizWeb.Testing;

namespace BizWeb.Tokens.Tests;

/// <summary>
/// Secrets (card values, OTPs, MACs, transaction digests) are compared with
/// <c>CryptographicOperations.FixedTimeEquals</c> only: a source check over the package.
/// </summary>
public sealed partial class ConstantTimeTests
{
    private static readonly string Source = Path.Combine(RepositoryRoot.Find(), "src", "BizWeb.Tokens");

    [Theory]
    [InlineData("Cards/CustomerCardValues.cs")]
    [InlineData("Otp/Hotp.cs")]
    [InlineData("Pskc/PskcMac.cs")]
    [InlineData("Pskc/PskcDecryptor.cs")]
    [InlineData("Transactions/TransactionConfirmations.cs")]
    public void Every_file_that_judges_a_secret_compares_in_constant_time(string file) =>
        Assert.Contains("CryptographicOperations.FixedTimeEquals(", File.ReadAllText(Path.Combine(Source, file)), StringComparison.Ordinal);

    /// <summary>The OTP verifiers judge each candidate code through the one constant-time step matcher.</summary>
    [Theory]
    [InlineData("Otp/TotpVerifier.cs")]
    [InlineData("Otp/HotpVerifier.cs")]
    public void The_OTP_verifiers_compare_through_the_constant_time_step_matcher(string file) =>
        Assert.Contains("Hotp.Matches(", File.ReadAllText(Path.Combine(Source, file)), StringComparison.Ordinal);

    [Fact]
    public void No_secret_is_compared_with_an_early_exit_comparison()
    {
        var offenders = Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, number: i + 1)))
            .Where(l => EarlyExitComparison().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(Source, l.path)}:{l.number}: {l.line.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }

    /// <summary>SequenceEqual, or == / != / Equals on anything named like a secret (code, answer, seed, mac, digest, values).</summary>
    [GeneratedRegex(@"SequenceEqual\(|\b(code|answer|seed|mac|digest|values|typed|expected|candidate)\s*[!=]=\s*\w|\b(code|answer|seed|mac|digest|values)\.Equals\(", RegexOptions.IgnoreCase)]
    private static partial Regex EarlyExitComparison();
}
