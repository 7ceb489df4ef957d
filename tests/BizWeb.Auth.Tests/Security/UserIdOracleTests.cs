using BizWeb.Testing.Auth;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Security;

/// <summary>
/// Issue 15, finding 5: through user certificate acquisition (利用者6-2, the one user-PIN step before
/// any certificate) existing user ids could be told from unknown ones — in linked mode 7 wrong guesses
/// at a real id stopped the contract and 7 at an unknown id changed nothing; in unlinked mode a
/// suspended user answered "locked" at the first guess and an unknown id "failed". The answers and the
/// contract's state now follow the same course for both, and a per-contract velocity limit bounds how
/// many ids and PINs can be tried.
/// </summary>
public sealed class UserIdOracleTests
{
    private static async Task<(List<MessageCode?> Answers, ContractState Contract, MessageCode? Probe)> GuessAsync(LockoutMode mode, string typedUserId, int guesses, bool suspendByToken = false)
    {
        using var h = AuthHarness.Create();
        var (contract, _) = await h.ActiveContractAsync(mode);
        await h.RegisterUserAsync(contract, "taro");
        var enrollment = h.Get<CertificateEnrollment>();
        if (suspendByToken)
        {
            // Suspended by another credential (seven wrong token codes): its login PIN counter is at zero.
            var begun = await enrollment.BeginUserAsync(contract.ToString(), "taro", AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
            for (var i = 0; i < 7; i++)
            {
                await enrollment.CompleteUserAsync(begun.Value.Handle, "000000", AuthHarness.Browser);
            }

            Assert.Equal(UserState.Suspended, (await h.Store.FindAsync(contract, AuthHarness.User("taro"), default))!.State);
            if (mode == LockoutMode.Linked)
            {
                Assert.True((await h.Get<BankOperations>().UnlockContractAsync(h.Operator, contract)).Succeeded);
                await h.ActivateAdminAsync(contract);
            }
        }

        var answers = new List<MessageCode?>();
        for (var i = 0; i < guesses; i++)
        {
            answers.Add((await enrollment.BeginUserAsync(contract.ToString(), typedUserId, "guess123", AuthHarness.Browser)).ErrorCode);
        }

        // A third id afterwards: does the contract now answer differently?
        var probe = (await enrollment.BeginUserAsync(contract.ToString(), "hanako", "guess123", AuthHarness.Browser)).ErrorCode;
        return (answers, (await h.Store.FindAsync(contract, default))!.State, probe);
    }

    [Theory]
    [InlineData(LockoutMode.Linked)]
    [InlineData(LockoutMode.Unlinked)]
    public async Task Seven_guesses_at_an_unknown_user_id_have_the_effect_of_seven_at_a_real_one(LockoutMode mode)
    {
        var real = await GuessAsync(mode, "taro", 8);
        var unknown = await GuessAsync(mode, "jiro", 8);

        Assert.Equal(real.Answers, unknown.Answers);
        Assert.Equal(real.Contract, unknown.Contract);
        Assert.Equal(real.Probe, unknown.Probe);
        Assert.Equal(mode == LockoutMode.Linked ? ContractState.Stopped : ContractState.Active, unknown.Contract);
        Assert.Equal(MessageCode.UserLocked, unknown.Answers[6]);
    }

    [Theory]
    [InlineData(LockoutMode.Linked)]
    [InlineData(LockoutMode.Unlinked)]
    public async Task A_user_suspended_by_another_credential_answers_like_an_unknown_id(LockoutMode mode)
    {
        var suspended = await GuessAsync(mode, "taro", 8, suspendByToken: true);
        var unknown = await GuessAsync(mode, "jiro", 8, suspendByToken: true);

        Assert.Equal(MessageCode.UserSignInFailed, suspended.Answers[0]);
        Assert.Equal(unknown.Answers, suspended.Answers);
        Assert.Equal(unknown.Contract, suspended.Contract);
        Assert.Equal(unknown.Probe, suspended.Probe);
    }

    [Property(MaxTest = 30)]
    public Property Real_and_unknown_ids_follow_the_same_course_for_any_number_of_guesses() =>
        Prop.ForAll(Gen.Choose(1, 10).ToArbitrary(), Gen.Elements(LockoutMode.Linked, LockoutMode.Unlinked).ToArbitrary(), (guesses, mode) =>
        {
            var real = GuessAsync(mode, "taro", guesses).GetAwaiter().GetResult();
            var unknown = GuessAsync(mode, "jiro", guesses).GetAwaiter().GetResult();
            return real.Answers.SequenceEqual(unknown.Answers) && real.Contract == unknown.Contract && real.Probe == unknown.Probe;
        });

    [Fact]
    public async Task The_pre_certificate_step_has_a_velocity_limit_per_contract_whatever_user_id_is_typed()
    {
        using var h = AuthHarness.Create(o => o.Lockout.PreCertificateAttemptsPerContract = 10);
        var (contract, _) = await h.ActiveContractAsync(LockoutMode.Unlinked);
        await h.RegisterUserAsync(contract, "taro");
        var enrollment = h.Get<CertificateEnrollment>();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(MessageCode.UserSignInFailed, (await enrollment.BeginUserAsync(contract.ToString(), $"user{i}", "guess123", AuthHarness.Browser)).ErrorCode);
        }

        h.Hasher.Reset();
        Assert.Equal(MessageCode.EnrollmentAttemptsExceeded, (await enrollment.BeginUserAsync(contract.ToString(), "taro", AuthHarness.TemporaryLoginPin, AuthHarness.Browser)).ErrorCode);
        Assert.Equal(MessageCode.EnrollmentAttemptsExceeded, (await enrollment.BeginUserAsync(contract.ToString(), "jiro", "guess123", AuthHarness.Browser)).ErrorCode);
        Assert.Equal(0, h.Hasher.Verifications);

        // Another contract id is not affected; the window closes an hour after the last attempt.
        var (other, _) = await h.ActiveContractAsync(LockoutMode.Unlinked, "10987654321");
        Assert.Equal(MessageCode.UserSignInFailed, (await enrollment.BeginUserAsync(other.ToString(), "jiro", "guess123", AuthHarness.Browser)).ErrorCode);
        h.Time.Advance(TimeSpan.FromHours(1));
        Assert.True((await enrollment.BeginUserAsync(contract.ToString(), "taro", AuthHarness.TemporaryLoginPin, AuthHarness.Browser)).Succeeded);
    }
}
