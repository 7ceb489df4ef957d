using System.Security.Cryptography;
using BizWeb.Auth;

namespace BizWeb.Tokens.Tests;

/// <summary>
/// Event-based (RFC 4226 HOTP) tokens beside TOTP ones: imported from PSKC with their counter, registered
/// (P.15), used for certificate enrollment (利用者6-3), a second factor and transfer confirmation, each code
/// once, searched over a look-ahead from the stored counter, and resynchronised by the bank from two
/// consecutive codes over a wider window.
/// </summary>
public sealed class HotpTokenTests
{
    private const string Serial = "HOTP-0001";
    private const string TemporaryLoginPin = "Temp1234";
    private static readonly AuditActor Browser = AuditActor.Anonymous("192.0.2.10");
    private static readonly byte[] Reviewed = SHA256.HashData("2026-04-01|1286|001|1234567|JPY 100000|debit 7654321"u8);

    /// <summary>RFC 4226 Appendix D: the codes of counters 0–9 for the secret "12345678901234567890".</summary>
    private static readonly string[] AppendixD = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];

    private static string Code(long counter, int digits = 6) =>
        Hotp.FormatString(Hotp.Compute(Rfc.Key20, counter, OtpHashAlgorithm.Sha1, digits), digits);

    /// <summary>An activated contract with user taro01, and HOTP token <see cref="Serial"/> (RFC 4226's secret) imported with <paramref name="counter"/>.</summary>
    private static async Task<TestHost> HostAsync(long counter = 0, Action<HardwareTokenOptions>? options = null)
    {
        var host = new TestHost(tokens: options);
        await host.CreateContractAsync();
        await host.ActivateAdminAsync(await host.IssueCardAsync());
        var registration = new UserRegistration { UserId = "taro01", NameKana = "ﾀﾛｳ", TemporaryLoginPin = TemporaryLoginPin, TemporaryConfirmationPin = "Temp5678", IssueCertificate = true };
        Assert.True((await host.Get<UserAdministration>().RegisterAsync(await host.AdminAsync(), registration, TestHost.ConfirmationPin)).Succeeded);
        var builder = new PskcBuilder().Add(Serial, Rfc.Key20, algorithm: "urn:ietf:params:xml:ns:keyprov:pskc:hotp", counter: counter);
        await using var stream = builder.ToStream();
        var imported = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, builder.DecryptionKey, TestHost.Operator);
        Assert.True(imported.Succeeded, imported.ToString());
        return host;
    }

    private static async Task<HardwareToken> TokenAsync(TestHost host) => (await host.Get<HardwareTokenInventory>().FindAsync(Serial))!;

    private static async Task<AuthResult> RegisterAsync(TestHost host, string code) =>
        await host.Get<HardwareTokenRegistration>().RegisterAsync(await host.AdminAsync(), TokenSetup.Taro, Serial, code, TestHost.ConfirmationPin);

    private static ValueTask<SecondFactorVerification> VerifyAsync(TestHost host, string code) =>
        host.Get<IHardwareTokenVerifier>().VerifyAsync(host.Context(TokenSetup.User, FlowPurpose.UserCertificateEnrollment, Guid.NewGuid()), code, default);

    [Fact]
    public async Task An_imported_HOTP_key_is_an_HOTP_token_with_its_counter()
    {
        using var host = await HostAsync(counter: 42);
        var token = await TokenAsync(host);
        Assert.Equal((HardwareTokenKind.Hotp, 42L, 41L, 0, HardwareTokenStatus.InStock), (token.Kind, token.Counter, token.LastUsedStep, token.Drift, token.Status));
        Assert.Equal(0L, new HardwareToken { SerialNumber = "T", ProtectedSeed = [], ImportedAt = host.Time.GetUtcNow(), LastUsedStep = 41 }.Counter);
    }

    [Fact]
    public async Task Registration_enrollment_and_transfer_confirmation_work_with_an_HOTP_token()
    {
        using var host = await HostAsync();

        // Pressed three times in stock: the registration's look-ahead finds the fourth code.
        var registered = await RegisterAsync(host, Code(3));
        Assert.True(registered.Succeeded, registered.ToString());
        Assert.Equal((TokenSetup.User, 4L), ((await TokenAsync(host)).Owner!.Value, (await TokenAsync(host)).Counter));

        var enrollment = host.Get<CertificateEnrollment>();
        var begin = await enrollment.BeginUserAsync(TestHost.ContractText, "taro01", TemporaryLoginPin, Browser);
        Assert.True(begin.Succeeded, begin.ToString());
        Assert.False((await enrollment.CompleteUserAsync(begin.Value.Handle, Code(3), Browser)).Succeeded);
        begin = await enrollment.BeginUserAsync(TestHost.ContractText, "taro01", TemporaryLoginPin, Browser);
        var ticket = await enrollment.CompleteUserAsync(begin.Value.Handle, Code(4), Browser);
        Assert.True(ticket.Succeeded, ticket.ToString());
        Assert.Equal(5L, (await TokenAsync(host)).Counter);

        var confirmations = host.Get<TransactionConfirmations>();
        var request = (await confirmations.BeginAsync(TokenSetup.User, Reviewed)).Value;
        Assert.Null(request.OcraChallenge);
        Assert.Equal(SecondFactorResult.Verified, (await confirmations.ConfirmAsync(request.Id, TokenSetup.User, Reviewed, Code(5))).Result);
        Assert.Equal(6L, (await TokenAsync(host)).Counter);
    }

    [Fact]
    public async Task The_RFC_4226_appendix_D_codes_are_accepted_in_order_each_once()
    {
        using var host = await HostAsync();
        Assert.True((await RegisterAsync(host, AppendixD[0])).Succeeded);
        for (var counter = 1; counter < AppendixD.Length; counter++)
        {
            Assert.Equal(SecondFactorResult.Verified, (await VerifyAsync(host, AppendixD[counter])).Result);
            Assert.Equal(SecondFactorResult.Replayed, (await VerifyAsync(host, AppendixD[counter])).Result);
            Assert.Equal(SecondFactorResult.Rejected, (await VerifyAsync(host, AppendixD[counter - 1])).Result);
            Assert.Equal(counter + 1L, (await TokenAsync(host)).Counter);
        }
    }

    [Theory]
    [InlineData(10, 0, SecondFactorResult.Verified)]
    [InlineData(10, 10, SecondFactorResult.Verified)]
    [InlineData(10, 11, SecondFactorResult.Rejected)]
    [InlineData(0, 0, SecondFactorResult.Verified)]
    [InlineData(0, 1, SecondFactorResult.Rejected)]
    [InlineData(30, 30, SecondFactorResult.Verified)]
    public async Task The_look_ahead_reaches_exactly_its_width_and_moves_the_counter_past_the_match(int lookAhead, int ahead, SecondFactorResult expected)
    {
        using var host = await HostAsync(counter: 100, o => o.HotpLookAhead = lookAhead);
        Assert.True((await RegisterAsync(host, Code(100))).Succeeded);
        Assert.Equal(expected, (await VerifyAsync(host, Code(101 + ahead))).Result);
        Assert.Equal(expected == SecondFactorResult.Verified ? 102L + ahead : 101L, (await TokenAsync(host)).Counter);
    }

    [Fact]
    public async Task Parallel_submissions_of_the_same_code_are_accepted_once()
    {
        using var host = await HostAsync();
        Assert.True((await RegisterAsync(host, Code(0))).Succeeded);
        using var start = new ManualResetEventSlim();
        var submissions = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return (await VerifyAsync(host, Code(1))).Result;
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(submissions);
        Assert.Equal(1, results.Count(r => r == SecondFactorResult.Verified));
        Assert.Equal(2L, (await TokenAsync(host)).Counter);
    }

    [Fact]
    public async Task A_token_pressed_far_ahead_is_resynchronised_from_two_consecutive_codes_only()
    {
        using var host = await HostAsync();
        Assert.True((await RegisterAsync(host, Code(0))).Succeeded);
        var inventory = host.Get<HardwareTokenInventory>();

        // Pressed 50 times: beyond the look-ahead of 10, so a single code is wrong.
        Assert.Equal(SecondFactorResult.Rejected, (await VerifyAsync(host, Code(51))).Result);
        Assert.Equal(MessageCode.HardwareTokenResyncFailed, (await inventory.ResynchronizeAsync(Serial, Code(51), Code(53), TestHost.Operator)).ErrorCode);
        Assert.Equal(1L, (await TokenAsync(host)).Counter);

        Assert.True((await inventory.ResynchronizeAsync(Serial, Code(51), Code(52), TestHost.Operator)).Succeeded);
        Assert.Equal(53L, (await TokenAsync(host)).Counter);
        Assert.Equal(SecondFactorResult.Replayed, (await VerifyAsync(host, Code(52))).Result);
        Assert.Equal(SecondFactorResult.Verified, (await VerifyAsync(host, Code(53))).Result);

        var audit = await host.Get<IAuditTrailStore>().ReadAsync(0, 1_000, default);
        Assert.Contains(audit, a => a.Action == "HardwareTokenResynchronized" && a.Outcome == AuditOutcome.Succeeded && a.Detail == $"token {Serial}: counter 1 -> 53");
        Assert.Contains(audit, a => a.Action == "HardwareTokenResynchronized" && a.Outcome == AuditOutcome.Failed);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public async Task The_resynchronisation_window_is_counted_from_the_next_counter(int ahead, bool expected)
    {
        using var host = await HostAsync();
        Assert.True((await RegisterAsync(host, Code(0))).Succeeded);
        var resynchronised = await host.Get<HardwareTokenInventory>().ResynchronizeAsync(Serial, Code(1 + ahead), Code(2 + ahead), TestHost.Operator);
        Assert.Equal(expected, resynchronised.Succeeded);
    }

    [Fact]
    public async Task Wrong_HOTP_codes_count_through_the_lockout_engine_like_TOTP_ones()
    {
        using var host = await HostAsync();
        Assert.True((await RegisterAsync(host, Code(0))).Succeeded);
        var enrollment = host.Get<CertificateEnrollment>();
        AuthResult<FlowHandle> last = default!;
        for (var i = 0; i < 7; i++)
        {
            var begin = await enrollment.BeginUserAsync(TestHost.ContractText, "taro01", TemporaryLoginPin, Browser);
            Assert.True(begin.Succeeded, begin.ToString());
            last = await enrollment.CompleteUserAsync(begin.Value.Handle, Code(500 + i), Browser);
            Assert.False(last.Succeeded);
        }

        Assert.Equal(MessageCode.UserLocked, last.ErrorCode);
        Assert.Equal(UserState.Suspended, (await host.Get<IUserStore>().FindAsync(TestHost.Contract, TokenSetup.Taro, default))!.State);
        Assert.Equal(1L, (await TokenAsync(host)).Counter);
    }

    [Theory]
    [InlineData(101, 200)]
    [InlineData(-1, 100)]
    [InlineData(10, 1001)]
    [InlineData(20, 10)]
    public void Look_ahead_and_resynchronisation_windows_out_of_range_are_refused_at_start_up(int lookAhead, int resynchronization)
    {
        var options = new HardwareTokenOptions { HotpLookAhead = lookAhead, HotpResynchronizationWindow = resynchronization };
        Assert.NotEmpty(options.Validate("Tokens"));
        Assert.Empty(new HardwareTokenOptions().Validate("Tokens"));
    }
}
