using BizWeb.Auth;

namespace BizWeb.Tokens.Tests;

/// <summary>RFC 6238 verification: window edges, drift, replay (also in parallel), resynchronisation, input errors.</summary>
public sealed class HardwareTokenVerifierTests
{
    private static SecondFactorContext Enrollment(TestHost host) =>
        host.Context(TokenSetup.User, FlowPurpose.UserCertificateEnrollment, Guid.NewGuid());

    [Theory]
    [InlineData(-2, SecondFactorResult.Rejected)]
    [InlineData(-1, SecondFactorResult.Verified)]
    [InlineData(0, SecondFactorResult.Verified)]
    [InlineData(1, SecondFactorResult.Verified)]
    [InlineData(2, SecondFactorResult.Rejected)]
    public async Task The_default_window_is_one_step_either_side(int offset, SecondFactorResult expected)
    {
        using var host = new TestHost();
        var token = await TokenSetup.AssignAsync(host, "W1", Rfc.Key20, TokenSetup.User);
        var verdict = await host.Get<IHardwareTokenVerifier>().VerifyAsync(Enrollment(host), TokenSetup.Code(host, token, Rfc.Key20, offset), default);
        Assert.Equal(expected, verdict.Result);
    }

    [Theory]
    [InlineData(0, 1, SecondFactorResult.Rejected)]
    [InlineData(0, 0, SecondFactorResult.Verified)]
    [InlineData(2, 2, SecondFactorResult.Verified)]
    [InlineData(2, 3, SecondFactorResult.Rejected)]
    public async Task The_window_is_configurable(int window, int offset, SecondFactorResult expected)
    {
        using var host = new TestHost(tokens: o => o.VerificationWindow = window);
        var token = await TokenSetup.AssignAsync(host, "W2", Rfc.Key20, TokenSetup.User);
        var verdict = await host.Get<IHardwareTokenVerifier>().VerifyAsync(Enrollment(host), TokenSetup.Code(host, token, Rfc.Key20, -offset), default);
        Assert.Equal(expected, verdict.Result);
    }

    [Theory]
    [InlineData(OtpHashAlgorithm.Sha1, 6, 30)]
    [InlineData(OtpHashAlgorithm.Sha256, 8, 60)]
    [InlineData(OtpHashAlgorithm.Sha512, 8, 30)]
    public async Task Every_supported_token_kind_verifies(OtpHashAlgorithm algorithm, int digits, int period)
    {
        using var host = new TestHost();
        var seed = Rfc.KeyFor(algorithm);
        var token = await TokenSetup.AssignAsync(host, "K1", seed, TokenSetup.User, algorithm, digits, period);
        Assert.Equal(SecondFactorResult.Verified, (await host.Get<IHardwareTokenVerifier>().VerifyAsync(Enrollment(host), TokenSetup.Code(host, token, seed), default)).Result);
    }

