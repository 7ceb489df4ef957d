using BizWeb.Auth;

namespace BizWeb.Tokens.Tests;

/// <summary>
/// A code the token already used (the TOTP step or HOTP counter it accepted last) answers "already used —
/// wait for the next code" (<see cref="MessageCode.OneTimePasswordReplayed"/>) and is not counted as a wrong
/// guess: the lockout engine gives the attempt it reserved back. A wrong code is counted as before.
/// </summary>
public sealed class ReplayedCodeTests
{
    private const string TemporaryLoginPin = "Temp1234";
    private static readonly AuditActor Browser = AuditActor.Anonymous("192.0.2.10");

    /// <summary>An activated contract with user taro01 and the tokens of totp-plain.xml (TOTP-0001 has RFC 6238's SHA-1 secret) in stock.</summary>
    private static async Task<TestHost> HostAsync()
    {
        var host = new TestHost();
        await host.CreateContractAsync();
        await host.ActivateAdminAsync(await host.IssueCardAsync());
        var registration = new UserRegistration { UserId = "taro01", NameKana = "ﾀﾛｳ", TemporaryLoginPin = TemporaryLoginPin, TemporaryConfirmationPin = "Temp5678", IssueCertificate = true };
        Assert.True((await host.Get<UserAdministration>().RegisterAsync(await host.AdminAsync(), registration, TestHost.ConfirmationPin)).Succeeded);
        await using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Pskc", "totp-plain.xml"));
        Assert.True((await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator)).Succeeded);
        return host;
    }

    private static string Code(TestHost host, int offset = 0) =>
        Hotp.FormatString(Hotp.Compute(Rfc.Key20, (host.Time.GetUtcNow().ToUnixTimeSeconds() / 30) + offset, OtpHashAlgorithm.Sha1, 6), 6);

    /// <summary>利用者6-3: the temporary login PIN, then the token code.</summary>
    private static async Task<AuthResult<FlowHandle>> EnrollAsync(TestHost host, string code)
    {
        var enrollment = host.Get<CertificateEnrollment>();
        var begin = await enrollment.BeginUserAsync(TestHost.ContractText, "taro01", TemporaryLoginPin, Browser);
        Assert.True(begin.Succeeded, begin.ToString());
        return await enrollment.CompleteUserAsync(begin.Value.Handle, code, Browser);
    }

    private static async Task<UserState> StateAsync(TestHost host) =>
        (await host.Get<IUserStore>().FindAsync(TestHost.Contract, TokenSetup.Taro, default))!.State;

    [Fact]
    public async Task The_registration_code_typed_again_at_6_3_in_the_same_step_says_so_and_is_not_counted()
    {
        using var host = await HostAsync();
        var code = Code(host);
        Assert.True((await host.Get<HardwareTokenRegistration>().RegisterAsync(await host.AdminAsync(), TokenSetup.Taro, "TOTP-0001", code, TestHost.ConfirmationPin)).Succeeded);

        // Typed again at 6-3 within the same 30 s step, as often as the user likes: never a failure.
        for (var i = 0; i < 10; i++)
        {
            var replayed = await EnrollAsync(host, code);
            Assert.Equal(MessageCode.OneTimePasswordReplayed, replayed.ErrorCode);
            Assert.Contains("すでに使用されています", replayed.Errors[0].Ja, StringComparison.Ordinal);
            Assert.Contains("already been used", replayed.Errors[0].En, StringComparison.Ordinal);
        }

        Assert.Equal(UserState.Registered, await StateAsync(host));
        Assert.Equal(0, await FailuresAsync(host));
        var audit = await host.Get<IAuditTrailStore>().ReadAsync(0, 10_000, default);
        Assert.Equal(10, audit.Count(a => a.Action == "UserCertificateEnrollmentComplete" && a.Outcome == AuditOutcome.Refused && a.Detail == nameof(MessageCode.OneTimePasswordReplayed)));

        // Wrong codes still count from zero: the seventh locks, not an earlier one.
        for (var i = 1; i <= 6; i++)
        {
            Assert.Equal(MessageCode.OneTimePasswordIncorrect, (await EnrollAsync(host, Code(host, 1_000 + i))).ErrorCode);
        }

        Assert.Equal(UserState.Registered, await StateAsync(host));
        Assert.Equal(6, await FailuresAsync(host));
        Assert.Equal(MessageCode.UserLocked, (await EnrollAsync(host, Code(host, 2_000))).ErrorCode);
        Assert.Equal(UserState.Suspended, await StateAsync(host));
    }

    [Fact]
    public async Task After_the_replay_the_next_step_s_code_is_accepted()
    {
        using var host = await HostAsync();
        var code = Code(host);
        Assert.True((await host.Get<HardwareTokenRegistration>().RegisterAsync(await host.AdminAsync(), TokenSetup.Taro, "TOTP-0001", code, TestHost.ConfirmationPin)).Succeeded);
        Assert.Equal(MessageCode.OneTimePasswordReplayed, (await EnrollAsync(host, code)).ErrorCode);

        host.Time.Advance(TimeSpan.FromSeconds(30));
        var next = await EnrollAsync(host, Code(host));
        Assert.True(next.Succeeded, next.ToString());

        // A step older than the one used is not "the code used": counted as wrong.
        Assert.Equal(MessageCode.OneTimePasswordIncorrect, (await EnrollAsync(host, Code(host, -1))).ErrorCode);
    }

    [Fact]
    public async Task The_verifier_tells_a_replay_from_a_wrong_code_for_TOTP_and_HOTP()
    {
        using var host = new TestHost();
        var totp = await TokenSetup.AssignAsync(host, "T1", Rfc.Key20, TokenSetup.User);
        var verifier = host.Get<IHardwareTokenVerifier>();
        var context = host.Context(TokenSetup.User, FlowPurpose.UserCertificateEnrollment, Guid.NewGuid());
        var code = TokenSetup.Code(host, totp, Rfc.Key20);
        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(context, code, default)).Result);
        var replayed = await verifier.VerifyAsync(context, code, default);
        Assert.Equal((SecondFactorResult.Replayed, MessageCode.OneTimePasswordReplayed), (replayed.Result, replayed.Error!.Code));
        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(context, TokenSetup.Code(host, totp, Rfc.Key20, -1), default)).Result);

        var other = PrincipalId.User(TestHost.Contract, UserId.Parse("hanako").Value);
        var store = host.Get<IHardwareTokenStore>();
        Assert.Empty(await store.AddAllAsync([new HardwareToken { SerialNumber = "H1", Kind = HardwareTokenKind.Hotp, ProtectedSeed = host.Get<ISecretProtector>().Protect(Rfc.Key20, HardwareToken.SeedPurpose), ImportedAt = host.Time.GetUtcNow() }], null, default));
        Assert.True((await store.TryAssignAsync("H1", other, 4, 0, host.Time.GetUtcNow(), null, default)).Assigned);
        var hotp = host.Context(other, FlowPurpose.UserCertificateEnrollment, Guid.NewGuid());

        // RFC 4226 Appendix D: counter 4 is used, 5 is next.
        Assert.Equal(SecondFactorResult.Replayed, (await verifier.VerifyAsync(hotp, "338314", default)).Result);
        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(hotp, "969429", default)).Result);
        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(hotp, "254676", default)).Result);
        Assert.Equal(SecondFactorResult.Replayed, (await verifier.VerifyAsync(hotp, "254676", default)).Result);
        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(hotp, "338314", default)).Result);
    }

    [Fact]
    public async Task Parallel_submissions_of_one_code_verify_once_and_the_rest_are_replays_or_busy_never_failures()
    {
        using var host = await HostAsync();
        Assert.True((await host.Get<HardwareTokenRegistration>().RegisterAsync(await host.AdminAsync(), TokenSetup.Taro, "TOTP-0001", Code(host, -1), TestHost.ConfirmationPin)).Succeeded);
        var enrollment = host.Get<CertificateEnrollment>();
        var handles = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            handles.Add((await enrollment.BeginUserAsync(TestHost.ContractText, "taro01", TemporaryLoginPin, Browser)).Value.Handle);
        }

        var code = Code(host);
        using var start = new ManualResetEventSlim();
        var submissions = handles.Select(handle => Task.Run(async () =>
        {
            start.Wait();
            return await enrollment.CompleteUserAsync(handle, code, Browser);
        })).ToArray();
        start.Set();
        var answers = await Task.WhenAll(submissions);

        Assert.Single(answers, a => a.Succeeded);
        Assert.All(answers.Where(a => !a.Succeeded), a => Assert.Contains(a.ErrorCode, new MessageCode?[] { MessageCode.OneTimePasswordReplayed, MessageCode.CredentialBusy }));
        Assert.Contains(answers, a => a.ErrorCode == MessageCode.OneTimePasswordReplayed);
        Assert.Equal(UserState.Registered, await StateAsync(host));

        // A give-back is refused when another reservation came in between (compare-and-decrement), so a
        // replay may stay counted, never more than the replays, and the limit is never reached by them.
        Assert.InRange(await FailuresAsync(host), 0, answers.Count(a => a.ErrorCode == MessageCode.OneTimePasswordReplayed));
        Assert.DoesNotContain(await host.Get<IAuditTrailStore>().ReadAsync(0, 10_000, default), a => a.Action == "UserLocked");
    }

    private static ValueTask<int> FailuresAsync(TestHost host) =>
        host.Get<ICredentialCounterStore>().GetFailuresAsync($"{TokenSetup.User}#{(int)Credential.HardwareToken}", host.Time.GetUtcNow(), default);
}
