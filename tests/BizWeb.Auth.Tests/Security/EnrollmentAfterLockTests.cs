using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Tests.Security;

/// <summary>
/// Issue 15, finding 8: after a lock, an open enrollment handle answered 2010 (not active) or 2009
/// (suspended) instead of the lock codes every other step gives. It answers the lock code, unevaluated.
/// </summary>
public sealed class EnrollmentAfterLockTests : IDisposable
{
    private readonly AuthHarness _h = AuthHarness.Create();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task An_open_admin_enrollment_answers_the_admin_lock_code_after_the_contract_locked()
    {
        var (contract, certificate) = await _h.ActiveContractAsync();
        var enrollment = _h.Get<CertificateEnrollment>();
        var begun = await enrollment.BeginAdminAsync(contract.ToString(), AuthHarness.AdminLoginPin, AuthHarness.Browser);
        Assert.True(begun.Succeeded, begun.ToString());
        for (var i = 0; i < 7; i++)
        {
            await _h.Get<AdminSignIn>().VerifyPinAsync(certificate, "wrong999", AuthHarness.Browser);
        }

        var completed = await enrollment.CompleteAdminAsync(begun.Value.Handle, TestCustomerCard.Answer, AuthHarness.Browser);

        Assert.Equal(MessageCode.AdminLocked, completed.ErrorCode);
    }

    [Theory]
    [InlineData(LockoutMode.Unlinked)]
    [InlineData(LockoutMode.Linked)]
    public async Task An_open_user_enrollment_answers_the_user_lock_code_after_the_user_locked(LockoutMode mode)
    {
        var (contract, _) = await _h.ActiveContractAsync(mode);
        await _h.RegisterUserAsync(contract);
        var enrollment = _h.Get<CertificateEnrollment>();
        var begun = await enrollment.BeginUserAsync(contract.ToString(), "taro", AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        Assert.True(begun.Succeeded, begun.ToString());
        for (var i = 0; i < 7; i++)
        {
            await enrollment.BeginUserAsync(contract.ToString(), "taro", "wrong999", AuthHarness.Browser);
        }

        var evaluations = _h.Token.Evaluations;
        var completed = await enrollment.CompleteUserAsync(begun.Value.Handle, "123456", AuthHarness.Browser);

        Assert.Equal(MessageCode.UserLocked, completed.ErrorCode);
        Assert.Equal(evaluations, _h.Token.Evaluations);
    }
}
