using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Tests.Lockout;

/// <summary>
/// Issue 15 ("misleading 'locked' answers under concurrency"): a guess refused because requests still
/// in flight hold the remaining attempts is not evaluated, never passes the limit, and answers
/// <see cref="MessageCode.CredentialBusy"/>, not the lock message, while nothing is locked; real and
/// unknown identifiers answer alike.
/// </summary>
public sealed class BusyCredentialTests : IDisposable
{
    private readonly AuthHarness _h = AuthHarness.Create();

    public void Dispose() => _h.Dispose();

    /// <summary>Takes every attempt of the counter, as seven requests being evaluated on other servers would.</summary>
    private async Task HoldAllAttemptsAsync(string key, DateTimeOffset? expires = null)
    {
        for (var i = 0; i < 7; i++)
        {
            Assert.True((await _h.Store.TryReserveAttemptAsync(key, 7, _h.Time.GetUtcNow(), expires, default)).Reserved);
        }
    }

    [Fact]
    public async Task A_guess_refused_while_the_last_attempts_are_in_flight_answers_busy_and_locks_nothing()
    {
        var (contract, certificate) = await _h.ActiveContractAsync();
        var admin = PrincipalId.Administrator(contract);
        await HoldAllAttemptsAsync($"{admin}#{(int)Credential.AdminLoginPin}");
        _h.Hasher.Reset();

        var refused = await _h.Get<AdminSignIn>().VerifyPinAsync(certificate, AuthHarness.AdminLoginPin, AuthHarness.Browser);

        Assert.Equal(MessageCode.CredentialBusy, refused.ErrorCode);
        Assert.Equal(0, _h.Hasher.Verifications);
        Assert.Equal(ContractState.Active, (await _h.Store.FindAsync(contract, default))!.State);
        Assert.DoesNotContain(await _h.OutboxAsync(contract), n => n.Event == SecurityEvent.AdminPinLocked);
    }

    [Fact]
    public async Task Once_the_lock_is_in_place_the_refusal_answers_locked()
    {
        var (contract, certificate) = await _h.ActiveContractAsync();
        for (var i = 0; i < 7; i++)
        {
            await _h.Get<AdminSignIn>().VerifyPinAsync(certificate, "wrong999", AuthHarness.Browser);
        }

        Assert.Equal(MessageCode.AdminLocked, (await _h.Get<AdminSignIn>().VerifyPinAsync(certificate, AuthHarness.AdminLoginPin, AuthHarness.Browser)).ErrorCode);
    }

    [Fact]
    public async Task A_user_token_confirmation_in_flight_answers_busy_not_user_locked()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var enrollment = _h.Get<CertificateEnrollment>();
        var begun = await enrollment.BeginUserAsync(contract.ToString(), "taro", AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        await HoldAllAttemptsAsync($"{PrincipalId.User(contract, taro)}#{(int)Credential.HardwareToken}");
        var evaluations = _h.Token.Evaluations;

        var refused = await enrollment.CompleteUserAsync(begun.Value.Handle, "123456", AuthHarness.Browser);

        Assert.Equal(MessageCode.CredentialBusy, refused.ErrorCode);
        Assert.Equal(evaluations, _h.Token.Evaluations);
        Assert.Equal(UserState.Registered, (await _h.Store.FindAsync(contract, taro, default))!.State);
        Assert.Equal(ContractState.Active, (await _h.Store.FindAsync(contract, default))!.State);
    }

    [Fact]
    public async Task Unknown_and_real_user_ids_answer_alike_while_attempts_are_in_flight_and_after()
    {
        var (contract, _) = await _h.ActiveContractAsync(LockoutMode.Unlinked);
        var taro = await _h.RegisterUserAsync(contract);
        var jiro = AuthHarness.User("jiro");
        var now = _h.Time.GetUtcNow();
        await HoldAllAttemptsAsync($"{PrincipalId.User(contract, taro)}#{(int)Credential.UserLoginPin}");
        await HoldAllAttemptsAsync($"?{PrincipalId.User(contract, jiro)}#{(int)Credential.UserLoginPin}", now.AddDays(1));
        var enrollment = _h.Get<CertificateEnrollment>();

        var real = await enrollment.BeginUserAsync(contract.ToString(), "taro", "guess123", AuthHarness.Browser);
        var unknown = await enrollment.BeginUserAsync(contract.ToString(), "jiro", "guess123", AuthHarness.Browser);

        Assert.Equal(MessageCode.CredentialBusy, real.ErrorCode);
        Assert.Equal(real.ErrorCode, unknown.ErrorCode);
    }

    [Fact]
    public async Task An_unknown_id_answers_locked_from_the_guess_after_its_seventh_like_a_real_one()
    {
        var (contract, _) = await _h.ActiveContractAsync(LockoutMode.Unlinked);
        await _h.RegisterUserAsync(contract);
        var enrollment = _h.Get<CertificateEnrollment>();
        var answers = new List<(MessageCode? Real, MessageCode? Unknown)>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add((
                (await enrollment.BeginUserAsync(contract.ToString(), "taro", "guess123", AuthHarness.Browser)).ErrorCode,
                (await enrollment.BeginUserAsync(contract.ToString(), "jiro", "guess123", AuthHarness.Browser)).ErrorCode));
        }

        Assert.All(answers, a => Assert.Equal(a.Real, a.Unknown));
        Assert.Equal(MessageCode.UserLocked, answers[6].Unknown);
        Assert.Equal(MessageCode.UserLocked, answers[7].Unknown);
    }
}