    [Fact]
    public async Task An_off_centre_match_is_remembered_as_drift()
    {
        using var host = new TestHost();
        var verifier = host.Get<IHardwareTokenVerifier>();
        var token = await TokenSetup.AssignAsync(host, "D1", Rfc.Key20, TokenSetup.User);

        // The token runs one step fast: accepted, and remembered.
        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(Enrollment(host), TokenSetup.Code(host, token, Rfc.Key20, 1), default)).Result);
        Assert.Equal(1, (await host.Get<IHardwareTokenStore>().FindAsync("D1", default))!.Drift);

        // Later it runs two steps fast: still inside the window, which is now centred on +1.
        host.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(Enrollment(host), TokenSetup.Code(host, token, Rfc.Key20, 2), default)).Result);
        Assert.Equal(2, (await host.Get<IHardwareTokenStore>().FindAsync("D1", default))!.Drift);

        // The window is now steps +1 … +3: a code of the server's own step is outside it.
        host.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(Enrollment(host), TokenSetup.Code(host, token, Rfc.Key20, 0), default)).Result);
    }

    [Fact]
    public async Task A_code_is_accepted_once_and_no_earlier_step_after_it()
    {
        using var host = new TestHost();
        var verifier = host.Get<IHardwareTokenVerifier>();
        var token = await TokenSetup.AssignAsync(host, "R1", Rfc.Key20, TokenSetup.User);
        var now = TokenSetup.Code(host, token, Rfc.Key20);
        var before = TokenSetup.Code(host, token, Rfc.Key20, -1);
        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(Enrollment(host), now, default)).Result);
        Assert.Equal(SecondFactorResult.Replayed, (await verifier.VerifyAsync(Enrollment(host), now, default)).Result);
        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(Enrollment(host), before, default)).Result);
        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(Enrollment(host), TokenSetup.Code(host, token, Rfc.Key20, 1), default)).Result);
    }

    [Fact]
    public async Task The_same_valid_code_sent_32_times_in_parallel_succeeds_exactly_once()
    {
        using var host = new TestHost();
        var verifier = host.Get<IHardwareTokenVerifier>();
        var token = await TokenSetup.AssignAsync(host, "P1", Rfc.Key20, TokenSetup.User);
        var code = TokenSetup.Code(host, token, Rfc.Key20);
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return (await verifier.VerifyAsync(Enrollment(host), code, default)).Result;
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(attempts);
        Assert.Equal(1, results.Count(r => r == SecondFactorResult.Verified));
        // The others were right too, and lost the store's conditional update or came after it: replays, no wrong guesses.
        Assert.Equal(31, results.Count(r => r == SecondFactorResult.Replayed));
    }

    [Theory]
    [InlineData("１２３４５６", MessageCode.OneTimePasswordMalformed)]
    [InlineData("12345a", MessageCode.OneTimePasswordMalformed)]
    [InlineData(" 123456", MessageCode.OneTimePasswordMalformed)]
    [InlineData("12345", MessageCode.OneTimePasswordLength)]
    [InlineData("12345678", MessageCode.OneTimePasswordLength)]
    [InlineData("", MessageCode.OneTimePasswordLength)]
    public async Task Malformed_codes_get_an_input_error(string code, MessageCode expected)
    {
        using var host = new TestHost();
        await TokenSetup.AssignAsync(host, "M1", Rfc.Key20, TokenSetup.User);
        var verdict = await host.Get<IHardwareTokenVerifier>().VerifyAsync(Enrollment(host), code, default);
        Assert.Equal((SecondFactorResult.Malformed, expected), (verdict.Result, verdict.Error!.Code));
    }

    [Fact]
    public async Task A_user_without_a_token_is_rejected()
    {
        using var host = new TestHost();
        Assert.Equal(SecondFactorResult.Rejected, (await host.Get<IHardwareTokenVerifier>().VerifyAsync(Enrollment(host), "123456", default)).Result);
    }

    [Fact]
    public async Task The_bank_resynchronises_a_far_drifted_token_with_two_consecutive_codes()
    {
        using var host = new TestHost();
        var verifier = host.Get<IHardwareTokenVerifier>();
        var inventory = host.Get<HardwareTokenInventory>();
        var token = await TokenSetup.AssignAsync(host, "S1", Rfc.Key20, TokenSetup.User);
        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(Enrollment(host), TokenSetup.Code(host, token, Rfc.Key20, 50), default)).Result);

        var wrongOrder = await inventory.ResynchronizeAsync("S1", TokenSetup.Code(host, token, Rfc.Key20, 51), TokenSetup.Code(host, token, Rfc.Key20, 50), TestHost.Operator);
        Assert.Equal(MessageCode.HardwareTokenResyncFailed, wrongOrder.ErrorCode);

        var result = await inventory.ResynchronizeAsync("S1", TokenSetup.Code(host, token, Rfc.Key20, 50), TokenSetup.Code(host, token, Rfc.Key20, 51), TestHost.Operator);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(51, (await inventory.FindAsync("S1"))!.Drift);
        Assert.Equal(SecondFactorResult.Replayed, (await verifier.VerifyAsync(Enrollment(host), TokenSetup.Code(host, token, Rfc.Key20, 51), default)).Result);
        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(Enrollment(host), TokenSetup.Code(host, token, Rfc.Key20, 52), default)).Result);
    }

    [Fact]
    public async Task A_lost_token_unregistered_by_the_bank_is_never_accepted_again()
    {
        using var host = new TestHost();
        var token = await TokenSetup.AssignAsync(host, "L1", Rfc.Key20, TokenSetup.User);
        Assert.True((await host.Get<HardwareTokenInventory>().UnregisterAsync("L1", TestHost.Operator)).Succeeded);
        Assert.Equal(SecondFactorResult.Rejected, (await host.Get<IHardwareTokenVerifier>().VerifyAsync(Enrollment(host), TokenSetup.Code(host, token, Rfc.Key20), default)).Result);
        Assert.Equal(HardwareTokenStatus.Retired, (await host.Get<HardwareTokenInventory>().FindAsync("L1"))!.Status);
        Assert.Equal(MessageCode.HardwareTokenNotFound, (await host.Get<HardwareTokenInventory>().UnregisterAsync("L1", TestHost.Operator)).ErrorCode);
    }

    [Fact]
    public async Task Software_tokens_are_provisioned_with_an_otpauth_uri_that_Otp_NET_codes_verify()
    {
        using var host = new TestHost();
        var created = await host.Get<HardwareTokenInventory>().CreateSoftwareTokenAsync("SW-1", "Shinkin Bank", "12345678901 taro01", TestHost.Operator);
        Assert.True(created.Succeeded);
        var uri = new Uri(created.Value.Uri);
        Assert.Equal("otpauth", uri.Scheme);
        Assert.Equal("totp", uri.Host);
        Assert.DoesNotContain("secret", created.Value.ToString(), StringComparison.OrdinalIgnoreCase);
        var secret = System.Web.HttpUtility.ParseQueryString(uri.Query)["secret"]!;
        var seed = OtpNet.Base32Encoding.ToBytes(secret);
        Assert.Equal(20, seed.Length);

        var store = host.Get<IHardwareTokenStore>();
        Assert.True((await store.TryAssignAsync("SW-1", TokenSetup.User, long.MinValue, 0, host.Time.GetUtcNow(), null, default)).Assigned);
        var code = new OtpNet.Totp(seed).ComputeTotp(host.Time.GetUtcNow().UtcDateTime);
        Assert.Equal(SecondFactorResult.Verified, (await host.Get<IHardwareTokenVerifier>().VerifyAsync(Enrollment(host), code, default)).Result);
    }
}
